// The remedy and diagnostic fields `rnn-lab train --json` adds for a BPTT run (issue 4); names documented in
// docs/train-json.md and, for the per-epoch entries, in src/engine/diagnostics/epochDiagnostics.ts.
import type { RemedyOptions } from '../../engine/remedies/remedyOptions';
import type { RemedyTrainingResult } from '../../engine/remedies/trainWithRemedies';

/** `clipping`, `diverged` and `diagnostics` of the JSON (NaN/±Inf become null through JSON.stringify). */
export function remedyResultJson(outcome: RemedyTrainingResult): Record<string, unknown> {
  const clipping = outcome.clipping;
  return {
    clipping: {
      updates: clipping.updates,
      clipped: clipping.clippedCount,
      fraction: clipping.clippedFraction,
      maxPreClipNorm: clipping.maxPreClipNorm,
      preClipNorms: clipping.preClipNorms,
      clippedPerUpdate: outcome.clippedPerUpdate,
    },
    diverged: outcome.diverged,
    diagnostics: outcome.epochDiagnostics,
  };
}

/** The remedies in use, echoed under `training.remedies`. */
export function remedyOptionsJson(options: RemedyOptions): Record<string, unknown> {
  return {
    clipNorm: options.clipNorm,
    clipValue: options.clipValue,
    l2: options.l2,
    omega: options.omega,
    tbptt: options.truncation,
    init: options.init,
    gradientNormBound: options.clipNorm === null && options.clipValue === null ? options.gradientNormBound : null,
  };
}
