// What one demo experiment measured: the numbers of its table row, its loss curves, and (BPTT models) the run record
// the report's charts are drawn from — the same RunRecord the extension saves, so the charts are the panels' series.
import type { RunRecord } from '../runs/runRecord';
import type { DemoExperiment } from './lineup';

export interface DemoResult {
  readonly experiment: DemoExperiment;
  /** Final J on the training and validation sets (NaN when unavailable). */
  readonly trainLoss: number;
  readonly validationLoss: number;
  /** Per epoch (an echo state network has one "epoch": its closed-form fit). */
  readonly lossPerEpoch: readonly number[];
  readonly validationLossPerEpoch: readonly number[];
  /** λ₁ = ‖W_rec‖₂ of the final model (W_hh; stacked gate matrix for LSTM/GRU; the reservoir W for an ESN). */
  readonly lambda1: number | null;
  /** Percentage of updates clipped; null when clipping is off (or for an ESN, which has no gradient updates). */
  readonly clippedPercent: number | null;
  /** ‖∂J/∂h_k‖₂, k = 0 … T−1, of layer 0 on the probe sequence with the final parameters; null for an ESN. */
  readonly hiddenGradNorms: readonly number[] | null;
  /** Why training stopped early (divergence), or null. */
  readonly diverged: string | null;
  /** The run as the extension would save it (BPTT models only). */
  readonly record: RunRecord | null;
  /** The texts of model.json and initial-model.json the record names (BPTT models only). */
  readonly modelFiles: { readonly model: string; readonly initialModel: string } | null;
  readonly wallMilliseconds: number;
}

/** ‖∂J/∂h_k‖ at lag t − k from the last step t = T − 1; null when the sequence is shorter than lag + 1 steps. */
export function normAtLag(norms: readonly number[] | null, lag: number): number | null {
  if (norms === null || !Number.isInteger(lag) || lag < 0) return null;
  const k = norms.length - 1 - lag;
  return k >= 0 ? (norms[k] ?? null) : null;
}
