// The one training entry point of RNN Lab: the extension's training worker, `rnn-lab train`, the remedy line-up and
// the tests all call `train`, so the same data and settings give the same losses bit for bit wherever they run.
// It owns the epochs and mini-batches (trainLoop.ts), the remedies in the order docs/maths.md "Remedies" fixes
// (remedyHooks.ts: L2 and Ω added to ∂J/∂θ, the global norm measured and clipped, clipping by value, the divergence
// check), the sampling of diagnostics and the restore of the last good parameters after a divergence. The model must
// already be initialised with `remedies.init` (init.ts).
//
// Callbacks, all optional: `onUpdate` after every update (its pre-clip norm), `onEpoch` after every healthy epoch
// (losses and that epoch's gradient statistics; returning false stops training), `onDiagnostics` for every sampled
// diagnostic (epoch 0 = the initial parameters). Diagnostics are measured outside the timed loop (timestepsPerSecond
// stays the training speed), only while every parameter is finite, and a diagnostic that fails is reported missing
// (epochDiagnostics.ts), never thrown. After a divergence the last good parameters are restored and the final
// ‖∂J/∂h_k‖ (TrainingResult.diagnostics) is re-measured on them, so it describes the model that is kept.
import { hiddenGradientDiagnostics } from '../bptt';
import type { SequenceDataset } from '../dataset';
import { measureEpochDiagnostics, sampledEpochs, DEFAULT_DIAGNOSTIC_SAMPLES, lastScoredStep, type EpochDiagnostics } from '../diagnostics/epochDiagnostics';
import type { RecurrentModel } from '../model';
import type { SeededRandom } from '../random';
import type { Optimizer, ParameterSet } from '../tensor';
import { trainModel, type CancellationFlag, type EpochProgress, type TrainingResult } from './trainLoop';
import type { GradientComputer } from './gradientComputer';
import type { ClippingSummary } from '../remedies/clipping';
import { firstNonFiniteParameter, type DivergenceContext } from '../remedies/divergence';
import type { RemedyOptions } from '../remedies/remedyOptions';
import { TrainingRemedies, type DivergenceOutcome, type EpochGradientStatistics } from './remedyHooks';

export interface DiagnosticSampling {
  /** About this many epochs are sampled, first and last included (default DEFAULT_DIAGNOSTIC_SAMPLES). */
  readonly samples?: number;
  /** Also sample the initial parameters as epoch 0 (default true). */
  readonly includeInitial?: boolean;
  /** Measure ‖∂h_t/∂h_k‖ too (H Jacobian sweeps and one λ₁ per lag: the costliest diagnostic; default false). */
  readonly jacobianProducts?: boolean;
  /** With jacobianProducts: at about this many of the sampled epochs, first and last included (default all). */
  readonly jacobianSamples?: number;
  /** t of ‖∂h_t/∂h_k‖ (default the last encoder step). */
  readonly jacobianStep?: number | null;
  readonly jacobianMaxLag?: number;
}

/** What `onEpoch` is told after each healthy epoch. */
export type EpochReport = EpochProgress & EpochGradientStatistics;

export interface TrainOptions {
  readonly epochs: number;
  /** Sequences per mini-batch (the last batch of an epoch may be smaller). */
  readonly batchSize: number;
  /** Shuffles the training examples at the start of every epoch. */
  readonly random: SeededRandom;
  /** Milliseconds from an arbitrary origin (default Date.now). */
  readonly clock?: () => number;
  /** Checked between mini-batches; when set, training stops. */
  readonly cancel?: CancellationFlag;
  readonly remedies: RemedyOptions;
  /** What the run uses (cell, learning rate, …): shapes the divergence hint. */
  readonly context?: DivergenceContext;
  /** Sampled diagnostics; null or omitted: none. */
  readonly diagnostics?: DiagnosticSampling | null;
  readonly onEpoch?: (report: EpochReport) => boolean | void;
  readonly onUpdate?: (norm: number, clipped: boolean) => void;
  readonly onDiagnostics?: (sample: EpochDiagnostics) => void;
  /**
   * Computes the full-BPTT mini-batches and the validation loss (default: the exact float64 path, one sequence at a
   * time). Must be a float64 computer on one thread when the remedies need per-sequence BPTT quantities (Ω) or
   * truncate BPTT: lab/training/precision.ts decides which computer a run gets.
   */
  readonly computer?: GradientComputer | null;
  /** After the remedies of every healthy update, just before the optimiser step: the gradient it will apply. */
  readonly onAppliedGradient?: (gradients: ParameterSet, parameters: ParameterSet, step: number) => void;
}

export interface TrainOutcome {
  readonly result: TrainingResult;
  readonly diverged: DivergenceOutcome | null;
  readonly clipping: ClippingSummary;
  /** Whether each update was clipped, in the order of clipping.preClipNorms. */
  readonly clippedPerUpdate: boolean[];
  /** One entry per sampled epoch, in order (epoch 0 first when the initial parameters are sampled). */
  readonly epochDiagnostics: EpochDiagnostics[];
}

export function train(
  model: RecurrentModel,
  optimizer: Optimizer,
  training: SequenceDataset,
  validation: SequenceDataset | null,
  options: TrainOptions,
): TrainOutcome {
  const { init, clipNorm, clipValue } = options.remedies;
  const remedies = new TrainingRemedies(
    model,
    options.remedies,
    {
      // what the run already uses shapes the hint (no "use orthogonal init" for an orthogonal run)
      cell: model.config.cell,
      nonlinearity: model.config.nonlinearity,
      clipNorm,
      clipValue,
      init: init.scheme,
      ...(init.identityScale !== undefined ? { identityScale: init.identityScale } : {}),
      spectralRadius: init.spectralRadius ?? null,
      ...options.context,
    },
    options.onUpdate ?? null,
  );
  if (options.computer !== undefined && options.computer !== null && remedies.omega !== null) {
    throw new Error('the Ω penalty collects per-sequence BPTT terms: train it without a gradient computer (the float64 path)');
  }
  const validationData = validation !== null && validation.examples.length > 0 ? validation : null;
  // the probe of every diagnostic: the first validation sequence, else the first training sequence
  const probe = validationData?.examples[0] ?? training.examples[0];
  const sampling = options.diagnostics ?? null;
  const sampled = sampling === null ? new Set<number>() : sampledEpochs(options.epochs, sampling.samples ?? DEFAULT_DIAGNOSTIC_SAMPLES);
  // the epochs whose sample also gets ‖∂h_t/∂h_k‖: evenly chosen among the sampled ones (0 = the initial parameters)
  const sampledList = [0, ...[...sampled].sort((a, b) => a - b)];
  const jacobianEpochs = new Set(
    sampling?.jacobianSamples === undefined
      ? sampledList
      : [...sampledEpochs(sampledList.length, Math.max(1, sampling.jacobianSamples))].map((index) => sampledList[index - 1] as number),
  );
  const epochDiagnostics: EpochDiagnostics[] = [];
  const measure = (epoch: number): void => {
    if (sampling === null || probe === undefined || remedies.divergence !== null || firstNonFiniteParameter(model.parameters) !== undefined) return;
    const sample = measureEpochDiagnostics(model, probe, epoch, {
      jacobianProducts: (sampling.jacobianProducts ?? false) && jacobianEpochs.has(epoch),
      jacobianStep: sampling.jacobianStep ?? null,
      ...(sampling.jacobianMaxLag !== undefined ? { jacobianMaxLag: sampling.jacobianMaxLag } : {}),
      // no update has computed Ω before the first epoch
      omegaPenalty: remedies.omega === null || epoch === 0 ? null : remedies.omega.lastPenalty,
    });
    epochDiagnostics.push(sample);
    options.onDiagnostics?.(sample);
  };
  if (sampling?.includeInitial !== false) measure(0);
  const trainerOptions = remedies.trainerOptions({
    epochs: options.epochs,
    batchSize: options.batchSize,
    random: options.random,
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    ...(options.cancel !== undefined ? { cancel: options.cancel } : {}),
    ...(options.onAppliedGradient !== undefined ? { beforeUpdate: options.onAppliedGradient } : {}),
    diagnosticLossTerm: probe === undefined ? null : lastScoredStep(model, probe),
    ...(options.computer !== undefined && options.computer !== null ? { computer: options.computer } : {}),
    onEpoch: (progress) => {
      const statistics = remedies.takeEpochStatistics();
      // an epoch that ended in divergence is reported through the divergence, not as an epoch
      if (remedies.divergence !== null || !Number.isFinite(progress.trainLoss) || firstNonFiniteParameter(model.parameters) !== undefined) return false;
      if (sampled.has(progress.epoch)) measure(progress.epoch);
      return options.onEpoch?.({ ...progress, ...statistics });
    },
  });
  const trained = trainModel(model, optimizer, training, validationData, trainerOptions);
  const outcome = remedies.finish(trained);
  let result = trained;
  if (outcome.diverged !== null) {
    // the hooks stop a diverged run through the cancel flag: it was not cancelled by the caller
    const cancelled = options.cancel?.aborted === true;
    const diagnostics = probe === undefined ? null : hiddenGradientDiagnostics(model, probe, trainerOptions.diagnosticLossTerm ?? null);
    result = {
      ...trained,
      cancelled,
      diverged: { epoch: outcome.diverged.epoch, reason: outcome.diverged.detail, loss: trained.diverged?.loss ?? Number.NaN },
      diagnostics,
    };
  }
  return { result, diverged: outcome.diverged, clipping: outcome.clipping, clippedPerUpdate: outcome.clippedPerUpdate, epochDiagnostics };
}
