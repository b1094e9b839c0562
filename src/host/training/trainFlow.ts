// The steps shared by "Train on Selection" and "Train on File…", from the user's data to a finished run. The data goes
// to the command's worker at once (trainingWorker.ts): the worker parses and windows it, this thread only asks the
// questions the data leaves open, from the worker's overview — settings snapshot → the data's kind (number series:
// columns, target, missing values; a table of many sequences; plain text: next-character windows; text + label
// columns: sentence classification) → windows and shapes → preview → training in the same worker.
// Every step can be answered by command arguments instead of a prompt, so tests and scripts never block on UI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TopologyId } from '../../engine/dataset';
import { type DataError, dataErrorFromInfo } from '../../data/dataError';
import { type IntakeChoices, type TableOverview, topologyDecidedBy } from '../../data/prepare/prepareTrainingData';
import type { MissingValueHandling } from '../../data/prepare/seriesTrainingData';
import { describeSettingProblem, readTrainingSettings } from '../platform/settings';
import type { DataRejectedMessage, DataSource, PreparedDataSummary } from '../../protocol/intakeProtocol';
import type { DataOrigin, RunStatus, TrainingSettings } from '../../lab/runs/runRecord';
import { originForRecord } from '../../lab/runs/dataOrigin';
import { askMissingValues, pickColumns, pickTarget } from './dataChoices';
import { plainSettings, type SettingsOverrides } from '../../lab/settings/resolveSettings';
import type { RunManager, RunResult, TrainingRunRequest, WhenBusy } from './runManager';
import { confirmShapePreview, describePrediction, shapePreviewLines, shouldConfirmShapes } from './shapePreview';
import type { TrainingWorker } from './trainingWorkerClient';
import { withIntakeProgress } from './intakeProgress';
import type { RunsLocation } from './runStoreLocation';

const BYTES_PER_MEGABYTE = 1024 * 1024;

/** rnnLab.data.maxSelectionSizeMB for the resource, in bytes: the most data a train command reads. */
export function maxDataBytes(resource: vscode.Uri | undefined): number {
  return readTrainingSettings(resource).settings.data.maxSelectionSizeMB.value * BYTES_PER_MEGABYTE;
}

/** Optional arguments of the train commands; each one given skips the matching prompt. */
export interface TrainCommandArgs {
  /** Run name (folder `<timestamp>-<name>`); default from the file name. */
  readonly name?: string;
  /** Input columns by header name or 1-based number (skips the column pick). */
  readonly columns?: readonly string[] | string;
  /** Predicted column among `columns` (default the first). */
  readonly target?: string;
  readonly missing?: MissingValueHandling;
  /** false: train a table of many sequences (a "sequence" column) as one continuous series instead. */
  readonly group?: boolean;
  /** Shorthand for settings.model.topology. */
  readonly topology?: TopologyId;
  /** Any `rnnLab.*` value for this run only (source "argument"). */
  readonly settings?: SettingsOverrides;
  /** Values from a model config file (*.rnn.json): override the settings, recorded with source "configFile". */
  readonly configFile?: SettingsOverrides;
  /** No prompts (columns default to the first number column unless given, no shape preview, missing values must be
   *  given in `missing`, a busy run is kept running beside unless `whenBusy` says stop) and no end-of-run pop-ups;
   *  errors are still shown. */
  readonly silent?: boolean;
  readonly whenBusy?: WhenBusy;
}

export type TrainCommandStatus = Exclude<RunStatus, 'running'> | 'invalid-data' | 'invalid-settings' | 'dismissed' | 'untrusted';

/** What the train commands resolve to (tests await it). */
export interface TrainCommandResult {
  readonly status: TrainCommandStatus;
  readonly runId?: string;
  readonly runJsonPath?: string | null;
  readonly modelJsonPath?: string | null;
  readonly cancelLatencyMs?: number;
  /** The error shown to the user, for invalid data or settings. */
  readonly message?: string;
}

export interface TrainSource {
  /** Names the data in messages, e.g. `prices.csv` or `prices.csv (selection, lines 3–40)`. */
  readonly label: string;
  /** The document or file, for resource-scoped settings and where the run is saved. */
  readonly resource: vscode.Uri | undefined;
  readonly defaultName: string;
  /** 0-based document line of the data's first line (a selection), so errors point into the document. */
  readonly firstLine?: number;
  /** Shows the user a 1-based document line that holds a data error. */
  readonly revealLine?: (line: number) => void;
  /** Where the data can be read again (absolute path; made relative to the workspace folder when saved). */
  readonly origin: DataOrigin;
}

export interface TrainFlowContext {
  readonly runs: RunManager;
  readonly output: vscode.OutputChannel;
  /** Where the run is saved, and the folder it must stay in (runStoreLocation.ts). */
  readonly storeFor: (resource: vscode.Uri | undefined) => RunsLocation;
}

export function showDataError(error: DataError, output: vscode.OutputChannel): TrainCommandResult {
  const message = vscode.l10n.t('Cannot train on this data: {0}', error.message);
  output.appendLine(message);
  void vscode.window.showErrorMessage(message);
  return { status: 'invalid-data', message: error.message };
}

/** The worker's data error, its line counted in the document (a selection maps line for line), shown there. */
function rejectData(reply: DataRejectedMessage, source: TrainSource, output: vscode.OutputChannel): TrainCommandResult {
  const error = dataErrorFromInfo(reply.error, source.firstLine);
  if (error.line !== undefined) source.revealLine?.(error.line);
  return showDataError(error, output);
}

/** Stop Training or Cancel while the data was read or prepared (or while the preview waited): nothing was trained. */
function intakeCancelled(name: string, output: vscode.OutputChannel): TrainCommandResult {
  const message = vscode.l10n.t('[{0}] stopped before training: nothing was trained or saved.', name);
  output.appendLine(message);
  return { status: 'cancelled', message };
}

function failed(message: string, output: vscode.OutputChannel): TrainCommandResult {
  output.appendLine(message);
  void vscode.window.showErrorMessage(message);
  return { status: 'failed', message };
}

function argumentOverrides(args: TrainCommandArgs, decided: TopologyId | undefined): SettingsOverrides {
  const overrides = args.settings ?? {};
  const topology = decided ?? args.topology;
  if (topology === undefined) return overrides;
  return { ...overrides, model: { ...(overrides.model ?? {}), topology } };
}

/** The questions the overview leaves open, answered by arguments or prompts; undefined when the user cancels. */
async function askChoices(overview: TableOverview, args: TrainCommandArgs): Promise<IntakeChoices | undefined> {
  const silent = args.silent === true;
  const given = {
    ...(args.columns !== undefined ? { columns: args.columns } : {}),
    ...(args.target !== undefined ? { target: args.target } : {}),
    ...(args.missing !== undefined ? { missing: args.missing } : {}),
  };
  // Texts, labelled sentences and grouped sequences decide their own columns (shown in the preview).
  if (overview.kind !== 'series' || silent || args.columns !== undefined) return given;
  const columns = await pickColumns(overview);
  if (columns === undefined) return undefined;
  const target = args.target ?? (await pickTarget(columns));
  if (target === undefined) return undefined;
  return { ...given, columns, target };
}

/** Prepares the windows in the worker, asking about missing values when the data has some. */
async function prepareInWorker(
  worker: TrainingWorker,
  choices: IntakeChoices,
  settings: TrainingSettings,
  source: TrainSource,
  args: TrainCommandArgs,
  output: vscode.OutputChannel,
): Promise<PreparedDataSummary | TrainCommandResult> {
  const name = args.name ?? source.defaultName;
  const title = vscode.l10n.t('Preparing the windows of "{0}"…', name);
  let reply = await withIntakeProgress(title, worker, worker.prepare(choices, settings));
  if (reply.type === 'dataRejected' && reply.missing !== undefined && args.silent !== true) {
    const offset = source.firstLine ?? 0;
    const missing = await askMissingValues({ ...reply.missing, lines: reply.missing.lines.map((line) => line + offset) });
    if (missing === undefined) return { status: 'dismissed' };
    reply = await withIntakeProgress(title, worker, worker.prepare({ ...choices, missing }, settings));
  }
  if (reply.type === 'cancelled') return intakeCancelled(name, output);
  if (reply.type === 'dataRejected') return rejectData(reply, source, output);
  if (reply.type === 'error') return failed(vscode.l10n.t('Cannot prepare the data: {0}', reply.message), output);
  return reply.prepared;
}

/** Trains on the selection's text or a file: the data goes to a new worker, which parses, windows and trains. */
export async function trainOnSource(data: DataSource, source: TrainSource, args: TrainCommandArgs, context: TrainFlowContext): Promise<TrainCommandResult> {
  const worker = context.runs.createWorker();
  const name = args.name ?? source.defaultName;
  // From here Stop Training reaches the worker (reading, preparing, waiting for answers) until the run starts.
  const tracking = context.runs.trackIntake(name, worker);
  let handedOver = false;
  try {
    const loading = worker.load(data, {
      maxBytes: maxDataBytes(source.resource),
      ...(args.group !== undefined ? { group: args.group } : {}),
      ...(args.target !== undefined ? { target: args.target } : {}),
    });
    const loaded = await withIntakeProgress(vscode.l10n.t('Reading the data for "{0}"…', name), worker, loading);
    if (loaded.type === 'cancelled') return intakeCancelled(name, context.output);
    if (loaded.type === 'dataRejected') return rejectData(loaded, source, context.output);
    if (loaded.type === 'error') return failed(vscode.l10n.t('Cannot read the data: {0}', loaded.message), context.output);
    const overview = loaded.overview;

    const resolved = readTrainingSettings(source.resource, {
      args: argumentOverrides(args, topologyDecidedBy(overview)),
      ...(args.configFile !== undefined ? { configFile: args.configFile } : {}),
    });
    const blocking = resolved.problems.filter((problem) => problem.source !== 'setting' || problem.kind === 'inconsistent');
    for (const problem of resolved.problems) context.output.appendLine(describeSettingProblem(problem));
    if (blocking.length > 0) {
      const message = blocking.map(describeSettingProblem).join(' ');
      void vscode.window.showErrorMessage(message);
      return { status: 'invalid-settings', message };
    }
    const ignored = resolved.problems.filter((problem) => !blocking.includes(problem));
    if (ignored.length > 0) void vscode.window.showWarningMessage(ignored.map(describeSettingProblem).join(' '));
    const settings = plainSettings(resolved.settings);
    const silent = args.silent === true;

    const choices = await askChoices(overview, args);
    if (choices === undefined) return worker.cancelRequested ? intakeCancelled(name, context.output) : { status: 'dismissed' };
    const prepared = await prepareInWorker(worker, choices, settings, source, args, context.output);
    if ('status' in prepared) return prepared;

    const preview = shapePreviewLines(prepared.summary.shapes, prepared.prediction, settings.model.hiddenSize, settings.model.cell);
    context.output.appendLine(vscode.l10n.t('[{0}] shape preview:', name));
    for (const line of preview) context.output.appendLine(`  ${line}`);
    for (const warning of overview.warnings) context.output.appendLine(`  ${warning}`);
    if (!silent && shouldConfirmShapes(source.resource) && !(await confirmShapePreview(name, preview, worker.whenCancelRequested))) {
      return worker.cancelRequested ? intakeCancelled(name, context.output) : { status: 'dismissed' };
    }
    if (worker.cancelRequested) return intakeCancelled(name, context.output);

    handedOver = true;
    tracking.dispose();
    const store = context.storeFor(source.resource);
    const storeRoot = store.root;
    const result = await startRun(context, {
      name,
      config: resolved.settings,
      settings,
      worker,
      summary: { ...prepared.summary, predicts: describePrediction(prepared.prediction), origin: originForRecord(source.origin, storeRoot) },
      storeRoot,
      storeWithin: store.within,
      silent,
      // silent never asks: it runs beside a busy run unless told to stop it
      ...(args.whenBusy ? { whenBusy: args.whenBusy } : silent ? { whenBusy: 'both' as const } : {}),
    });
    if (result === undefined) return { status: 'dismissed' };
    if (!('record' in result)) return result;
    return {
      status: result.status,
      runId: result.runId,
      runJsonPath: result.runJsonPath,
      modelJsonPath: result.modelJsonPath,
      ...(result.cancelLatencyMs !== undefined ? { cancelLatencyMs: result.cancelLatencyMs } : {}),
      ...(result.record.error !== undefined ? { message: result.record.error } : {}),
    };
  } finally {
    tracking.dispose();
    if (!handedOver) worker.dispose();
  }
}

/** RunManager.start; a run folder that cannot be made (e.g. a link out of the workspace) is shown, not thrown. */
async function startRun(context: TrainFlowContext, request: TrainingRunRequest): Promise<RunResult | TrainCommandResult | undefined> {
  try {
    return await context.runs.start(request);
  } catch (error) {
    return failed(vscode.l10n.t('Cannot save the run: {0}', error instanceof Error ? error.message : String(error)), context.output);
  }
}

/** `prices` from `/data/prices.csv`. */
export function nameFromPath(file: string): string {
  return path.basename(file, path.extname(file));
}
