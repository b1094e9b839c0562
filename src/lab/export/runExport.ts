// Entry points of the export (issue 14): a saved run folder, or a `*.rnn.json` config plus a data file, → an
// ExportBundle (exportBundle.ts). The run's data is read again through the one data pipeline (as `rnn-lab train
// --from-run` does, refusing changed data), its initial parameters come from the run's initial-model.json when it has
// one and are otherwise drawn again from the run's seed (the same code, so the same numbers), and the shuffle
// generator's state after that draw is written into the script. An echo state network run (modelKind 'esn') exports to
// NumPy instead (numpy/echoStateRunExport.ts): the same data path, and the reservoir from the run's model.json.
import { DataIntake, type OverviewOptions } from '../../data/intake';
import type { DataSource } from '../../data/load';
import type { DataPlatform } from '../../data/platform';
import type { IntakeChoices } from '../../data/intakeTypes';
import type { ModelConfig } from '../../engine/modelConfig';
import { parseModel, serializeModel, type JsonValue } from '../../modelFiles/modelJson';
import { prepareRerun, RerunError } from '../runs/rerun';
import type { TrainingSettings } from '../runs/runRecord';
import { INITIAL_MODEL_FILE, RUN_FILE } from '../runs/runRecordFile';
import { setUpTraining } from '../training/trainingSetup';
import type { ParameterSet } from '../../engine/tensor';
import { ExportError, NUMPY_SCRIPT_NAME, PYTORCH_SCRIPT_NAME, type ExportBundle, type ExportTarget } from './exportBundle';
import { buildEchoStateRunExport } from './numpy/echoStateRunExport';
import { pytorchBundle } from './pytorch/pytorchScript';

export interface ExportOptions {
  /** Where the script goes (default: inside the run folder, exportBundle.ts names). */
  readonly out?: string;
  /** Default: pytorch for RNN/LSTM/GRU runs, numpy for echo state networks. */
  readonly target?: ExportTarget;
}

const BYTES_PER_MEGABYTE = 1024 * 1024;

export async function buildRunExport(runDirectory: string, platform: DataPlatform, options: ExportOptions = {}): Promise<ExportBundle> {
  const directory = runDirectory.replace(/[\\/]+$/, '');
  let rerun;
  try {
    rerun = await prepareRerun(directory, platform);
  } catch (error) {
    if (error instanceof RerunError) throw new ExportError(error.message);
    throw error;
  }
  const { record, settings } = rerun;
  const echoState = record.modelKind === 'esn';
  if (echoState && options.target === 'pytorch') {
    throw new ExportError(`${runDirectory}: an echo state network run has no BPTT training to repeat in PyTorch (its readout is fitted in closed form); export it with --to numpy`);
  }
  if (!echoState && options.target === 'numpy') throw new ExportError(`${runDirectory}: NumPy export is for echo state network runs; this run is exported to PyTorch (--to pytorch)`);
  const prepared = await prepareData(rerun.source, rerun.overview, rerun.choices, settings, platform, record.data.fingerprint, record.id);
  if (echoState) {
    const scriptPath = options.out ?? `${directory}/${NUMPY_SCRIPT_NAME}`;
    return buildEchoStateRunExport({ directory, runJsonPath: `${directory}/${RUN_FILE}`, record, settings, prepared, platform, scriptPath });
  }
  // runs saved before issue 14 have no initial-model.json: the parameters are drawn again from the run's seed
  const initial = record.initialModelFile === INITIAL_MODEL_FILE ? await readInitialParameters(`${directory}/${INITIAL_MODEL_FILE}`, platform) : null;
  return assemble({
    scriptPath: options.out ?? `${directory}/${PYTORCH_SCRIPT_NAME}`,
    runJsonPath: `${directory}/${RUN_FILE}`,
    runId: record.id,
    runName: record.name,
    dataSource: record.data.source,
    settings,
    prepared,
    recordedInitial: initial,
    runPrecision: record.arithmetic?.precision ?? 'float64',
  });
}

/** `rnn-lab export CONFIG.rnn.json --data FILE`: the settings a config gives, on a data file; no run to check against. */
export async function buildSettingsExport(
  name: string,
  settings: TrainingSettings,
  dataPath: string,
  choices: IntakeChoices,
  platform: DataPlatform,
  out: string,
): Promise<ExportBundle> {
  const prepared = await prepareData({ kind: 'file', path: dataPath, label: dataPath }, {}, choices, settings, platform, null, null);
  return assemble({ scriptPath: out, runJsonPath: null, runId: null, runName: name, dataSource: dataPath, settings, prepared, recordedInitial: null, runPrecision: 'float64' });
}

async function readInitialParameters(file: string, platform: DataPlatform): Promise<ParameterSet> {
  try {
    return parseModel(await platform.readText(file), file).parameters;
  } catch (error) {
    throw new ExportError(`${file}: the run's initial parameters cannot be read (${error instanceof Error ? error.message : String(error)}); the script would not start where the run started`);
  }
}

type Prepared = Awaited<ReturnType<typeof prepareData>>;

async function prepareData(
  source: DataSource,
  overview: OverviewOptions,
  choices: IntakeChoices,
  settings: TrainingSettings,
  platform: DataPlatform,
  fingerprint: string | null,
  runId: string | null,
) {
  const intake = new DataIntake(platform);
  const loaded = await intake.load(source, { ...overview, maxBytes: settings.data.maxSelectionSizeMB * BYTES_PER_MEGABYTE });
  if (!loaded.ok) throw new ExportError(`${source.label}: ${loaded.error.problem}. ${loaded.error.hint}`);
  if (fingerprint !== null && intake.fingerprint !== fingerprint) {
    throw new ExportError(
      `${source.label}: the data changed since run ${runId ?? ''} (SHA-256 then ${fingerprint.slice(0, 12)}…, now ${intake.fingerprint.slice(0, 12)}…); the script would not repeat the run. Restore the data, or train on it as a new run and export that.`,
    );
  }
  const prepared = intake.prepare(choices, settings);
  if (!prepared.ok) throw new ExportError(`${source.label}: ${prepared.error.problem}. ${prepared.error.hint}`);
  if (prepared.prepared.recipe === undefined) throw new ExportError(`${source.label}: this data preparation cannot be written as a script`);
  return prepared.prepared;
}

interface AssembleInput {
  readonly scriptPath: string;
  readonly runJsonPath: string | null;
  readonly runId: string | null;
  readonly runName: string;
  readonly dataSource: string;
  readonly settings: TrainingSettings;
  readonly prepared: Prepared;
  readonly recordedInitial: ParameterSet | null;
  /** The arithmetic the run trained in (run.json `arithmetic`): the script's default --dtype. */
  readonly runPrecision: 'float32' | 'float64';
}

function assemble(input: AssembleInput): ExportBundle {
  const { settings, prepared } = input;
  if (!input.scriptPath.endsWith('.py')) throw new ExportError(`--out ${input.scriptPath}: the script's name must end in .py`);
  const config: ModelConfig = prepared.model;
  let setup;
  try {
    setup = setUpTraining(settings, config);
  } catch (error) {
    if (error instanceof RangeError) throw new ExportError(error.message);
    throw error;
  }
  const initial = input.recordedInitial ?? setup.model.parameters;
  const template = JSON.parse(serializeModel(config, initial, prepared.extras)) as Record<string, JsonValue>;
  delete template['state_dict'];
  return pytorchBundle({
    scriptPath: input.scriptPath,
    runJsonPath: input.runJsonPath,
    runId: input.runId,
    runName: input.runName,
    dataSource: input.dataSource,
    config,
    settings,
    remedies: setup.remedies,
    recipe: prepared.recipe!,
    normalization: prepared.normalization,
    trainCount: prepared.data.train.length,
    validationCount: prepared.data.validation.length,
    initialParameters: initial,
    shuffleState: setup.random.getState().words,
    modelTemplate: template,
    runPrecision: input.runPrecision,
  });
}
