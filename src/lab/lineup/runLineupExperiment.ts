// Trains one demo experiment with the engine (the same calls as `rnn-lab train` and the extension's worker):
// BPTT models through trainWithRemedies (clipping, truncation, L2 and the init scheme of RemedyOptions, with sampled
// per-epoch diagnostics), echo state networks through their closed-form ridge readout.
import { performance } from 'node:perf_hooks';
import { spectralDiagnostics } from '../../engine/diagnostics/spectral';
import { reservoirSpectrum } from '../../engine/esn/reservoirSpectrum';
import { trainEchoStateNetwork } from '../../engine/esn/echoStateNetwork';
import { createInitializedParameters } from '../../engine/init';
import { RecurrentModel } from '../../engine/model';
import type { ModelConfig } from '../../engine/modelConfig';
import { createOptimizer } from '../../engine/optimizers';
import { SeededRandom } from '../../engine/random';
import { resolveRemedyOptions } from '../../engine/remedies/remedyOptions';
import { trainWithRemedies } from '../../engine/remedies/trainWithRemedies';
import type { DemoDataset } from './lineupData';
import type { BpttExperiment, DemoExperiment, EchoStateExperiment } from './lineup';
import type { DemoResult } from './lineupResult';
import { demoRunRecord } from './lineupRunRecord';

/** Sampled epochs of the per-epoch diagnostics (first and last included): the decay chart's lines per run. */
export const DEMO_DIAGNOSTIC_SAMPLES = 4;

/** Called after every epoch (an ESN reports its single fit as one epoch). */
export type EpochListener = (epoch: number, epochs: number) => void;

/** Epochs an experiment reports to the progress bar. */
export function experimentEpochs(experiment: DemoExperiment): number {
  return experiment.kind === 'bptt' ? experiment.epochs : 1;
}

export function runDemoExperiment(experiment: DemoExperiment, data: DemoDataset, onEpoch: EpochListener = () => undefined, startedAt = new Date()): DemoResult {
  return experiment.kind === 'bptt' ? runBptt(experiment, data, onEpoch, startedAt) : runEchoState(experiment, data, onEpoch);
}

function runBptt(experiment: BpttExperiment, data: DemoDataset, onEpoch: EpochListener, startedAt: Date): DemoResult {
  const started = performance.now();
  const first = data.training.examples[0]!;
  const config: ModelConfig = {
    cell: experiment.cell,
    nonlinearity: experiment.nonlinearity,
    inputSize: data.training.inputSize,
    hiddenSize: experiment.hiddenSize,
    outputSize: data.training.outputSize,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: first.targetLength,
  };
  const random = new SeededRandom(experiment.seed);
  const remedies = resolveRemedyOptions({ ...experiment.remedies, init: experiment.init }, config);
  const parameters = createInitializedParameters(config, remedies.init, random);
  const model = new RecurrentModel(config, parameters);
  const optimizer = createOptimizer(experiment.optimizer, { learningRate: experiment.learningRate }, parameters);
  const epochMilliseconds: number[] = [];
  const trained = trainWithRemedies(model, optimizer, data.training, data.validation, {
    trainer: {
      epochs: experiment.epochs,
      batchSize: experiment.batchSize,
      random,
      clock: () => performance.now(),
      onEpoch: (progress) => {
        epochMilliseconds.push(progress.trainingMilliseconds);
        onEpoch(progress.epoch, progress.epochs);
      },
    },
    remedies,
    diagnostics: { samples: DEMO_DIAGNOSTIC_SAMPLES },
  });
  const { result } = trained;
  // λ₁ of the kept parameters: W_hh for the vanilla RNN, the stacked gate matrix (γ = 1) for LSTM/GRU — the block the
  // panel's bound uses (chartSeries.boundMatrix).
  const spectrum = spectralDiagnostics(config, model.parameters, { sequenceLength: data.steps, includeEigenvalues: false });
  const block = config.cell === 'rnn' ? 'W_hh' : 'stacked';
  const lambda1 = spectrum.matrices.find((m) => m.layer === 0 && m.block === block)?.largestSingularValue ?? null;
  const hiddenGradNorms = result.diagnostics?.hiddenGradNorms[0] ?? null;
  const clippingOn = remedies.clipNorm !== null || remedies.clipValue !== null;
  const wallMilliseconds = performance.now() - started;
  const record = demoRunRecord({ experiment, data, config, trained, epochMilliseconds, startedAt, wallMilliseconds });
  return {
    experiment,
    trainLoss: result.trainLoss,
    validationLoss: result.validationLoss,
    lossPerEpoch: result.lossPerEpoch,
    validationLossPerEpoch: result.validationLossPerEpoch,
    lambda1,
    clippedPercent: clippingOn ? 100 * trained.clipping.clippedFraction : null,
    hiddenGradNorms,
    diverged: trained.diverged === null ? null : `epoch ${trained.diverged.epoch}: ${trained.diverged.detail}`,
    record,
    wallMilliseconds,
  };
}

function runEchoState(experiment: EchoStateExperiment, data: DemoDataset, onEpoch: EpochListener): DemoResult {
  const started = performance.now();
  const fit = trainEchoStateNetwork(data.training, 'many-to-one', experiment.options, new SeededRandom(experiment.seed), data.validation);
  onEpoch(1, 1);
  const spectrum = reservoirSpectrum(fit.network.reservoir, Math.max(1, data.steps), false);
  const validationLoss = fit.validationLoss ?? Number.NaN;
  return {
    experiment,
    trainLoss: fit.trainLoss,
    validationLoss,
    lossPerEpoch: [fit.trainLoss],
    validationLossPerEpoch: [validationLoss],
    lambda1: spectrum.largestSingularValue,
    clippedPercent: null,
    hiddenGradNorms: null,
    diverged: null,
    record: null,
    wallMilliseconds: performance.now() - started,
  };
}

