// A model is a flat record of named float64 tensors (karpathy/recurrentjs style), named as PyTorch names them
// (docs/maths.md, "Parameter layout": `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, …, `weight_out`,
// `bias_out`), so optimisers, clipping, penalties and serialisation iterate over names.

export interface Tensor {
  /** PyTorch parameter name, e.g. `weight_hh_l0`. */
  readonly name: string;
  /** [rows, cols] for matrices, [n] for vectors; row-major, as `tensor.flatten()`. */
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Parameters (or their gradients: same names, same shapes) in a fixed order. */
export interface ParameterSet {
  readonly tensors: readonly Tensor[];
}

export function tensorSize(shape: readonly number[]): number {
  return shape.reduce((product, dimension) => product * dimension, 1);
}

export function createTensor(name: string, shape: readonly number[]): Tensor {
  return { name, shape: [...shape], data: new Float64Array(tensorSize(shape)) };
}

/** A zero-filled set with the same names and shapes (e.g. gradient accumulators, optimiser moments). */
export function zerosLike(parameters: ParameterSet): ParameterSet {
  return { tensors: parameters.tensors.map((t) => createTensor(t.name, t.shape)) };
}

/** An independent copy (same names, shapes and values): later updates to `parameters` leave it unchanged. */
export function cloneParameters(parameters: ParameterSet): ParameterSet {
  return { tensors: parameters.tensors.map((t) => ({ name: t.name, shape: [...t.shape], data: Float64Array.from(t.data) })) };
}

export function findTensor(parameters: ParameterSet, name: string): Tensor | undefined {
  return parameters.tensors.find((t) => t.name === name);
}

/** Optimiser contract: updates `parameters` in place from `gradients` (same order, names and shapes). */
export interface Optimizer {
  readonly kind: 'sgd' | 'momentum' | 'adam';
  step(parameters: ParameterSet, gradients: ParameterSet): void;
}
