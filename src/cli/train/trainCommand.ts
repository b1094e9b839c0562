// `rnn-lab train DATA …` — trains a recurrent model on a numeric column of a data file, end to end: data intake
// (src/data: CSV/TSV/one-number-per-line/JSON, column choice, windows per topology, normalisation fitted on the
// training rows, the last windows held out for validation), the engine's trainer, progress per epoch on stderr, and
// with --json one JSON object on stdout (fields documented in HELP below, docs/train-json.md and the README).
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { CliInputError, CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, enumFlag, integerFlag, numberFlag, parseFlags, requirePositionals, stringFlag } from '../flags';
import { TOPOLOGY_IDS, type SequenceDataset, type TopologyId } from '../../engine/dataset';
import { createInitializedParameters } from '../../engine/init';
import { RecurrentModel } from '../../engine/model';
import { CELL_KINDS, MAX_LAYERS, NONLINEARITIES, type CellKind, type ModelConfig } from '../../engine/modelConfig';
import { createOptimizer, OPTIMIZER_KINDS } from '../../engine/optimizers';
import { SeededRandom } from '../../engine/random';
import { serializeModel, type JsonObject } from '../../modelFiles/modelJson';
import type { EpochProgress, TrainingResult } from '../../engine/trainer';
import { resolveRemedyOptions, type RemedyOptions } from '../../engine/remedies/remedyOptions';
import { trainWithRemedies, type RemedyTrainingResult } from '../../engine/remedies/trainWithRemedies';
import { echoStateJson, runEchoState } from './trainEchoState';
import { prepareGroupedData } from './trainGroupedData';
import { parseRemedyFlags, REMEDY_FLAGS, REMEDY_HELP, type RemedyFlagValues } from './trainRemedyFlags';
import { remedyOptionsJson, remedyResultJson } from './trainRemedyJson';
import { checkTruncation, type TruncationOptions } from '../../engine/truncatedBptt';
import { isDataError } from '../../data/dataError';
import { loadTableFromFile } from '../../data/parse/loadTable';
import { applyNormalization, fitNormalization, NORMALIZATION_KINDS, type Normalization } from '../../data/prepare/normalize';
import type { ParsedTable } from '../../data/parse/parsedTable';
import { selectColumns } from '../../data/prepare/selectColumns';
import { detectSequenceGrouping } from '../../data/prepare/sequenceGrouping';
import { makeWindows, splitTrainValidation, DEFAULT_VALIDATION_FRACTION } from '../../data/prepare/windowing';

/** Defaults of `rnn-lab train` (the lecture's plain SGD on a small vanilla RNN). */
export const TRAIN_DEFAULTS = {
  window: 20,
  horizon: 1,
  topology: 'many-to-one',
  cell: 'rnn',
  nonlinearity: 'tanh',
  hidden: 16,
  layers: 1,
  epochs: 20,
  batch: 1,
  optimizer: 'sgd',
  learningRate: 0.01,
  seed: 1,
  normalize: 'zscore',
} as const;

const MAX_WINDOW = 100_000;
const MAX_HIDDEN = 4096;

const FLAGS = {
  column: { type: 'string', accepts: 'a column name or 1-based number; several separated by commas (the first is predicted)' },
  window: { type: 'string', accepts: `an integer 1–${MAX_WINDOW}` },
  horizon: { type: 'string', accepts: `an integer 1–${MAX_WINDOW}` },
  'output-steps': { type: 'string', accepts: `an integer 1–${MAX_WINDOW}` },
  topology: { type: 'string', accepts: TOPOLOGY_IDS.join('|') },
  'one-to-many-input': { type: 'string', accepts: 'first-step|every-step' },
  cell: { type: 'string', accepts: [...CELL_KINDS, 'esn'].join('|') },
  nonlinearity: { type: 'string', accepts: NONLINEARITIES.join('|') },
  hidden: { type: 'string', accepts: `an integer 1–${MAX_HIDDEN}` },
  layers: { type: 'string', accepts: `an integer 1–${MAX_LAYERS}` },
  epochs: { type: 'string', accepts: 'an integer 1–1000000' },
  batch: { type: 'string', accepts: 'an integer 1–1000000' },
  optimizer: { type: 'string', accepts: OPTIMIZER_KINDS.join('|') },
  lr: { type: 'string', accepts: 'a number greater than 0 and at most 10' },
  seed: { type: 'string', accepts: 'an integer' },
  normalize: { type: 'string', accepts: NORMALIZATION_KINDS.join('|') },
  validation: { type: 'string', accepts: 'a fraction from 0 to 0.9' },
  tbptt: { type: 'string', accepts: 'K1,K2 with integers 1 ≤ K1 ≤ K2' },
  group: { type: 'string', accepts: 'the column naming the sequence of every row (one sequence per group)' },
  target: { type: 'string', accepts: 'the target column (with --group)' },
  'no-group': { type: 'boolean' },
  ...REMEDY_FLAGS,
  save: { type: 'string', accepts: 'a file path for the model JSON' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab train DATA [--column C] [--window T] [--horizon H] [--topology ID] [--cell rnn|lstm|gru|esn]
                     [--nonlinearity tanh|relu|sigmoid] [--hidden N] [--layers N] [--epochs N] [--batch B]
                     [--optimizer sgd|momentum|adam] [--lr X] [--seed S] [--save MODEL.json] [--json]
                     [--group COL --target COL] [--clip-norm X] [--clip-value X] [--tbptt K1,K2] [--l2 X] [--omega X]
                     [--init xavier|orthogonal|identity] [--identity-scale X] [--spectral-radius X]
                     [--reservoir N --leak A --sparsity S --input-scale X --ridge B --washout W]

Trains a recurrent network on a numeric column of DATA (CSV, TSV, one number per line, or JSON) with exact BPTT.
The series is cut into sliding windows for the topology, normalised with statistics of the first
(1 − validation) share of the rows, and the last windows are held out for validation.

  --column C          column name or 1-based number; "a,b" feeds several columns, the first is predicted
  --window T          input steps per window (default ${TRAIN_DEFAULTS.window})
  --horizon H         predict H steps ahead (default ${TRAIN_DEFAULTS.horizon})
  --output-steps N    generated steps for one-to-many / decoder steps M for encoder–decoder (default T)
  --topology ID       ${TOPOLOGY_IDS.join(' | ')} (default ${TRAIN_DEFAULTS.topology})
  --one-to-many-input first-step | every-step (default first-step)
  --cell              rnn | lstm | gru | esn (echo state network, see below) (default ${TRAIN_DEFAULTS.cell})
  --nonlinearity      σ of the vanilla RNN: tanh | relu | sigmoid (default ${TRAIN_DEFAULTS.nonlinearity})
  --hidden N          hidden units per layer (default ${TRAIN_DEFAULTS.hidden})
  --layers N          stacked layers 1–${MAX_LAYERS} (default ${TRAIN_DEFAULTS.layers})
  --epochs N          passes over the training windows (default ${TRAIN_DEFAULTS.epochs})
  --batch B           sequences per mini-batch; the loss averages over all their scored values (default ${TRAIN_DEFAULTS.batch})
  --optimizer         sgd | momentum | adam (default ${TRAIN_DEFAULTS.optimizer})
  --lr X              learning rate (default ${TRAIN_DEFAULTS.learningRate})
  --seed S            seed of initialisation and shuffling; same seed, same run (default ${TRAIN_DEFAULTS.seed})
  --normalize         zscore | minmax | none (default ${TRAIN_DEFAULTS.normalize})
  --validation F      share of windows held out, the last ones in time (default ${DEFAULT_VALIDATION_FRACTION})
  --tbptt K1,K2       truncated BPTT: every K1 steps backpropagate K2 steps (many-to-one, synced); K1 = K2 = T is full BPTT
  --group COL         DATA holds many sequences, one row per step, COL names each row's sequence (e.g. the adding
                      problem: --group sequence --target target --column value,marker); no windows, no normalisation
  --target COL        with --group: the column holding the target (read at the last step for many-to-one)
                      Without --group, a table with a sequence column (sequence, seq, group, series, sample, episode,
                      example) and a target column (target, label, y, output, sum) is read the same way, as the
                      extension does; --no-group (or --window/--horizon/--normalize) cuts windows instead
  --save MODEL.json   write the trained model (PyTorch parameter names) with its normalisation
  --json              print one JSON object on stdout: trainLoss, validationLoss, lossPerEpoch,
                      validationLossPerEpoch, hidden_grad_norms [L][T] (‖∂J/∂h_k‖₂ of the first validation window
                      after the last epoch), cell_grad_norms (LSTM), decoder_hidden_grad_norms (encoder–decoder),
                      timestepsPerSecond (training loop only), epochs, updates, diverged { epoch, reason, hint },
                      clipping { updates, clipped, fraction, preClipNorms }, diagnostics (per sampled epoch:
                      ‖∂J/∂h_k‖, ‖∂h_t/∂h_k‖, λ₁, ρ, eigenvalues, γ, bound), config, training, data (docs/train-json.md)
  --quiet             no progress lines on stderr

${REMEDY_HELP}`;

export function trainCommand(): CliCommand {
  return {
    summary: 'train an RNN, LSTM or GRU on a numeric column of a data file',
    run: runTrain,
  };
}

interface TrainArguments {
  readonly path: string;
  readonly column: string | undefined;
  readonly window: number;
  readonly horizon: number;
  readonly outputSteps: number | undefined;
  readonly config: Omit<ModelConfig, 'inputSize' | 'outputSize' | 'outputLength'>;
  readonly epochs: number;
  readonly batch: number;
  readonly optimizer: (typeof OPTIMIZER_KINDS)[number];
  readonly learningRate: number;
  readonly seed: number;
  readonly normalize: (typeof NORMALIZATION_KINDS)[number];
  readonly validationFraction: number;
  readonly truncation: TruncationOptions | null;
  /** rnn | lstm | gru, or esn (then `config.cell` is unused). */
  readonly cellChoice: CellKind | 'esn';
  readonly remedies: RemedyFlagValues;
  readonly group: string | undefined;
  readonly target: string | undefined;
  /** Sliding windows were asked for (--no-group, --window, --horizon, --output-steps or --normalize): no auto-grouping. */
  readonly windowsRequested: boolean;
  /** --topology was given (otherwise a recognised grouping brings its own). */
  readonly topologyGiven: boolean;
  readonly save: string | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

function parseTrainArguments(args: readonly string[]): TrainArguments | null {
  const flags = parseFlags('train', args, FLAGS);
  if (booleanFlag(flags, 'help')) return null;
  const [path] = requirePositionals('train', flags, ['DATA']) as [string];
  const topology = enumFlag(flags, 'topology', TOPOLOGY_IDS) ?? TRAIN_DEFAULTS.topology;
  const cellChoice = enumFlag(flags, 'cell', [...CELL_KINDS, 'esn'] as const) ?? TRAIN_DEFAULTS.cell;
  const remedies = parseRemedyFlags(flags, cellChoice);
  const group = stringFlag(flags, 'group');
  const target = stringFlag(flags, 'target');
  if ((group === undefined) !== (target === undefined)) {
    throw new CliUsageError(group === undefined ? '--target needs --group COL (the column naming each row\'s sequence)' : '--group needs --target COL (the column holding the target)');
  }
  if (group !== undefined) {
    const windowFlag = (['window', 'horizon', 'output-steps'] as const).find((name) => flags.values[name] !== undefined);
    if (windowFlag !== undefined) throw new CliUsageError(`--${windowFlag} does not apply with --group: every group is one whole sequence`);
    const normalize = stringFlag(flags, 'normalize');
    if (normalize !== undefined && normalize !== 'none') throw new CliUsageError('--normalize applies to sliding windows; with --group the sequences are used as they are');
  }
  const tbpttText = stringFlag(flags, 'tbptt');
  let truncation: TruncationOptions | null = null;
  if (tbpttText !== undefined) {
    const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(tbpttText);
    const k1 = match === null ? NaN : Number(match[1]);
    const k2 = match === null ? NaN : Number(match[2]);
    if (!(k1 >= 1 && k2 >= k1 && Number.isSafeInteger(k2))) {
      throw new CliUsageError(`--tbptt must be K1,K2 with integers 1 ≤ K1 ≤ K2 (e.g. 10,20), got "${tbpttText}"`);
    }
    if (topology !== 'many-to-one' && topology !== 'many-to-many-synced') {
      throw new CliUsageError(`--tbptt applies to --topology many-to-one or many-to-many-synced, not ${topology}`);
    }
    truncation = { k1, k2 };
  }
  return {
    path,
    column: stringFlag(flags, 'column'),
    window: integerFlag(flags, 'window', 1, MAX_WINDOW) ?? TRAIN_DEFAULTS.window,
    horizon: integerFlag(flags, 'horizon', 1, MAX_WINDOW) ?? TRAIN_DEFAULTS.horizon,
    outputSteps: integerFlag(flags, 'output-steps', 1, MAX_WINDOW),
    config: {
      // with --cell esn the BPTT model config is not used (trainEchoState.ts)
      cell: cellChoice === 'esn' ? TRAIN_DEFAULTS.cell : cellChoice,
      // --init identity is the IRNN: relu unless --nonlinearity says otherwise
      nonlinearity: enumFlag(flags, 'nonlinearity', NONLINEARITIES) ?? remedies.impliedNonlinearity ?? TRAIN_DEFAULTS.nonlinearity,
      hiddenSize: integerFlag(flags, 'hidden', 1, MAX_HIDDEN) ?? TRAIN_DEFAULTS.hidden,
      numLayers: integerFlag(flags, 'layers', 1, MAX_LAYERS) ?? TRAIN_DEFAULTS.layers,
      topology,
      loss: 'mse',
      oneToManyInput: enumFlag(flags, 'one-to-many-input', ['first-step', 'every-step'] as const) ?? 'first-step',
    },
    epochs: integerFlag(flags, 'epochs', 1, 1_000_000) ?? TRAIN_DEFAULTS.epochs,
    batch: integerFlag(flags, 'batch', 1, 1_000_000) ?? TRAIN_DEFAULTS.batch,
    optimizer: enumFlag(flags, 'optimizer', OPTIMIZER_KINDS) ?? TRAIN_DEFAULTS.optimizer,
    learningRate: numberFlag(flags, 'lr', 0, 10, { exclusiveMin: true }) ?? TRAIN_DEFAULTS.learningRate,
    seed: integerFlag(flags, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ?? TRAIN_DEFAULTS.seed,
    normalize: enumFlag(flags, 'normalize', NORMALIZATION_KINDS) ?? TRAIN_DEFAULTS.normalize,
    validationFraction: numberFlag(flags, 'validation', 0, 0.9) ?? DEFAULT_VALIDATION_FRACTION,
    truncation,
    cellChoice,
    remedies,
    group,
    target,
    windowsRequested: booleanFlag(flags, 'no-group') || (['window', 'horizon', 'output-steps', 'normalize'] as const).some((name) => flags.values[name] !== undefined),
    topologyGiven: flags.values.topology !== undefined,
    save: stringFlag(flags, 'save'),
    json: booleanFlag(flags, 'json'),
    quiet: booleanFlag(flags, 'quiet'),
  };
}

interface PreparedData {
  readonly training: SequenceDataset;
  readonly validation: SequenceDataset;
  readonly columns: string[];
  readonly rows: number;
  readonly normalization: Normalization;
  /** The sequence and target columns when the table was read one sequence per group. */
  readonly grouping?: { readonly group: string; readonly target: string; readonly topology: TopologyId };
}

/**
 * --group/--target, or else the grouping the data layer recognises (src/data/prepare/sequenceGrouping.ts, the same
 * detector as the extension's): a sequence column and a target column by name, like samples/adding-problem.csv —
 * unless windows were asked for, or --topology names another topology than the grouping's.
 */
function groupingOf(table: ParsedTable, options: TrainArguments): { group: string; target: string; topology: TopologyId } | undefined {
  if (options.group !== undefined && options.target !== undefined) return { group: options.group, target: options.target, topology: options.config.topology };
  if (options.windowsRequested) return undefined;
  const detected = detectSequenceGrouping(table);
  if (detected === undefined || (options.topologyGiven && detected.topology !== options.config.topology)) return undefined;
  if (!options.quiet) {
    process.stderr.write(
      `reading one sequence per value of "${detected.groupColumn}" (${detected.sequences} sequences), target "${detected.targetColumn}"; --no-group cuts windows instead\n`,
    );
  }
  return { group: detected.groupColumn, target: detected.targetColumn, topology: detected.topology };
}

async function prepareData(options: TrainArguments): Promise<PreparedData> {
  const table = await loadTableFromFile(options.path, { sourceName: options.path });
  const grouping = groupingOf(table, options);
  if (grouping !== undefined) {
    const columns = options.column ?? (options.group === undefined ? detectSequenceGrouping(table)?.inputColumns.join(',') : undefined);
    const grouped = prepareGroupedData(
      table,
      { group: grouping.group, target: grouping.target, columns, topology: grouping.topology, validationFraction: options.validationFraction },
      options.path,
    );
    return { ...grouped, grouping };
  }
  const selection = selectColumns(table, options.column, options.path);
  const rows = selection.series[0]?.length ?? 0;
  // statistics of the rows the training windows come from (the validation windows are the last ones in time)
  const trainRows = Math.max(1, Math.round(rows * (1 - options.validationFraction)));
  const normalization = fitNormalization(selection.series, options.normalize, trainRows, selection.names);
  const series = applyNormalization(selection.series, normalization);
  const windows = makeWindows(series, {
    topology: options.config.topology,
    window: options.window,
    horizon: options.horizon,
    ...(options.outputSteps !== undefined ? { outputLength: options.outputSteps } : {}),
    ...(table.sequenceStarts !== undefined ? { sequenceStarts: table.sequenceStarts } : {}),
    source: options.path,
  });
  const split = splitTrainValidation(windows, options.validationFraction);
  return { training: split.train, validation: split.validation, columns: selection.names, rows, normalization };
}

async function runTrain(args: readonly string[]): Promise<number> {
  const options = parseTrainArguments(args);
  if (options === null) {
    process.stdout.write(HELP);
    return 0;
  }
  let data: PreparedData;
  try {
    data = await prepareData(options);
  } catch (error) {
    if (isDataError(error)) throw new CliInputError(error.message);
    throw error;
  }
  const first = data.training.examples[0]!;
  if (options.cellChoice === 'esn') return runEchoStateTraining(options, data);
  const config: ModelConfig = {
    ...options.config,
    topology: data.grouping?.topology ?? options.config.topology,
    inputSize: data.training.inputSize,
    outputSize: data.training.outputSize,
    outputLength: first.targetLength,
  };
  const random = new SeededRandom(options.seed);
  let remedies: RemedyOptions;
  let parameters: ReturnType<typeof createInitializedParameters>;
  try {
    const flags = options.remedies;
    remedies = resolveRemedyOptions(
      { clipNorm: flags.clipNorm, clipValue: flags.clipValue, l2: flags.l2, omega: flags.omega, truncation: options.truncation, init: flags.init },
      config,
    );
    parameters = createInitializedParameters(config, remedies.init, random);
  } catch (error) {
    // e.g. a W_hh whose spectral radius is 0 cannot be rescaled: the flags' problem, said in one line
    if (error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
  const model = new RecurrentModel(config, parameters);
  if (options.truncation !== null) checkTruncation(model, options.truncation);
  const optimizer = createOptimizer(options.optimizer, { learningRate: options.learningRate }, parameters);
  if (!options.quiet) {
    process.stderr.write(
      `training ${describeModel(config)} on ${data.training.examples.length} windows (${data.validation.examples.length} for validation) of ${data.columns.join(', ')}\n`,
    );
  }
  let outcome: RemedyTrainingResult;
  try {
    outcome = trainWithRemedies(model, optimizer, data.training, data.validation.examples.length > 0 ? data.validation : null, {
      trainer: {
        epochs: options.epochs,
        batchSize: options.batch,
        random,
        clock: () => performance.now(),
        onEpoch: options.quiet ? undefined : (progress) => void process.stderr.write(formatProgress(progress)),
      },
      remedies,
      context: { optimizer: options.optimizer, learningRate: options.learningRate },
      // the per-epoch diagnostics are only printed with --json: do not pay for them otherwise
      diagnostics: options.json ? {} : null,
    });
  } catch (error) {
    // the engine's shape checks name the example and field; they are the user's data/flags, not a crash
    if (error instanceof Error) throw new CliInputError(error.message);
    throw error;
  }
  const result: TrainingResult = outcome.result;
  // not progress: printed even with --quiet
  if (outcome.diverged !== null) {
    const { epoch, detail, hint, keptUpdates } = outcome.diverged;
    process.stderr.write(`training diverged in epoch ${epoch}: ${detail}; kept the last good parameters (after ${keptUpdates} updates). ${hint}\n`);
  }
  if (options.save !== undefined) {
    const text = serializeModel(config, model.parameters, {
      normalization: data.normalization as unknown as JsonObject,
      training: {
        optimizer: options.optimizer,
        learningRate: options.learningRate,
        epochs: result.epochsCompleted,
        batch: options.batch,
        seed: options.seed,
        trainLoss: finiteOrNull(result.trainLoss),
        validationLoss: finiteOrNull(result.validationLoss),
      },
    });
    try {
      await writeFile(options.save, text, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
      throw new CliInputError(`--save ${options.save}: cannot write the model file (${reason})`);
    }
    if (!options.quiet) process.stderr.write(`saved the model to ${options.save}\n`);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(resultJson(config, options, data, result, outcome, remedies))}\n`);
  } else {
    process.stdout.write(
      `train loss ${formatLoss(result.trainLoss)}, validation loss ${formatLoss(result.validationLoss)} after ${result.epochsCompleted} epochs; ${Math.round(result.timestepsPerSecond)} timesteps/s\n`,
    );
  }
  return result.diverged === null ? 0 : 1;
}

function resultJson(
  config: ModelConfig,
  options: TrainArguments,
  data: PreparedData,
  result: TrainingResult,
  outcome: RemedyTrainingResult,
  remedies: RemedyOptions,
): Record<string, unknown> {
  const diagnostics = result.diagnostics;
  return {
    trainLoss: finiteOrNull(result.trainLoss),
    validationLoss: finiteOrNull(result.validationLoss),
    lossPerEpoch: result.lossPerEpoch.map(finiteOrNull),
    validationLossPerEpoch: result.validationLossPerEpoch.map(finiteOrNull),
    hidden_grad_norms: diagnostics?.hiddenGradNorms ?? null,
    ...(config.cell === 'lstm' ? { cell_grad_norms: diagnostics?.cellGradNorms ?? null } : {}),
    ...(config.topology === 'many-to-many-encoder-decoder'
      ? { decoder_hidden_grad_norms: diagnostics?.decoderHiddenGradNorms ?? null }
      : {}),
    timestepsPerSecond: result.timestepsPerSecond,
    epochs: result.epochsCompleted,
    updates: result.updates,
    // clipping, diverged (null or { epoch, reason, detail, hint, remedies, keptUpdates }), diagnostics per sampled epoch
    ...remedyResultJson(outcome),
    config,
    training: {
      optimizer: options.optimizer,
      learningRate: options.learningRate,
      batch: options.batch,
      seed: options.seed,
      tbptt: options.truncation,
      remedies: remedyOptionsJson(remedies),
    },
    data: dataJson(options, data),
  };
}

function dataJson(options: TrainArguments, data: PreparedData): Record<string, unknown> {
  return {
    source: options.path,
    columns: data.columns,
    rows: data.rows,
    window: options.window,
    horizon: options.horizon,
    trainingWindows: data.training.examples.length,
    validationWindows: data.validation.examples.length,
    normalization: data.normalization,
    ...(data.grouping !== undefined ? { group: data.grouping.group, target: data.grouping.target } : {}),
  };
}

/** `--cell esn`: fit the echo state network on the same windows (or sequences), print its JSON or one line. */
function runEchoStateTraining(options: TrainArguments, data: PreparedData): number {
  const validation = data.validation.examples.length > 0 ? data.validation : null;
  const run = runEchoState(data.training, validation, options.config.topology, options.remedies.echoState ?? {}, new SeededRandom(options.seed));
  if (options.json) {
    const first = data.training.examples[0]!;
    const json = {
      ...echoStateJson(run, first.inputLength),
      config: { cell: 'esn', topology: options.config.topology, inputSize: data.training.inputSize, outputSize: data.training.outputSize },
      training: { seed: options.seed },
      data: dataJson(options, data),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    const trained = run.trained;
    process.stdout.write(
      `echo state network (${trained.network.reservoir.size} units): train loss ${formatLoss(trained.trainLoss)}, validation loss ${formatLoss(trained.validationLoss ?? Number.NaN)}; ${Math.round(run.timestepsPerSecond)} timesteps/s\n`,
    );
  }
  return 0;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(6) : 'n/a';
}

function formatProgress(progress: EpochProgress): string {
  return `epoch ${progress.epoch}/${progress.epochs}  train ${formatLoss(progress.trainLoss)}  validation ${formatLoss(progress.validationLoss)}  ${Math.round(progress.timestepsPerSecond)} timesteps/s\n`;
}

function describeModel(config: ModelConfig): string {
  const cell = config.cell === 'rnn' ? `rnn (${config.nonlinearity})` : config.cell;
  return `${cell}, ${config.numLayers}×${config.hiddenSize} hidden, ${config.topology}`;
}
