// `rnn-lab train … --cell esn`: an echo state network on the same windows the BPTT models train on (Jaeger 2001;
// docs/maths.md "Remedies → Echo state network"; src/engine/esn/). The reservoir is drawn from the run's seed, the
// readout is fitted once in closed form by ridge regression — there are no epochs, no gradients and no divergence,
// so the `--json` fields that describe BPTT are present with their "not applicable" values (see docs/train-json.md).
// With --run-dir the fit is saved as a run (lab/runs/echoStateRunRecord.ts) with its model.json; --from-run on such a
// run fits it again and compares the training loss bit for bit.
import { performance } from 'node:perf_hooks';
import { CliUsageError } from '../cliSupport';
import type { SequenceDataset, TopologyId } from '../../engine/dataset';
import type { RecurrentMatrixSpectrum } from '../../engine/diagnostics/spectral';
import { trainEchoStateNetwork, type EchoStateNetwork, type EchoStateTrainingResult } from '../../engine/esn/echoStateNetwork';
import type { EchoStateOptions } from '../../engine/esn/esnOptions';
import { reservoirSpectrum } from '../../engine/esn/reservoirSpectrum';
import { MAX_HIDDEN_SIZE_FOR_EIGENVALUES } from '../../engine/diagnostics/epochDiagnostics';
import { SeededRandom } from '../../engine/random';
import { echoStateRunRecord } from '../../lab/runs/echoStateRunRecord';
import type { RunRecord, TrainingSettings } from '../../lab/runs/runRecord';
import { echoStateModelDocument, serializeEchoStateModel } from '../../modelFiles/echoStateModelJson';
import { dataJson, type DataEcho } from './trainJson';
import type { TrainCliOptions } from './trainFlags';
import { compareRerun, finiteOrNull, formatLoss, reportRerun, saveModel } from './trainOutput';
import { saveRunDirectory, type RunDirectoryPlan } from './trainRunDirectory';

export interface EchoStateRun {
  readonly trained: EchoStateTrainingResult;
  /** Reservoir steps (every input step of every training sequence) per second of wall time: reservoir draw, state
   *  collection and the readout solve. */
  readonly timestepsPerSecond: number;
  readonly milliseconds: number;
}

/** Fits the ESN; an option or topology that does not apply is a CliUsageError (exit 2) naming it. */
export function runEchoState(
  training: SequenceDataset,
  validation: SequenceDataset | null,
  topology: TopologyId,
  options: Partial<EchoStateOptions>,
  random: SeededRandom,
): EchoStateRun {
  const started = performance.now();
  let trained: EchoStateTrainingResult;
  try {
    trained = trainEchoStateNetwork(training, topology, options, random, validation);
  } catch (error) {
    if (error instanceof RangeError) {
      // the engine's messages name the option (e.g. "washout") or the topology; say it in the CLI's words
      throw new CliUsageError(`--cell esn: ${error.message.replace(/^echo state network: /, '')}`);
    }
    throw error;
  }
  const milliseconds = performance.now() - started;
  let steps = 0;
  for (const example of training.examples) steps += example.inputLength;
  return { trained, milliseconds, timestepsPerSecond: milliseconds > 0 ? (steps * 1000) / milliseconds : 0 };
}

/** λ₁, ρ (eigenvalues up to MAX_HIDDEN_SIZE_FOR_EIGENVALUES units) and the leaky bound of the reservoir W. */
function reservoirSpectrumOf(network: EchoStateNetwork, sequenceLength: number): RecurrentMatrixSpectrum {
  return reservoirSpectrum(network.reservoir, Math.max(1, sequenceLength), network.reservoir.size <= MAX_HIDDEN_SIZE_FOR_EIGENVALUES);
}

/** The `--json` fields of an ESN run (merged with train.ts's config and data fields). */
export function echoStateJson(run: EchoStateRun, sequenceLength: number, model: Record<string, unknown>, savedTo: string | null): Record<string, unknown> {
  const { trained } = run;
  const network = trained.network;
  return {
    trainLoss: finiteOrNull(trained.trainLoss),
    validationLoss: trained.validationLoss === null ? null : finiteOrNull(trained.validationLoss),
    // one closed-form fit: a single "epoch"
    lossPerEpoch: [finiteOrNull(trained.trainLoss)],
    validationLossPerEpoch: [trained.validationLoss === null ? null : finiteOrNull(trained.validationLoss)],
    // no BPTT: no hidden-state gradients, no updates, nothing to clip, nothing that can diverge
    hidden_grad_norms: null,
    timestepsPerSecond: run.timestepsPerSecond,
    epochs: 1,
    updates: 0,
    clipping: null,
    diverged: null,
    diagnostics: [
      {
        epoch: 1,
        spectral: {
          cell: 'esn',
          nonlinearity: 'tanh',
          sequenceLength,
          matrices: [reservoirSpectrumOf(network, sequenceLength)],
        },
      },
    ],
    echoState: {
      ...network.options,
      trainSamples: trained.trainSamples,
      readoutFeatures: 1 + network.inputSize + network.reservoir.size,
      // many-to-one and one-to-one read only the last state of each window: no washout is applied there
      washoutApplies: network.topology === 'many-to-many-synced',
      // every number of the fitted network (the saved model file's content): W, W_in, W_out, ρ achieved
      model,
      savedModel: savedTo,
    },
  };
}

/**
 * `--cell esn` end to end: fits the ESN on the prepared windows (or sequences), writes --save, the run folder (`plan`)
 * and the output; `rerunOf` is the record a --from-run repeats. Exit 1 when a re-run did not reproduce its record.
 */
export async function trainEchoState(settings: TrainingSettings, data: DataEcho, options: TrainCliOptions, plan?: RunDirectoryPlan, rerunOf?: RunRecord): Promise<number> {
  const { prepared } = data;
  const inputs = prepared.data;
  const topology = prepared.model.topology;
  if (options.overrides.esn?.['washout'] !== undefined && topology !== 'many-to-many-synced') {
    throw new CliUsageError(
      `--washout applies to synced many-to-many echo state networks only: a ${topology} ESN fits its readout on the state after the last input of each window, so no earlier state is used that a washout could discard (every window starts from x = 0; a longer --window gives the reservoir more steps to forget that start)`,
    );
  }
  const training = { inputSize: inputs.inputSize, outputSize: inputs.outputSize, examples: inputs.train };
  const validation = inputs.validation.length > 0 ? { inputSize: inputs.inputSize, outputSize: inputs.outputSize, examples: inputs.validation } : null;
  const run = runEchoState(training, validation, topology, settings.esn, new SeededRandom(settings.training.seed));
  const trained = run.trained;
  const extras = {
    ...prepared.extras,
    training: { ...(prepared.extras.training ?? {}), seed: settings.training.seed, trainLoss: finiteOrNull(trained.trainLoss), validationLoss: trained.validationLoss === null ? null : finiteOrNull(trained.validationLoss) },
  };
  const modelJson = serializeEchoStateModel(trained.network, extras);
  if (options.save !== undefined) await saveModel(options.save, modelJson, options.quiet);
  const sequenceLength = inputs.train[0]?.inputLength ?? 1;
  if (plan !== undefined) {
    const fit = { trainLoss: trained.trainLoss, validationLoss: trained.validationLoss, elapsedMs: run.milliseconds, reservoir: reservoirSpectrumOf(trained.network, sequenceLength) };
    await saveRunDirectory(plan, echoStateRunRecord(plan.start, fit, new Date()), modelJson, null, options.quiet);
  }
  const comparison = rerunOf === undefined ? undefined : compareRerun(rerunOf, [trained.trainLoss]);
  if (options.json) {
    const json = {
      kind: data.overview.kind,
      ...echoStateJson(run, sequenceLength, echoStateModelDocument(trained.network, extras), options.save ?? null),
      config: { cell: 'esn', topology, inputSize: inputs.inputSize, outputSize: inputs.outputSize },
      settings,
      training: { seed: settings.training.seed },
      data: dataJson(data, settings),
      ...(comparison?.json ?? {}),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    process.stdout.write(
      `echo state network (${trained.network.reservoir.size} units): train loss ${formatLoss(trained.trainLoss)}, validation loss ${formatLoss(trained.validationLoss ?? Number.NaN)}; ${Math.round(run.timestepsPerSecond)} timesteps/s\n`,
    );
  }
  return rerunOf === undefined || comparison === undefined ? 0 : reportRerun(rerunOf, comparison, options.quiet, 0);
}
