// A tensor as far as topology is concerned: does it still have a time axis, how many steps, what each step looks
// like, and where it came from (a summarised sequence, an RNN state …). Shapes exclude the batch axis, as Keras'
// `batch_input_shape[1:]`.

export type Dims = readonly (number | null)[];

export interface SymbolicTensor {
  /** True when axis 0 (after the batch) is time: a sequence of `timeLength` steps. */
  readonly timeAxis: boolean;
  /** Steps on the time axis, null when variable or unknown (Keras `None`). */
  readonly timeLength: number | null;
  /** Shape of one step (or of the whole sample when there is no time axis); null when the rank is unknown. */
  readonly stepDims: Dims | null;
  /** Some model input with a time axis flows into this tensor. */
  readonly fromSequence: boolean;
  /** A sequence was reduced to one vector on the way (RNN final state, global pooling, Flatten). */
  readonly summarisedSequence: boolean;
  /** This tensor is a recurrent layer's state returned with `return_state`; `stateOf` names the layer. */
  readonly recurrentState: boolean;
  readonly stateOf: string | null;
  /** A recurrent layer lies upstream. */
  readonly passedRecurrent: boolean;
}

export function sequenceTensor(timeLength: number | null, stepDims: Dims | null, from: SymbolicTensor | null): SymbolicTensor {
  return {
    timeAxis: true,
    timeLength,
    stepDims,
    fromSequence: from === null ? true : from.fromSequence,
    summarisedSequence: from?.summarisedSequence ?? false,
    recurrentState: false,
    stateOf: null,
    passedRecurrent: from?.passedRecurrent ?? false,
  };
}

export function staticTensor(dims: Dims | null, from: SymbolicTensor | null): SymbolicTensor {
  return {
    timeAxis: false,
    timeLength: null,
    stepDims: dims,
    fromSequence: from?.fromSequence ?? false,
    summarisedSequence: from === null ? false : from.summarisedSequence || from.timeAxis,
    recurrentState: false,
    stateOf: null,
    passedRecurrent: from?.passedRecurrent ?? false,
  };
}

/** A model input: sequence or not is decided by the caller from its shape and its consumers. */
export function inputTensor(timeAxis: boolean, dims: Dims | null): SymbolicTensor {
  if (timeAxis) {
    return { ...sequenceTensor(dims?.[0] ?? null, dims === null ? null : dims.slice(1), null), fromSequence: true };
  }
  return { ...staticTensor(dims, null), fromSequence: false };
}

/** Provenance of several tensors merged (Concatenate, Add, Attention …): any flag set on one input stays set. */
export function mergedProvenance(tensors: readonly SymbolicTensor[]): Pick<
  SymbolicTensor,
  'fromSequence' | 'summarisedSequence' | 'passedRecurrent'
> {
  return {
    fromSequence: tensors.some((t) => t.fromSequence),
    summarisedSequence: tensors.some((t) => t.summarisedSequence),
    passedRecurrent: tensors.some((t) => t.passedRecurrent),
  };
}

export function withLastDim(dims: Dims | null, last: number | null): Dims | null {
  if (dims === null) return [last];
  if (dims.length === 0) return [last];
  return [...dims.slice(0, -1), last];
}

export function productOfDims(dims: Dims | null): number | null {
  if (dims === null) return null;
  let product = 1;
  for (const dim of dims) {
    if (dim === null) return null;
    product *= dim;
  }
  return product;
}

/** "[30, 8]", "[?, 8]" for messages. */
export function formatDims(dims: Dims | null): string {
  if (dims === null) return '[?]';
  return `[${dims.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/** The whole per-sample shape, time axis included. */
export function fullDims(tensor: SymbolicTensor): Dims | null {
  if (!tensor.timeAxis) return tensor.stepDims;
  return tensor.stepDims === null ? null : [tensor.timeLength, ...tensor.stepDims];
}
