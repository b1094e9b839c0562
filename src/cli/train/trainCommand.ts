// `rnn-lab train DATA …` — trains on a data file exactly as the editor's Train on File does: the same data pipeline
// (src/data: reading, the data's kind — a number series, a table of many sequences, plain text for a character model,
// labelled sentences —, columns, missing values, windows, normalisation fitted on the training rows, validation split),
// the same settings with the same defaults (the flags set `rnnLab.*` values: trainFlags.ts) and the same training run
// (lab/training/trainingRun.ts). `--from-run RUN_DIR` trains a saved run again from its own record and data and
// reports whether the losses match bit for bit. Progress per epoch on stderr; --json prints one object on stdout
// (fields in trainJson.ts and docs/train-json.md).
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { CliInputError, CliUsageError, type CliCommand } from '../cliSupport';
import type { ModelConfig } from '../../engine/modelConfig';
import { SeededRandom } from '../../engine/random';
import { DataError } from '../../data/dataError';
import { DataIntake, topologyDecidedBy, type IntakePrepared, type OverviewOptions } from '../../data/intake';
import type { IntakeChoices, TableOverview } from '../../data/intakeTypes';
import type { DataSource } from '../../data/load';
import type { TrainingSettings } from '../../lab/runs/runRecord';
import { prepareRerun, RerunError, type Rerun } from '../../lab/runs/rerun';
import { MemoryBudgetError } from '../../lab/training/memoryEstimate';
import { runTraining, type TrainingRunResult } from '../../lab/training/trainingRun';
import { remedyOptionsFor } from '../../lab/training/trainingSetup';
import { nodePlatform } from '../../node/nodePlatform';
import { runRecordShapeProblem } from '../../protocol/runRecordCheck';
import { echoStateModelDocument, serializeEchoStateModel } from '../../modelFiles/echoStateModelJson';
import { echoStateJson, runEchoState } from './trainEchoState';
import { effectiveSettings, parseTrainFlags, type TrainCliOptions } from './trainFlags';
import { TRAIN_HELP } from './trainHelp';
import { dataJson, trainingJson, type DataEcho } from './trainJson';

const BYTES_PER_MEGABYTE = 1024 * 1024;
/** Sampled epochs (first and last included) whose --json entry also has ‖∂h_t/∂h_k‖. */
const JACOBIAN_SAMPLES = 6;

export function trainCommand(): CliCommand {
  return {
    summary: 'train an RNN, LSTM or GRU on a data file (number series, table of sequences, or text), or repeat a saved run',
    run: runTrain,
  };
}

async function runTrain(args: readonly string[]): Promise<number> {
  const options = parseTrainFlags(args);
  if (options === null) {
    process.stdout.write(TRAIN_HELP);
    return 0;
  }
  if (options.fromRun !== undefined) return runFromRun(options.fromRun, options);
  const path = options.path as string;
  let settings = effectiveSettings(options.overrides);
  const intake = new DataIntake(nodePlatform);
  const overview = await load(intake, { kind: 'file', path, label: path }, options.overview, options.maxBytes ?? settings.data.maxSelectionSizeMB * BYTES_PER_MEGABYTE);
  const groupColumn = options.overview.groupColumn;
  if (groupColumn !== undefined && overview.kind !== 'grouped') {
    throw new CliUsageError(
      `--group ${groupColumn}: ${path} is not a table of sequences grouped by it (it needs a header, a number column "${groupColumn}" whose values come in contiguous runs of at least two rows, and a target column: name it with --target)`,
    );
  }
  // the data decides the topology of a table of sequences, a text or labelled sentences (as in the editor)
  const decided = topologyDecidedBy(overview);
  if (decided !== undefined && decided !== settings.model.topology) {
    if (options.topologyGiven && !options.quiet) process.stderr.write(`the data decides the topology: ${decided} (${describeKind(overview)})${overview.kind === 'grouped' ? '; --no-group cuts windows instead' : ''}\n`);
    settings = effectiveSettings({ ...options.overrides, model: { ...(options.overrides.model ?? {}), topology: decided } });
  } else if (overview.kind === 'grouped' && !options.quiet) {
    const grouping = overview.grouping;
    if (grouping !== undefined) process.stderr.write(`reading one sequence per value of "${grouping.groupColumn}" (${grouping.sequences} sequences), target "${grouping.targetColumn}"; --no-group cuts windows instead\n`);
  }
  const prepared = prepare(intake, options.choices, settings);
  const data: DataEcho = { source: path, overview, prepared };
  if (options.cell === 'esn') return await trainEchoState(settings, data, options);
  const run = train(prepared, settings, options);
  return finish(run, prepared.model, settings, data, options, {});
}

/** `--from-run RUN_DIR`: the run's record, data, settings and answers; the same training; the losses compared. */
async function runFromRun(runDirectory: string, options: TrainCliOptions): Promise<number> {
  let rerun: Rerun;
  try {
    rerun = await prepareRerun(runDirectory, nodePlatform, runRecordShapeProblem);
  } catch (error) {
    if (error instanceof RerunError) throw new CliInputError(error.message);
    throw error;
  }
  const { record, settings } = rerun;
  const intake = new DataIntake(nodePlatform);
  const overviewOptions: OverviewOptions = rerun.group !== undefined ? { group: rerun.group } : {};
  const overview = await load(intake, rerun.source, overviewOptions, options.maxBytes ?? settings.data.maxSelectionSizeMB * BYTES_PER_MEGABYTE);
  if (intake.fingerprint !== record.data.fingerprint) {
    throw new CliInputError(
      `${rerun.source.label}: the data changed since run ${record.id} (SHA-256 then ${record.data.fingerprint.slice(0, 12)}…, now ${intake.fingerprint.slice(0, 12)}…); a re-run on other data would not be the same experiment. Restore the data, or train on it as a new run.`,
    );
  }
  const prepared = prepare(intake, rerun.choices, settings);
  const data: DataEcho = { source: rerun.source.label, overview, prepared };
  if (!options.quiet) process.stderr.write(`repeating run ${record.id} (${record.epochs.length} recorded epochs, RNN Lab ${record.engineVersion ?? 'before 0.1.0'})\n`);
  const run = train(prepared, settings, options);
  const recorded = record.epochs.map((epoch) => epoch.trainLoss);
  const repeated = run.outcome.result.lossPerEpoch.slice(0, recorded.length);
  const differing = recorded.findIndex((loss, index) => !Object.is(loss, repeated[index]));
  const identical = differing < 0 && repeated.length === recorded.length;
  const comparison = {
    rerun: {
      runId: record.id,
      engineVersion: record.engineVersion ?? null,
      recordedEpochs: recorded.length,
      identical,
      ...(identical ? {} : { firstDifferentEpoch: differing < 0 ? repeated.length + 1 : differing + 1 }),
    },
  };
  const code = await finish(run, prepared.model, settings, data, options, comparison);
  if (!identical) {
    process.stderr.write(`the re-run did not reproduce run ${record.id}: epoch ${comparison.rerun.firstDifferentEpoch} differs\n`);
    return 1;
  }
  if (!options.quiet) process.stderr.write(`reproduced run ${record.id}: the ${recorded.length} epochs' training losses are identical\n`);
  return code;
}

/** Loads and describes the data; a data problem is a CliInputError (`file:line:column: what. How to fix.`). */
async function load(intake: DataIntake, source: DataSource, overview: OverviewOptions, maxBytes: number): Promise<TableOverview> {
  const loaded = await intake.load(source, { ...overview, maxBytes });
  if (!loaded.ok) throw new CliInputError(new DataError(loaded.error.problem, loaded.error).message);
  return loaded.overview;
}

function prepare(intake: DataIntake, choices: IntakeChoices, settings: TrainingSettings): IntakePrepared {
  const prepared = intake.prepare(choices, settings);
  if (!prepared.ok) {
    const hint = prepared.missing !== undefined ? ' (--missing drop|interpolate)' : '';
    throw new CliInputError(`${new DataError(prepared.error.problem, prepared.error).message}${hint}`);
  }
  return prepared.prepared;
}

function train(prepared: IntakePrepared, settings: TrainingSettings, options: TrainCliOptions): TrainingRunResult {
  const config = prepared.model;
  try {
    remedyOptionsFor(settings, config);
  } catch (error) {
    // a remedy that does not fit the model (Ω on an LSTM, TBPTT on an encoder–decoder): the flags' problem
    if (error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
  const { shapes } = prepared.summary;
  if (!options.quiet) {
    process.stderr.write(`training ${describeModel(config)} on ${shapes.trainWindows} windows (${shapes.validationWindows} for validation) of ${shapes.columnsUsed.join(', ')}\n`);
  }
  try {
    return runTraining(
      { model: config, settings, data: prepared.data, modelExtras: prepared.extras },
      {
        clock: () => performance.now(),
        // ‖∂h_t/∂h_k‖ is printed with --json only, and costs one λ₁ per lag: measured at a few sampled epochs
        ...(options.json ? { jacobianSamples: JACOBIAN_SAMPLES } : {}),
        onEpoch: options.quiet ? undefined : (metrics, report) => void process.stderr.write(
          `epoch ${metrics.epoch}/${report.epochs}  train ${formatLoss(metrics.trainLoss)}  validation ${formatLoss(metrics.validationLoss ?? Number.NaN)}  ${Math.round(report.timestepsPerSecond)} timesteps/s\n`,
        ),
      },
    );
  } catch (error) {
    // the memory refusal is about flags and settings (no file location): printed as a usage error, "rnn-lab: …"
    if (error instanceof MemoryBudgetError) throw new CliUsageError(error.message);
    // the engine's shape checks name the example and field; they are the user's data or flags, not a crash
    if (error instanceof RangeError || (error instanceof Error && /^(training|validation) data/.test(error.message))) throw new CliInputError(error.message);
    throw error;
  }
}

async function finish(
  run: TrainingRunResult,
  config: ModelConfig,
  settings: TrainingSettings,
  data: DataEcho,
  options: TrainCliOptions,
  extra: Record<string, unknown>,
): Promise<number> {
  const { result, diverged } = run.outcome;
  // not progress: printed even with --quiet
  if (diverged !== null) {
    process.stderr.write(`training diverged in epoch ${diverged.epoch}: ${diverged.detail}; kept the last good parameters (after ${diverged.keptUpdates} updates). ${diverged.hint}\n`);
  }
  if (options.save !== undefined) await saveModel(options.save, run.modelJson, options.quiet);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...trainingJson(config, settings, run, data), ...extra })}\n`);
  } else {
    const bits = data.prepared.prediction.kind === 'characters' && Number.isFinite(result.validationLoss) ? ` (${(result.validationLoss / Math.LN2).toFixed(3)} bits per character)` : '';
    process.stdout.write(
      `train loss ${formatLoss(result.trainLoss)}, validation loss ${formatLoss(result.validationLoss)}${bits} after ${result.epochsCompleted} epochs; ${Math.round(result.timestepsPerSecond)} timesteps/s\n`,
    );
  }
  return diverged === null ? 0 : 1;
}

/** `--cell esn`: the echo state network on the same windows (or sequences). */
async function trainEchoState(settings: TrainingSettings, data: DataEcho, options: TrainCliOptions): Promise<number> {
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
  if (options.save !== undefined) await saveModel(options.save, serializeEchoStateModel(trained.network, extras), options.quiet);
  if (options.json) {
    const first = inputs.train[0];
    const json = {
      kind: data.overview.kind,
      ...echoStateJson(run, first?.inputLength ?? 1, echoStateModelDocument(trained.network, extras), options.save ?? null),
      config: { cell: 'esn', topology, inputSize: inputs.inputSize, outputSize: inputs.outputSize },
      settings,
      training: { seed: settings.training.seed },
      data: dataJson(data, settings),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    process.stdout.write(
      `echo state network (${trained.network.reservoir.size} units): train loss ${formatLoss(trained.trainLoss)}, validation loss ${formatLoss(trained.validationLoss ?? Number.NaN)}; ${Math.round(run.timestepsPerSecond)} timesteps/s\n`,
    );
  }
  return 0;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

async function saveModel(file: string, modelJson: string, quiet: boolean): Promise<void> {
  try {
    await writeFile(file, modelJson, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
    throw new CliInputError(`--save ${file}: cannot write the model file (${reason})`);
  }
  if (!quiet) process.stderr.write(`saved the model to ${file}\n`);
}

function describeKind(overview: TableOverview): string {
  switch (overview.kind) {
    case 'grouped':
      return 'a table of sequences';
    case 'characters':
      return 'plain text: a character-level model';
    case 'labelled-text':
      return 'labelled sentences: a classifier';
    case 'series':
      return 'a number series';
  }
}

function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(6) : 'n/a';
}

function describeModel(config: ModelConfig): string {
  const cell = config.cell === 'rnn' ? `rnn (${config.nonlinearity})` : config.cell;
  return `${cell}, ${config.numLayers}×${config.hiddenSize} hidden, ${config.topology}`;
}
