// One training run, the same code wherever it runs: the extension's training worker (which forwards the events as
// throttled progress messages), `rnn-lab train` (stderr lines and --json) and `rnn-lab train --from-run` (which
// therefore reproduces an editor run's losses bit for bit). It sets the run up from the settings (trainingSetup.ts),
// trains with the engine's one training loop (engine/training/train.ts), turns each sampled diagnostic into the run
// record's samples, and finishes with the model file, the validation predictions and the divergence, if any.
import { evaluateLoss } from '../../engine/bptt';
import type { SequenceExample } from '../../engine/dataset';
import { createGradientComputer, readsInputClasses } from '../../engine/fast/computers';
import type { GradientComputer, Precision } from '../../engine/training/gradientComputer';
import type { EpochDiagnostics } from '../../engine/diagnostics/epochDiagnostics';
import type { ModelConfig } from '../../engine/modelConfig';
import type { RecurrentModel } from '../../engine/model';
import { train, type EpochReport, type TrainOutcome } from '../../engine/training/train';
import type { CancellationFlag } from '../../engine/training/trainLoop';
import type { RemedyOptions } from '../../engine/remedies/remedyOptions';
import type { TrainingData } from '../../data/intakeTypes';
import { serializeModel, type JsonObject, type ModelExtras } from '../../modelFiles/modelJson';
import type { RunArithmetic } from '../runs/runRecord';
import type { DivergenceInfo, EpochMetrics, GradientNormSample, SpectralSample, TrainingSettings, ValidationPredictions } from '../runs/runRecord';
import { gradientSamplesOf, spectralSampleOf } from './diagnosticSamples';
import { checkTrainingMemory } from './memoryEstimate';
import { choosePrecision, type PrecisionChoice } from './precision';
import { setUpTraining } from './trainingSetup';
import { validationPredictions, type PredictionTarget } from './validationPredictions';

/** Everything one run needs. */
export interface TrainingJob {
  readonly model: ModelConfig;
  readonly settings: TrainingSettings;
  readonly data: TrainingData;
  /** Stored in model.json beside the parameters (the data's normalisation, a character vocabulary, …). */
  readonly modelExtras: ModelExtras;
  /** Number series only: the final model's validation predictions are returned in the data's units. */
  readonly predictionTarget?: PredictionTarget;
}

/** What a thread pool needs to start (node/threads); the lab itself never starts threads. */
export interface ThreadedComputerRequest {
  readonly threads: number;
  readonly precision: Precision;
  readonly config: ModelConfig;
  readonly trainingExamples: readonly SequenceExample[];
}

/** Callers that can run worker threads (the CLI, the training worker) pass the machine's cores and a pool factory. */
export interface ParallelTraining {
  readonly cores: number;
  createThreadedComputer(request: ThreadedComputerRequest): GradientComputer;
}

export interface TrainingEvents {
  /** Worker threads for float32 runs; without it every run trains on the calling thread. */
  readonly parallel?: ParallelTraining;
  /** Milliseconds from an arbitrary origin. */
  readonly clock: () => number;
  readonly cancel?: CancellationFlag;
  /** Also measure ‖∂h_t/∂h_k‖ at about this many sampled epochs, first and last included (the CLI's --json prints them). */
  readonly jacobianSamples?: number;
  /** After every healthy epoch; returning false stops the run after it. */
  readonly onEpoch?: (metrics: EpochMetrics, report: EpochReport) => boolean | void;
  /** Every update's global gradient norm ‖∂J/∂θ‖ before clipping. */
  readonly onUpdateNorm?: (norm: number) => void;
  /** Every sampled diagnostic (epoch 0 = the initial parameters), also as the run record's samples. */
  readonly onDiagnostics?: (sample: EpochDiagnostics, gradientSamples: readonly GradientNormSample[], spectra: SpectralSample | null) => void;
}

export type TrainingRunStatus = 'completed' | 'cancelled' | 'diverged';

export interface TrainingRunResult {
  readonly status: TrainingRunStatus;
  readonly outcome: TrainOutcome;
  /** The trained model (after a divergence: the last good parameters). */
  readonly model: RecurrentModel;
  /** Healthy epochs reported through onEpoch. */
  readonly epochsCompleted: number;
  /** model.json of the kept parameters (modelFiles/modelJson.ts). */
  readonly modelJson: string;
  /**
   * The same format for the parameters setUpTraining drew from the seed, before the first update (initial-model.json):
   * with the data and the seed, what another framework needs to start from the same θ₀.
   */
  readonly initialModelJson: string;
  /** The remedies the settings gave (trainingSetup.ts). */
  readonly remedies: RemedyOptions;
  /** The precision and thread count the run trained with (precision.ts). */
  readonly precision: PrecisionChoice;
  /** float32 runs: the kernels used ('wasm-simd' or 'typescript'); null for float64. */
  readonly kernelBackend: string | null;
  readonly divergence?: DivergenceInfo;
  readonly validationPredictions?: ValidationPredictions;
  /**
   * J of the kept (saved) parameters on the whole training set and on the validation set (NaN without one), without
   * penalties. Not the same as outcome.result.trainLoss, which is the running mean over the last epoch's mini-batches,
   * each measured with the parameters before its own update (docs/maths.md "Losses").
   */
  readonly finalTrainLoss: number;
  readonly finalValidationLoss: number;
}

export function runTraining(job: TrainingJob, events: TrainingEvents): TrainingRunResult {
  const { settings } = job;
  // before anything is allocated: refuse a model that would not fit the memory budget (a MemoryBudgetError, a RangeError)
  let longest = 1;
  for (const example of job.data.train) longest = Math.max(longest, example.inputLength);
  for (const example of job.data.validation) longest = Math.max(longest, example.inputLength);
  checkTrainingMemory(job.model, settings.training.optimizer, longest, events.jacobianSamples !== undefined);
  const setup = setUpTraining(settings, job.model);
  const { model } = setup;
  // written now, not after training, so that a Stop is not kept waiting for it
  const initialModelJson = serializeModel(job.model, model.parameters, modelFileExtras(job, { epochsCompleted: 0 }));
  const training = { inputSize: job.data.inputSize, outputSize: job.data.outputSize, examples: job.data.train };
  const oneHot = job.data.train.length > 0 && job.data.train.every((example) => readsInputClasses(job.model, example));
  const precision = choosePrecision(settings.training.precision, settings.training.threads, job.model, setup.remedies, settings.training.batch, events.parallel?.cores ?? 1, oneHot);
  // float64 on one thread is train()'s own default path (which Ω and TBPTT need); anything else gets a computer
  const computer = startComputer(precision, job, events.parallel);
  try {
    return finishRun(job, events, setup, initialModelJson, training, precision, computer);
  } finally {
    computer?.dispose();
  }
}

function startComputer(precision: PrecisionChoice, job: TrainingJob, parallel: ParallelTraining | undefined): GradientComputer | null {
  if (precision.threads > 1 && parallel !== undefined) {
    return parallel.createThreadedComputer({ threads: precision.threads, precision: precision.precision, config: job.model, trainingExamples: job.data.train });
  }
  return precision.precision === 'float32' ? createGradientComputer('float32', job.model) : null;
}

function finishRun(
  job: TrainingJob,
  events: TrainingEvents,
  setup: ReturnType<typeof setUpTraining>,
  initialModelJson: string,
  training: { readonly inputSize: number; readonly outputSize: number; readonly examples: readonly SequenceExample[] },
  precision: PrecisionChoice,
  computer: GradientComputer | null,
): TrainingRunResult {
  const { settings } = job;
  const { model } = setup;
  const validation = { inputSize: job.data.inputSize, outputSize: job.data.outputSize, examples: job.data.validation };
  let epochsCompleted = 0;
  let epochStarted = events.clock();
  const outcome = train(model, setup.optimizer, training, validation, {
    epochs: settings.training.epochs,
    batchSize: settings.training.batch,
    random: setup.random,
    clock: events.clock,
    ...(events.cancel !== undefined ? { cancel: events.cancel } : {}),
    remedies: setup.remedies,
    context: setup.context,
    ...(computer !== null ? { computer } : {}),
    diagnostics: events.jacobianSamples === undefined ? {} : { jacobianProducts: true, jacobianSamples: events.jacobianSamples },
    onUpdate: (norm) => events.onUpdateNorm?.(norm),
    onDiagnostics: (sample) => events.onDiagnostics?.(sample, gradientSamplesOf(sample), spectralSampleOf(sample)),
    onEpoch: (report) => {
      const now = events.clock();
      epochsCompleted = report.epoch;
      const metrics: EpochMetrics = {
        epoch: report.epoch,
        trainLoss: report.trainLoss,
        validationLoss: Number.isFinite(report.validationLoss) ? report.validationLoss : null,
        meanGradientNorm: report.meanGradientNorm,
        maxGradientNorm: report.maxGradientNorm,
        clippedFraction: report.clippedFraction,
        elapsedMs: now - epochStarted,
      };
      const keepGoing = events.onEpoch?.(metrics, report);
      epochStarted = events.clock();
      return keepGoing;
    },
  });
  const diverged = outcome.diverged;
  const divergence: DivergenceInfo | undefined =
    diverged === null
      ? undefined
      : {
          reason: diverged.reason,
          epoch: diverged.epoch,
          value: diverged.value,
          detail: diverged.detail,
          hints: diverged.remedies,
          lastGoodEpoch: epochsCompleted,
          keptUpdates: diverged.keptUpdates,
        };
  const { result } = outcome;
  // in the run's own precision (a float64 pass over a whole book would take longer than the training); a cancelled run
  // skips it (NaN: not measured), so Stop is answered at once
  const finalLoss = (examples: readonly SequenceExample[]): number =>
    computer === null || examples.length === 0 ? evaluateLoss(model, examples) : (computer.evaluate(model, examples, events.cancel) ?? Number.NaN);
  const finalTrainLoss = finalLoss(job.data.train);
  const finalValidationLoss = finalLoss(job.data.validation);
  const modelJson = serializeModel(
    job.model,
    model.parameters,
    modelFileExtras(job, {
      epochsCompleted,
      trainLoss: finiteOrNull(result.trainLoss),
      validationLoss: finiteOrNull(result.validationLoss),
      finalTrainLoss: finiteOrNull(finalTrainLoss),
      finalValidationLoss: finiteOrNull(finalValidationLoss),
    }),
  );
  const predictions = job.predictionTarget !== undefined ? validationPredictions(model, job.data.validation, job.predictionTarget, batchedOutputs(computer, model)) : undefined;
  return {
    status: divergence !== undefined ? 'diverged' : result.cancelled ? 'cancelled' : 'completed',
    outcome,
    model,
    epochsCompleted,
    modelJson,
    initialModelJson,
    remedies: setup.remedies,
    precision,
    kernelBackend: computer === null || computer.precision === 'float64' ? null : (computer.backend ?? null),
    finalTrainLoss,
    finalValidationLoss,
    ...(divergence !== undefined ? { divergence } : {}),
    ...(predictions !== undefined ? { validationPredictions: predictions } : {}),
  };
}

/**
 * A float32 run's own forward pass for the validation predictions (float64 runs predict one window at a time); at most
 * MAX_PREDICTED_WINDOWS windows, a few milliseconds, so a cancelled run keeps them too.
 */
function batchedOutputs(computer: GradientComputer | null, model: RecurrentModel): ((examples: readonly SequenceExample[]) => Float64Array | null) | undefined {
  if (computer === null || computer.lastStepOutputs === undefined) return undefined;
  return (examples) => computer.lastStepOutputs?.(model, examples) ?? null;
}

/** The run record's `arithmetic` (lab/runs/runRecord.ts RunArithmetic) of a finished run. */
export function arithmeticOf(run: TrainingRunResult): RunArithmetic {
  return { precision: run.precision.precision, reason: run.precision.reason, threads: run.precision.threads, kernels: run.kernelBackend };
}

/** The job's extras (normalisation, vocabulary, …) with the training section: the settings and then `facts`. */
function modelFileExtras(job: TrainingJob, facts: JsonObject): ModelExtras {
  const { training } = job.settings;
  return {
    ...job.modelExtras,
    training: {
      ...(job.modelExtras.training ?? {}),
      optimizer: training.optimizer,
      learningRate: training.learningRate,
      batch: training.batch,
      seed: training.seed,
      ...facts,
    },
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
