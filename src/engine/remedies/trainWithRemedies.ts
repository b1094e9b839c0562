// trainModel with the remedies of RemedyOptions and the per-epoch diagnostics (issue 4): the one call the CLI makes
// and the worker can make. The model must already be initialised with `remedies.init` (init.ts).
//
// Sampled diagnostics (diagnostics/epochDiagnostics.ts) are measured in the trainer's onEpoch callback, outside the
// timed training loop (timestepsPerSecond stays the training speed), and only while every parameter is finite —
// the eigen-solvers are not run on NaN matrices. After a divergence the last good parameters are restored and the
// final ‖∂J/∂h_k‖ (TrainingResult.diagnostics) is re-measured on them, so it describes the model that is kept.
import { hiddenGradientDiagnostics } from '../bptt';
import type { SequenceDataset } from '../dataset';
import { measureEpochDiagnostics, sampledEpochs, DEFAULT_DIAGNOSTIC_SAMPLES, type EpochDiagnostics } from '../diagnostics/epochDiagnostics';
import type { RecurrentModel } from '../model';
import type { Optimizer } from '../tensor';
import { trainModel, type TrainerOptions, type TrainingResult } from '../trainer';
import type { ClippingSummary } from './clipping';
import { firstNonFiniteParameter, type DivergenceContext } from './divergence';
import type { RemedyOptions } from './remedyOptions';
import { TrainingRemedies, type DivergenceOutcome } from './trainingRemedies';

export interface DiagnosticSampling {
  /** About this many epochs are sampled, first and last included (default DEFAULT_DIAGNOSTIC_SAMPLES). */
  readonly samples?: number;
  /** t of ‖∂h_t/∂h_k‖ (default the last encoder step). */
  readonly jacobianStep?: number | null;
  readonly jacobianMaxLag?: number;
}

export interface RemedyTrainingOptions {
  readonly trainer: TrainerOptions;
  readonly remedies: RemedyOptions;
  /** What the run uses (cell, learning rate, …): shapes the divergence hint. */
  readonly context?: DivergenceContext;
  /** Per-epoch diagnostics; null or omitted: none. */
  readonly diagnostics?: DiagnosticSampling | null;
}

export interface RemedyTrainingResult {
  readonly result: TrainingResult;
  readonly diverged: DivergenceOutcome | null;
  readonly clipping: ClippingSummary;
  /** Whether each update was clipped, in the order of clipping.preClipNorms. */
  readonly clippedPerUpdate: boolean[];
  /** One entry per sampled epoch, in order. */
  readonly epochDiagnostics: EpochDiagnostics[];
}

export function trainWithRemedies(
  model: RecurrentModel,
  optimizer: Optimizer,
  training: SequenceDataset,
  validation: SequenceDataset | null,
  options: RemedyTrainingOptions,
): RemedyTrainingResult {
  const { init, clipNorm, clipValue } = options.remedies;
  const remedies = new TrainingRemedies(model, options.remedies, {
    // what the run already uses shapes the hint (no "use orthogonal init" for an orthogonal run)
    cell: model.config.cell,
    nonlinearity: model.config.nonlinearity,
    clipNorm,
    clipValue,
    init: init.scheme,
    ...(init.identityScale !== undefined ? { identityScale: init.identityScale } : {}),
    spectralRadius: init.spectralRadius ?? null,
    ...options.context,
  });
  const sampling = options.diagnostics ?? null;
  const probe = validation !== null && validation.examples.length > 0 ? validation.examples[0] : training.examples[0];
  const sampled = sampling === null ? new Set<number>() : sampledEpochs(options.trainer.epochs, sampling.samples ?? DEFAULT_DIAGNOSTIC_SAMPLES);
  const epochDiagnostics: EpochDiagnostics[] = [];
  const base = options.trainer;
  const trainerOptions = remedies.trainerOptions({
    ...base,
    onEpoch: (progress) => {
      if (sampling !== null && probe !== undefined && sampled.has(progress.epoch) && remedies.divergence === null && firstNonFiniteParameter(model.parameters) === undefined) {
        epochDiagnostics.push(
          measureEpochDiagnostics(model, probe, progress.epoch, {
            jacobianStep: sampling.jacobianStep ?? null,
            ...(sampling.jacobianMaxLag !== undefined ? { jacobianMaxLag: sampling.jacobianMaxLag } : {}),
            omegaPenalty: remedies.omega === null ? null : remedies.omega.lastPenalty,
          }),
        );
      }
      return base.onEpoch?.(progress);
    },
  });
  const trained = trainModel(model, optimizer, training, validation, trainerOptions);
  const outcome = remedies.finish(trained);
  let result = trained;
  if (outcome.diverged !== null) {
    // the hooks stop a diverged run through the cancel flag: it was not cancelled by the caller
    const cancelled = base.cancel?.aborted === true;
    const diagnostics = probe === undefined ? null : hiddenGradientDiagnostics(model, probe, base.diagnosticLossTerm ?? null);
    result = { ...trained, cancelled, diverged: { epoch: outcome.diverged.epoch, reason: outcome.diverged.detail }, diagnostics };
  }
  return { result, diverged: outcome.diverged, clipping: outcome.clipping, clippedPerUpdate: outcome.clippedPerUpdate, epochDiagnostics };
}
