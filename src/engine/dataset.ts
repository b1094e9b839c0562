// Training data as the engine sees it: windows already cut and normalised by the data layer.
// Every array is flat, row-major float64 (docs/maths.md, "Parameter layout": row after row), so the time loop
// reads contiguous memory and never allocates.

/** The five topologies of the lecture (docs/maths.md, "Losses": which outputs are scored follows the topology). */
export type TopologyId =
  | 'one-to-one'
  | 'one-to-many'
  | 'many-to-one'
  | 'many-to-many-encoder-decoder'
  | 'many-to-many-synced';

export const TOPOLOGY_IDS: readonly TopologyId[] = [
  'one-to-one',
  'one-to-many',
  'many-to-one',
  'many-to-many-encoder-decoder',
  'many-to-many-synced',
];

export function isTopologyId(value: unknown): value is TopologyId {
  return typeof value === 'string' && (TOPOLOGY_IDS as readonly string[]).includes(value);
}

/** One (input sequence, target sequence) pair. */
export interface SequenceExample {
  /** Number of input steps T_in (1 for one-to-one and for one-to-many fed at step 1 only). */
  readonly inputLength: number;
  /** [inputLength × inputSize] */
  readonly inputs: Float64Array;
  /**
   * The input is one-hot: step t's input is the unit vector e_{inputClasses[t]} of size inputSize ([inputLength]).
   * Such examples (oneHotExample.ts) keep only these indices; `inputs` is then materialised on access.
   */
  readonly inputClasses?: Int32Array;
  /** Number of scored output steps: 1 (one-to-one, many-to-one), T (synced), M (encoder–decoder), N (one-to-many). */
  readonly targetLength: number;
  /** Regression targets [targetLength × outputSize] (MSE). Empty when `targetClasses` is used. */
  readonly targets: Float64Array;
  /** Class index per scored step [targetLength] (softmax cross-entropy); outputSize is then the class count. */
  readonly targetClasses?: Int32Array;
}

export interface SequenceDataset {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly examples: readonly SequenceExample[];
}
