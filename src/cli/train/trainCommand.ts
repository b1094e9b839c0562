// `rnn-lab train DATA …` — trains on a data file exactly as the editor's Train on File does: the same data pipeline
// (src/data: reading, the data's kind — a number series, a table of many sequences, plain text for a character model,
// labelled sentences —, columns, missing values, windows, normalisation fitted on the training rows, validation split),
// the same settings with the same defaults (the flags set `rnnLab.*` values: trainFlags.ts) and the same training run
// (lab/training/trainingRun.ts). `--from-run RUN_DIR` trains a saved run again from its own record and data and
// reports whether the losses match bit for bit. `--run-dir DIR` saves the run as the extension does
// (trainRunDirectory.ts). Progress per epoch on stderr; --json prints one object on stdout (fields in trainJson.ts and
// docs/train-json.md).
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CliInputError, CliUsageError, type CliCommand } from '../cliSupport';
import type { ModelConfig } from '../../engine/modelConfig';
import { DataError } from '../../data/dataError';
import { DataIntake, topologyDecidedBy, type IntakePrepared, type OverviewOptions } from '../../data/intake';
import type { IntakeChoices, TableOverview } from '../../data/intakeTypes';
import type { DataSource } from '../../data/load';
import type { TrainingSettings } from '../../lab/runs/runRecord';
import { RunRecordBuilder } from '../../lab/runs/runRecordBuilder';
import { INITIAL_MODEL_FILE, MODEL_FILE } from '../../lab/runs/runRecordFile';
import { prepareRerun, RerunError, type Rerun } from '../../lab/runs/rerun';
import { plainSettings } from '../../lab/settings/resolveSettings';
import { MemoryBudgetError } from '../../lab/training/memoryEstimate';
import { arithmeticOf, runTraining, type TrainingEvents, type TrainingRunResult } from '../../lab/training/trainingRun';
import { remedyOptionsFor } from '../../lab/training/trainingSetup';
import { predictionTargetOf } from '../../lab/training/validationPredictions';
import { nodePlatform } from '../../node/nodePlatform';
import { runRecordShapeProblem } from '../../protocol/runRecordCheck';
import { trainEchoState } from './trainEchoState';
import { parseTrainFlags, sourcedSettings, type TrainCliOptions } from './trainFlags';
import { TRAIN_HELP } from './trainHelp';
import { trainingJson, type DataEcho } from './trainJson';
import { compareRerun, formatLoss, reportRerun, saveModel, type RerunComparison } from './trainOutput';
import { refuseExistingRun, runDirectoryPlan, saveRunDirectory, type RunDirectoryPlan } from './trainRunDirectory';
import { nodeParallelTraining } from '../../node/threads/parallelTraining';
import { PRECISION_REASON_TEXT } from '../../lab/training/precision';

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
  if (options.runDir !== undefined) await refuseExistingRun(options.runDir);
  if (options.fromRun !== undefined) return runFromRun(options.fromRun, options);
  const dataFile = options.path as string;
  let overrides = options.overrides;
  let settings = plainSettings(sourcedSettings(overrides));
  const intake = new DataIntake(nodePlatform);
  const overview = await load(intake, { kind: 'file', path: dataFile, label: dataFile }, options.overview, options.maxBytes ?? settings.data.maxSelectionSizeMB * BYTES_PER_MEGABYTE);
  const groupColumn = options.overview.groupColumn;
  if (groupColumn !== undefined && overview.kind !== 'grouped') {
    throw new CliUsageError(
      `--group ${groupColumn}: ${dataFile} is not a table of sequences grouped by it (it needs a header, a number column "${groupColumn}" whose values come in contiguous runs of at least two rows, and a target column: name it with --target)`,
    );
  }
  // the data decides the topology of a table of sequences, a text or labelled sentences (as in the editor, where it is
  // a command argument too: source "argument")
  const decided = topologyDecidedBy(overview);
  const overruled = decided !== undefined && decided !== settings.model.topology;
  if (overruled && options.topologyGiven && !options.quiet) {
    process.stderr.write(`the data decides the topology: ${decided} (${describeKind(overview)})${overview.kind === 'grouped' ? '; --no-group cuts windows instead' : ''}\n`);
  } else if (!overruled && overview.kind === 'grouped' && !options.quiet) {
    const grouping = overview.grouping;
    if (grouping !== undefined) process.stderr.write(`reading one sequence per value of "${grouping.groupColumn}" (${grouping.sequences} sequences), target "${grouping.targetColumn}"; --no-group cuts windows instead\n`);
  }
  if (decided !== undefined) {
    overrides = { ...overrides, model: { ...(overrides.model ?? {}), topology: decided } };
    settings = plainSettings(sourcedSettings(overrides));
  }
  const prepared = prepare(intake, options.choices, settings);
  const data: DataEcho = { source: dataFile, overview, prepared };
  const name = path.basename(dataFile, path.extname(dataFile));
  const plan = options.runDir === undefined ? undefined : runDirectoryPlan(options.runDir, name, sourcedSettings(overrides), prepared, { kind: 'file', path: dataFile });
  if (options.cell === 'esn') return await trainEchoState(settings, data, options, plan);
  const recording = recordingOf(plan);
  const run = train(prepared, settings, options, recording?.builder);
  return finish(run, settings, data, options, recording);
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
  const overview = await load(intake, rerun.source, rerun.overview, options.maxBytes ?? settings.data.maxSelectionSizeMB * BYTES_PER_MEGABYTE);
  if (intake.fingerprint !== record.data.fingerprint) {
    throw new CliInputError(
      `${rerun.source.label}: the data changed since run ${record.id} (SHA-256 then ${record.data.fingerprint.slice(0, 12)}…, now ${intake.fingerprint.slice(0, 12)}…); a re-run on other data would not be the same experiment. Restore the data, or train on it as a new run.`,
    );
  }
  const prepared = prepare(intake, rerun.choices, settings);
  const data: DataEcho = { source: rerun.source.label, overview, prepared };
  const plan = options.runDir === undefined ? undefined : runDirectoryPlan(options.runDir, record.name, rerun.config, prepared, rerun.origin);
  if (!options.quiet) process.stderr.write(`repeating run ${record.id} (${record.epochs.length} recorded epochs, RNN Lab ${record.engineVersion ?? 'before 0.1.0'})\n`);
  if (record.modelKind === 'esn') return await trainEchoState(settings, data, options, plan, record);
  const recording = recordingOf(plan);
  const run = train(prepared, settings, options, recording?.builder);
  const comparison = compareRerun(record, run.outcome.result.lossPerEpoch);
  const code = await finish(run, settings, data, options, recording, comparison);
  return reportRerun(record, comparison, options.quiet, code);
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

/** A run saved with --run-dir: where, and the builder its training events are recorded into. */
interface Recording {
  readonly plan: RunDirectoryPlan;
  readonly builder: RunRecordBuilder;
}

/** Starts the record when training starts. */
function recordingOf(plan: RunDirectoryPlan | undefined): Recording | undefined {
  return plan === undefined ? undefined : { plan, builder: new RunRecordBuilder({ ...plan.start, startedAt: new Date() }) };
}

/** Trains through the one training run; with a builder, its events also build the run record (the extension's builder). */
function train(prepared: IntakePrepared, settings: TrainingSettings, options: TrainCliOptions, builder: RunRecordBuilder | undefined): TrainingRunResult {
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
  const printEpoch: TrainingEvents['onEpoch'] = options.quiet
    ? undefined
    : (metrics, report) => void process.stderr.write(
        `epoch ${metrics.epoch}/${report.epochs}  train ${formatLoss(metrics.trainLoss)}  validation ${formatLoss(metrics.validationLoss ?? Number.NaN)}  ${Math.round(report.timestepsPerSecond)} timesteps/s\n`,
      );
  try {
    return runTraining(
      { model: config, settings, data: prepared.data, modelExtras: prepared.extras, predictionTarget: predictionTargetOf(prepared) },
      {
        clock: () => performance.now(),
        // float32 runs split each mini-batch across --threads shard workers (dist/gradientShardWorker.js)
        parallel: nodeParallelTraining(),
        // ‖∂h_t/∂h_k‖ is printed with --json only, and costs one λ₁ per lag: measured at a few sampled epochs
        ...(options.json ? { jacobianSamples: JACOBIAN_SAMPLES } : {}),
        ...(builder === undefined ? { onEpoch: printEpoch } : builder.recorder(printEpoch)),
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

/** The run as the extension finishes it (runManager.ts): status, divergence, validation predictions, both model files. */
async function saveRun({ plan, builder }: Recording, run: TrainingRunResult, quiet: boolean): Promise<void> {
  if (run.validationPredictions !== undefined) builder.setValidationPredictions(run.validationPredictions);
  const record = builder.finish({
    status: run.status,
    finishedAt: new Date(),
    modelFile: MODEL_FILE,
    initialModelFile: INITIAL_MODEL_FILE,
    arithmetic: arithmeticOf(run),
    ...(run.divergence !== undefined ? { divergence: run.divergence } : {}),
  });
  await saveRunDirectory(plan, record, run.modelJson, run.initialModelJson, quiet);
}

async function finish(run: TrainingRunResult, settings: TrainingSettings, data: DataEcho, options: TrainCliOptions, recording?: Recording, comparison?: RerunComparison): Promise<number> {
  const { result, diverged } = run.outcome;
  // not progress: printed even with --quiet
  if (diverged !== null) {
    process.stderr.write(`training diverged in epoch ${diverged.epoch}: ${diverged.detail}; kept the last good parameters (after ${diverged.keptUpdates} updates). ${diverged.hint}\n`);
  }
  if (options.save !== undefined) await saveModel(options.save, run.modelJson, options.quiet);
  if (recording !== undefined) await saveRun(recording, run, options.quiet);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...trainingJson(data.prepared.model, settings, run, data), ...(comparison?.json ?? {}) })}\n`);
  } else {
    const bits = data.prepared.prediction.kind === 'characters' && Number.isFinite(result.validationLoss) ? ` (${(result.validationLoss / Math.LN2).toFixed(3)} bits per character)` : '';
    process.stdout.write(
      `train loss ${formatLoss(result.trainLoss)}, validation loss ${formatLoss(result.validationLoss)}${bits} after ${result.epochsCompleted} epochs; ${Math.round(result.timestepsPerSecond)} timesteps/s (${describePrecision(run)})\n`,
    );
  }
  return diverged === null ? 0 : 1;
}

/** "float32 on 2 threads, WebAssembly SIMD kernels (auto: …)" — how the run trained (lab/training/precision.ts). */
function describePrecision(run: TrainingRunResult): string {
  const { precision, reason, threads } = run.precision;
  const kernels = run.kernelBackend === 'wasm-simd' ? ', WebAssembly SIMD kernels' : run.kernelBackend === 'typescript' ? ', TypeScript kernels' : '';
  return `${precision} on ${threads} thread${threads === 1 ? '' : 's'}${kernels}; ${PRECISION_REASON_TEXT[reason]}`;
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

function describeModel(config: ModelConfig): string {
  const cell = config.cell === 'rnn' ? `rnn (${config.nonlinearity})` : config.cell;
  return `${cell}, ${config.numLayers}×${config.hiddenSize} hidden, ${config.topology}`;
}
