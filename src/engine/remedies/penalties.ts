// L2 weight decay (docs/maths.md, "Remedies → Penalties"; issue 4 `--l2 X`): J ← J + λ‖θ‖²/2, so ∂J/∂θ ← ∂J/∂θ + λθ.
//
// Which tensors: the weight matrices only — every `weight_*` (W_ih, W_hh of every layer, the decoder's, and the readout
// W_out) — not the biases. A bias shifts one unit's operating point and does not make the map steeper, so penalising it
// does not reduce over-fitting but does pull the LSTM forget-gate bias (+1 at initialisation) back towards 0, which
// undoes that remedy (Goodfellow, Bengio & Courville 2016, §7.1: "we typically penalize only the weights").
// Note: PyTorch's `weight_decay` option decays every parameter, biases included; this engine deliberately does not.
// (Pascanu's Ω needs the BPTT internals and lives with the BPTT code, not here.)
import { DECODER_PREFIX } from '../parameterLayout';
import type { ParameterSet } from '../tensor';

/** True for the tensors L2 decays: names `weight_…` or `decoder.weight_…`. */
export function isL2Penalized(name: string): boolean {
  const baseName = name.startsWith(DECODER_PREFIX) ? name.slice(DECODER_PREFIX.length) : name;
  return baseName.startsWith('weight_');
}

function checkStrength(lambda: number): void {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RangeError(`L2 strength must be a finite number ≥ 0, got ${String(lambda)}`);
  }
}

/** λ‖θ‖²/2 over the weight matrices (the term added to the loss). */
export function l2Penalty(parameters: ParameterSet, lambda: number): number {
  checkStrength(lambda);
  let sumOfSquares = 0;
  for (const tensor of parameters.tensors) {
    if (!isL2Penalized(tensor.name)) continue;
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      sumOfSquares += value * value;
    }
  }
  return 0.5 * lambda * sumOfSquares;
}

/**
 * Adds ∂(λ‖θ‖²/2)/∂θ = λθ to the gradients of the weight matrices, in place, and returns the penalty λ‖θ‖²/2 for the
 * caller to add to the reported loss. `gradients` must have the same tensors, in the same order, as `parameters`.
 * Allocation-free; λ = 0 leaves the gradients untouched and returns 0.
 */
export function applyL2Penalty(parameters: ParameterSet, gradients: ParameterSet, lambda: number): number {
  checkStrength(lambda);
  if (parameters.tensors.length !== gradients.tensors.length) {
    throw new RangeError(`applyL2Penalty: ${parameters.tensors.length} parameter tensors but ${gradients.tensors.length} gradient tensors`);
  }
  if (lambda === 0) return 0;
  let sumOfSquares = 0;
  for (let k = 0; k < parameters.tensors.length; k++) {
    const parameter = parameters.tensors[k]!;
    if (!isL2Penalized(parameter.name)) continue;
    const gradient = gradients.tensors[k]!;
    if (gradient.name !== parameter.name || gradient.data.length !== parameter.data.length) {
      throw new RangeError(
        `applyL2Penalty: gradient ${k} is "${gradient.name}" (${gradient.data.length} values), expected "${parameter.name}" (${parameter.data.length} values)`,
      );
    }
    const theta = parameter.data;
    const g = gradient.data;
    for (let i = 0; i < theta.length; i++) {
      const value = theta[i] as number;
      sumOfSquares += value * value;
      g[i] = (g[i] as number) + lambda * value;
    }
  }
  return 0.5 * lambda * sumOfSquares;
}
