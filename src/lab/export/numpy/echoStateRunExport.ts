// A saved echo state network run (modelKind 'esn', `rnn-lab train --cell esn --run-dir DIR`) → its NumPy export. The
// data comes prepared by runExport.ts through the one data pipeline (the run's data read again, refusing changed
// data); the reservoir comes from the run's model.json (modelFiles/echoStateModelJson.ts), which must agree with the
// run's record — the same topology, sizes and options — or the script would not repeat the run.
import type { IntakePrepared } from '../../../data/intake';
import type { DataPlatform } from '../../../data/platform';
import type { EchoStateNetwork } from '../../../engine/esn/echoStateNetwork';
import type { EchoStateOptions } from '../../../engine/esn/esnOptions';
import { parseEchoStateModel } from '../../../modelFiles/echoStateModelJson';
import { ModelFormatError, type JsonValue } from '../../../modelFiles/modelJson';
import type { RunRecord, TrainingSettings } from '../../runs/runRecord';
import { ExportError, type ExportBundle } from '../exportBundle';
import { echoStateBundle } from './echoStateScript';

export interface EchoStateRunExportInput {
  readonly directory: string;
  readonly runJsonPath: string;
  readonly record: RunRecord;
  readonly settings: TrainingSettings;
  readonly prepared: IntakePrepared;
  readonly platform: DataPlatform;
  readonly scriptPath: string;
}

/** The options the script takes from model.json that must equal the run's settings (`rnnLab.esn.*`). */
const COMPARED_OPTIONS: readonly (keyof EchoStateOptions)[] = ['reservoirSize', 'spectralRadius', 'leak', 'sparsity', 'inputScale', 'ridge', 'washout'];

export async function buildEchoStateRunExport(input: EchoStateRunExportInput): Promise<ExportBundle> {
  const { record, prepared, directory } = input;
  if (!input.scriptPath.endsWith('.py')) throw new ExportError(`--out ${input.scriptPath}: the script's name must end in .py`);
  const recipe = prepared.recipe;
  if (recipe === undefined) throw new ExportError(`${record.data.source}: this data preparation cannot be written as a script`);
  if (recipe.kind !== 'series' && recipe.kind !== 'grouped') {
    throw new ExportError(`${directory}: an echo state network fits a least-squares readout on numeric targets; this run's data is ${recipe.kind}, which the NumPy export does not prepare`);
  }
  if (record.modelFile === null) throw new ExportError(`${directory}: the run saved no model file (status ${record.status}); the NumPy script needs its reservoir W and W_in`);
  const modelPath = `${directory}/${record.modelFile}`;
  let text: string;
  try {
    text = await input.platform.readText(modelPath);
  } catch (error) {
    throw new ExportError(`${modelPath}: cannot read the run's model file (${error instanceof Error ? error.message : String(error)}); the NumPy script needs its reservoir W and W_in`);
  }
  let network: EchoStateNetwork;
  try {
    network = parseEchoStateModel(text, modelPath);
  } catch (error) {
    if (error instanceof ModelFormatError || error instanceof RangeError) throw new ExportError(`${modelPath}: not an echo state network model file (${error.message})`);
    throw error;
  }
  requireAgreement(modelPath, network, input.settings, prepared);
  return echoStateBundle({
    scriptPath: input.scriptPath,
    runJsonPath: input.runJsonPath,
    runId: record.id,
    runName: record.name,
    dataSource: record.data.source,
    network,
    modelDocument: JSON.parse(text) as Record<string, JsonValue>,
    recipe,
    normalization: prepared.normalization,
    trainCount: prepared.data.train.length,
    validationCount: prepared.data.validation.length,
  });
}

function requireAgreement(modelPath: string, network: EchoStateNetwork, settings: TrainingSettings, prepared: IntakePrepared): void {
  const differences: string[] = [];
  if (network.topology !== prepared.model.topology) differences.push(`topology ${network.topology} (the data gives ${prepared.model.topology})`);
  if (network.inputSize !== prepared.data.inputSize) differences.push(`${network.inputSize} inputs (the data gives ${prepared.data.inputSize})`);
  if (network.outputSize !== prepared.data.outputSize) differences.push(`${network.outputSize} outputs (the data gives ${prepared.data.outputSize})`);
  for (const option of COMPARED_OPTIONS) {
    if (network.options[option] !== settings.esn[option]) differences.push(`${option} ${network.options[option]} (run.json: ${settings.esn[option]})`);
  }
  if (differences.length > 0) {
    throw new ExportError(`${modelPath}: the model file does not belong to this run: ${differences.join('; ')}. Export a run folder as rnn-lab train --cell esn --run-dir saved it.`);
  }
}
