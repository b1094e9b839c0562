// One training run inside the worker: builds the model from the start message, drives the engine's trainer, and
// posts throttled progress, then exactly one terminal message (done | cancelled | diverged | error).
// Cancel: the trainer checks `cancel.aborted` between mini-batches; here that reads the SharedArrayBuffer flag the
// host raises with Atomics (the worker's event loop is busy while training and would not see a message in time).
// Divergence: the run stops, the last good parameters (end of the last healthy epoch) are restored and saved.
// No worker_threads import: `post` and `clock` are passed in, so unit tests run it directly.
import { hiddenGradientDiagnostics } from '../../engine/bptt';
import type { SequenceDataset, SequenceExample } from '../../engine/dataset';
import { spectralDiagnostics } from '../../engine/diagnostics/spectral';
import { createInitializedParameters } from '../../engine/init';
import { RecurrentModel } from '../../engine/model';
import { createOptimizer } from '../../engine/optimizers';
import { SeededRandom } from '../../engine/random';
import { firstNonFiniteParameter, LastGoodParameters, suggestRemedies } from '../../engine/remedies/divergence';
import { serializeModel } from '../../modelFiles/modelJson';
import { trainModel, type EpochProgress } from '../../engine/trainer';
import {
  CANCEL_FLAG_INDEX,
  type TrainingJob,
  type TrainingReply,
} from '../../protocol/workerProtocol';
import type { DivergenceInfo, GradientNormSample, SpectralSample } from '../runs/runRecord';
import { isGradientSampleEpoch } from './gradientSampling';
import { ProgressThrottle } from './progressThrottle';
import { divergenceContext, UpdateRemedies } from './updateRemedies';
import { validationPredictions } from './validationPredictions';

/** Eigenvalues (O(H³) each) are computed for the spectral samples only up to this hidden size; λ₁ and ρ always. */
export const MAX_HIDDEN_SIZE_FOR_EIGENVALUES = 128;

export type PostMessage = (message: TrainingReply) => void;

/** The scored step whose single loss term J_t isolates the decay with lag t − k: the last one. */
function lastScoredStep(message: TrainingJob, probe: SequenceExample): number {
  const topology = message.model.topology;
  return topology === 'many-to-one' || topology === 'one-to-one' ? 0 : probe.targetLength - 1;
}

export function runTraining(message: TrainingJob, post: PostMessage, clock: () => number = () => performance.now()): void {
  const { runId, settings, model: config } = message;
  const cancelFlag = new Int32Array(message.cancelFlag);
  const throttle = new ProgressThrottle(settings.charts.updateRate, clock);
  const random = new SeededRandom(settings.training.seed);
  const parameters = createInitializedParameters(
    config,
    { scheme: settings.remedies.init, ...(settings.remedies.spectralRadius > 0 ? { spectralRadius: settings.remedies.spectralRadius } : {}) },
    random,
  );
  const model = new RecurrentModel(config, parameters);
  const optimizer = createOptimizer(settings.training.optimizer, { learningRate: settings.training.learningRate }, model.parameters);
  const remedies = new UpdateRemedies(model, settings, (norm) => throttle.addUpdateGradientNorm(norm));
  const lastGood = new LastGoodParameters(model.parameters);
  let lastGoodEpoch = 0;

  const training: SequenceDataset = { inputSize: message.data.inputSize, outputSize: message.data.outputSize, examples: message.data.train };
  const validation: SequenceDataset = { inputSize: message.data.inputSize, outputSize: message.data.outputSize, examples: message.data.validation };
  const probe = (message.data.validation[0] ?? message.data.train[0]) as SequenceExample;
  const lossTerm = lastScoredStep(message, probe);
  const totalEpochs = settings.training.epochs;

  const sample = (epoch: number): void => {
    const diagnostics = hiddenGradientDiagnostics(model, probe, lossTerm);
    diagnostics.hiddenGradNorms.forEach((hiddenNorms, layer) => {
      const entry: GradientNormSample = {
        epoch,
        layer,
        hiddenNorms,
        ...(diagnostics.cellGradNorms ? { cellNorms: diagnostics.cellGradNorms[layer] ?? [] } : {}),
        ...(diagnostics.decoderHiddenGradNorms ? { decoderHiddenNorms: diagnostics.decoderHiddenGradNorms[layer] ?? [] } : {}),
        ...(diagnostics.lossTermHiddenGradNorms ? { lossTerm, lossTermHiddenNorms: diagnostics.lossTermHiddenGradNorms[layer] ?? [] } : {}),
      };
      throttle.addGradientSample(entry);
    });
    const spectra: SpectralSample = {
      epoch,
      matrices: spectralDiagnostics(config, model.parameters, {
        sequenceLength: Math.max(1, probe.inputLength),
        includeEigenvalues: config.hiddenSize <= MAX_HIDDEN_SIZE_FOR_EIGENVALUES,
      }).matrices,
    };
    throttle.addSpectralSample(spectra);
  };

  const cancel = {
    get aborted(): boolean {
      return Atomics.load(cancelFlag, CANCEL_FLAG_INDEX) !== 0 || remedies.divergence !== undefined;
    },
  };
  const postProgress = (progress: EpochProgress): void => {
    const batch = throttle.takeIfDue();
    if (batch === undefined) return;
    const validationLoss = Number.isFinite(progress.validationLoss) ? progress.validationLoss : null;
    post({ type: 'progress', runId, epoch: progress.epoch, totalEpochs, trainLoss: progress.trainLoss, validationLoss, ...batch });
  };

  sample(0);
  let epochStarted = clock();
  const result = trainModel(model, optimizer, training, validation, {
    epochs: totalEpochs,
    batchSize: settings.training.batch,
    random,
    clock,
    cancel,
    beforeUpdate: remedies.beforeUpdate,
    ...(remedies.omega !== null ? { afterBackward: remedies.afterBackward } : {}),
    truncation: settings.remedies.tbpttK1 > 0 ? { k1: settings.remedies.tbpttK1, k2: Math.max(settings.remedies.tbpttK1, settings.remedies.tbpttK2) } : null,
    onEpoch: (progress) => {
      // An epoch that ended in divergence is not a good epoch: it is reported through the divergence instead.
      if (remedies.divergence !== undefined || !Number.isFinite(progress.trainLoss) || firstNonFiniteParameter(model.parameters)) return false;
      const now = clock();
      const statistics = remedies.takeEpochStatistics();
      throttle.addEpoch({
        epoch: progress.epoch,
        trainLoss: progress.trainLoss,
        validationLoss: Number.isFinite(progress.validationLoss) ? progress.validationLoss : null,
        ...statistics,
        elapsedMs: now - epochStarted,
      });
      lastGood.save(model.parameters);
      lastGoodEpoch = progress.epoch;
      if (isGradientSampleEpoch(progress.epoch, totalEpochs)) sample(progress.epoch);
      postProgress(progress);
      epochStarted = clock();
      return Atomics.load(cancelFlag, CANCEL_FLAG_INDEX) === 0;
    },
  });

  const divergence = describeDivergence(result, remedies, message, lastGoodEpoch, model);
  if (divergence !== undefined) lastGood.restore(model.parameters);
  const modelJson = serializeModel(config, model.parameters, {
    ...message.modelExtras,
    training: {
      ...(message.modelExtras.training ?? {}),
      optimizer: settings.training.optimizer,
      learningRate: settings.training.learningRate,
      seed: settings.training.seed,
      epochsCompleted: lastGoodEpoch,
      finalTrainLoss: Number.isFinite(result.trainLoss) ? result.trainLoss : null,
    },
  });
  const predictions = message.predictionTarget !== undefined ? validationPredictions(model, message.data.validation, message.predictionTarget) : undefined;
  const terminal = { runId, epochsCompleted: lastGoodEpoch, modelJson, ...throttle.flush(), ...(predictions !== undefined ? { validationPredictions: predictions } : {}) };
  if (divergence !== undefined) post({ type: 'diverged', divergence, ...terminal });
  else if (result.cancelled) post({ type: 'cancelled', ...terminal });
  else post({ type: 'done', ...terminal });
}

/** The run's divergence, from the gradient hook (explosion, non-finite norm) or the trainer (non-finite loss/parameters). */
function describeDivergence(
  result: ReturnType<typeof trainModel>,
  remedies: UpdateRemedies,
  message: TrainingJob,
  lastGoodEpoch: number,
  model: RecurrentModel,
): DivergenceInfo | undefined {
  const fromGradient = remedies.divergence;
  if (fromGradient !== undefined) {
    return {
      reason: fromGradient.report.reason,
      epoch: lastGoodEpoch + 1,
      value: fromGradient.gradientNorm,
      detail: fromGradient.report.detail,
      hints: fromGradient.report.remedies,
      lastGoodEpoch,
    };
  }
  if (result.diverged === null) return undefined;
  const badParameter = firstNonFiniteParameter(model.parameters);
  return {
    reason: badParameter !== undefined ? 'non-finite-parameters' : 'non-finite-loss',
    epoch: result.diverged.epoch,
    value: badParameter !== undefined ? badParameter.value : result.trainLoss,
    detail: result.diverged.reason,
    hints: suggestRemedies(divergenceContext(message.settings)),
    lastGoodEpoch,
  };
}
