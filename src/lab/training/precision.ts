// Which arithmetic a run trains in, and on how many threads (docs/performance.md):
//   float64  the exact path: one sequence at a time through the engine's BPTT (what gradcheck and the oracle verify)
//   float32  the batched path: the sequences of a mini-batch together as matrix–matrix products on WebAssembly-SIMD
//            kernels (engine/fast/), optionally split across worker threads
// `auto` picks float32 when a mini-batch is big enough for matrix products to pay off — batch ≥ 8 and H ≥ 64, or
// H ≥ 128 — or when a batch of ≥ 8 has one-hot inputs (characters: the batched path looks W_ih's columns up instead of
// multiplying by V-wide one-hot rows, 4–6× faster even at H = 16), so the small numeric lecture models stay exact. Whatever the setting, runs with the Ω penalty or truncated
// BPTT and encoder–decoder models train in float64 (those need per-sequence BPTT quantities or an autoregressive
// decoder), and gradients, gradient checks and the gradient-decay diagnostics are float64 always.
// Threads split each float32 mini-batch into shards of at least MIN_SHARD_SEQUENCES sequences; the float64 path runs
// on one thread, so its numbers never depend on the machine.
import { float32Covers } from '../../engine/fast/computers';
import type { ModelConfig } from '../../engine/modelConfig';
import type { Precision } from '../../engine/training/gradientComputer';
import type { RemedyOptions } from '../../engine/remedies/remedyOptions';
import type { PrecisionSetting } from '../runs/runRecord';
import { MAX_TRAINING_THREADS } from '../settings/settingsSchema';

/** A thread's shard of a mini-batch holds at least this many sequences. */
export const MIN_SHARD_SEQUENCES = 4;

/** Why the run trains in the precision it does. */
export type PrecisionReason =
  | 'requested'
  | 'auto-large'
  | 'auto-small'
  | 'omega'
  | 'truncation'
  | 'encoder-decoder';

export interface PrecisionChoice {
  readonly precision: Precision;
  readonly reason: PrecisionReason;
  /** Threads the run trains on (1: the calling thread only). */
  readonly threads: number;
}

/** English explanations (the CLI's; the extension localises the reason code itself). */
export const PRECISION_REASON_TEXT: Readonly<Record<PrecisionReason, string>> = {
  requested: 'as requested',
  'auto-large': 'auto: batch ≥ 8 with H ≥ 64 or one-hot characters, or H ≥ 128',
  'auto-small': 'auto: a small model stays exact',
  omega: 'the Ω penalty needs the exact per-sequence path',
  truncation: 'truncated BPTT runs on the exact per-sequence path',
  'encoder-decoder': 'the encoder–decoder runs on the exact per-sequence path',
};

/** The auto rule alone. */
export function autoPrecision(batch: number, hiddenSize: number, oneHotInputs = false): Precision {
  return (batch >= 8 && (hiddenSize >= 64 || oneHotInputs)) || hiddenSize >= 128 ? 'float32' : 'float64';
}

/**
 * Resolves the precision and thread settings of a run. `threads` 0 means "the machine's cores, at most 8":
 * `cores` is what the platform reports (1 where threads are unavailable).
 */
export function choosePrecision(
  setting: PrecisionSetting,
  threadsSetting: number,
  config: ModelConfig,
  remedies: Pick<RemedyOptions, 'omega' | 'truncation'>,
  batch: number,
  cores: number,
  /** The batched path reads every training example's input as class indices (engine/fast readsInputClasses). */
  oneHotInputs = false,
): PrecisionChoice {
  const exactOnly: PrecisionReason | null =
    remedies.omega > 0 ? 'omega' : remedies.truncation !== null ? 'truncation' : !float32Covers(config) ? 'encoder-decoder' : null;
  let precision: Precision;
  let reason: PrecisionReason;
  if (exactOnly !== null) {
    precision = 'float64';
    reason = setting === 'float64' ? 'requested' : exactOnly;
  } else if (setting === 'auto') {
    precision = autoPrecision(batch, config.hiddenSize, oneHotInputs);
    reason = precision === 'float32' ? 'auto-large' : 'auto-small';
  } else {
    precision = setting;
    reason = 'requested';
  }
  const requestedThreads = threadsSetting > 0 ? threadsSetting : Math.max(1, Math.min(MAX_TRAINING_THREADS, cores));
  const threads = precision === 'float32' ? Math.max(1, Math.min(requestedThreads, MAX_TRAINING_THREADS, Math.floor(batch / MIN_SHARD_SEQUENCES))) : 1;
  return { precision, reason, threads };
}
