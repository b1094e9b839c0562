// Trains one line-up experiment: BPTT models through the same training run as the editor and `rnn-lab train`
// (lab/training/trainingRun.ts, with the experiment's settings), recorded by the same run-record builder; echo state
// networks through their closed-form ridge readout (engine/esn/).
import { spectralDiagnostics } from '../../engine/diagnostics/spectral';
import { reservoirSpectrum } from '../../engine/esn/reservoirSpectrum';
import { trainEchoStateNetwork } from '../../engine/esn/echoStateNetwork';
import { SeededRandom } from '../../engine/random';
import { INITIAL_MODEL_FILE, MODEL_FILE } from '../runs/runRecordFile';
import { runTraining } from '../training/trainingRun';
import type { DemoDataset } from './lineupData';
import type { BpttExperiment, DemoExperiment, EchoStateExperiment } from './lineup';
import type { DemoResult } from './lineupResult';
import { experimentRecordBuilder, experimentSettings } from './lineupRunRecord';

/** Called after every epoch (an ESN reports its single fit as one epoch). */
export type EpochListener = (epoch: number, epochs: number) => void;

/** Epochs an experiment reports to the progress bar. */
export function experimentEpochs(experiment: DemoExperiment): number {
  return experiment.kind === 'bptt' ? experiment.epochs : 1;
}

export function runDemoExperiment(
  experiment: DemoExperiment,
  data: DemoDataset,
  clock: () => number,
  onEpoch: EpochListener = () => undefined,
  startedAt = new Date(),
): DemoResult {
  return experiment.kind === 'bptt' ? runBptt(experiment, data, clock, onEpoch, startedAt) : runEchoState(experiment, data, clock, onEpoch);
}

function runBptt(experiment: BpttExperiment, data: DemoDataset, clock: () => number, onEpoch: EpochListener, startedAt: Date): DemoResult {
  const started = clock();
  const { sourced, plain } = experimentSettings(experiment, data);
  const builder = experimentRecordBuilder(experiment, data, sourced, startedAt);
  const first = data.training.examples[0];
  const config = {
    cell: plain.model.cell,
    nonlinearity: plain.model.nonlinearity,
    inputSize: data.training.inputSize,
    hiddenSize: plain.model.hiddenSize,
    outputSize: data.training.outputSize,
    numLayers: plain.model.layers,
    topology: plain.model.topology,
    loss: 'mse',
    oneToManyInput: plain.model.oneToManyInput,
    outputLength: first?.targetLength ?? 1,
  } as const;
  const run = runTraining(
    { model: config, settings: plain, data: { inputSize: data.training.inputSize, outputSize: data.training.outputSize, train: data.training.examples, validation: data.validation.examples }, modelExtras: {} },
    { clock, ...builder.recorder((_metrics, report) => onEpoch(report.epoch, report.epochs)) },
  );
  const { result, clipping } = run.outcome;
  const wallMilliseconds = clock() - started;
  const record = builder.finish({
    status: run.status === 'diverged' ? 'diverged' : 'completed',
    finishedAt: new Date(startedAt.getTime() + wallMilliseconds),
    modelFile: MODEL_FILE,
    initialModelFile: INITIAL_MODEL_FILE,
    ...(run.divergence !== undefined ? { divergence: run.divergence } : {}),
  });
  // λ₁ of the kept parameters: W_hh for the vanilla RNN, the stacked gate matrix (γ = 1) for LSTM/GRU — the block the
  // panel's bound uses (chartSeries.boundMatrix).
  const spectrum = spectralDiagnostics(config, run.model.parameters, { sequenceLength: data.steps, includeEigenvalues: false });
  const block = config.cell === 'rnn' ? 'W_hh' : 'stacked';
  const lambda1 = spectrum.matrices.find((m) => m.layer === 0 && m.block === block)?.largestSingularValue ?? null;
  const clippingOn = plain.remedies.clipNorm > 0 || plain.remedies.clipValue > 0;
  return {
    experiment,
    trainLoss: result.trainLoss,
    validationLoss: result.validationLoss,
    lossPerEpoch: result.lossPerEpoch,
    validationLossPerEpoch: result.validationLossPerEpoch,
    lambda1,
    clippedPercent: clippingOn ? 100 * clipping.clippedFraction : null,
    hiddenGradNorms: result.diagnostics?.hiddenGradNorms[0] ?? null,
    diverged: run.divergence === undefined ? null : `epoch ${run.divergence.epoch}: ${run.divergence.detail}`,
    record,
    modelFiles: { model: run.modelJson, initialModel: run.initialModelJson },
    wallMilliseconds,
  };
}

function runEchoState(experiment: EchoStateExperiment, data: DemoDataset, clock: () => number, onEpoch: EpochListener): DemoResult {
  const started = clock();
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
    modelFiles: null,
    wallMilliseconds: clock() - started,
  };
}
