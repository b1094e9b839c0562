// The steps shared by "Train on Selection" and "Train on File…", from a parsed table to a finished run:
// settings snapshot → the data's kind (number series: columns, target, missing values; plain text: next-character
// windows; text + label columns: sentence classification) → windows and shapes → preview → run in the worker.
// Every step can be answered by command arguments instead of a prompt, so tests and scripts never block on UI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TopologyId } from '../../engine/dataset';
import { DataError } from '../data/dataError';
import { findMissingInTable } from '../data/missingValues';
import type { ParsedTable } from '../data/parsedTable';
import { selectColumns } from '../data/selectColumns';
import { describeSettingProblem, readTrainingSettings } from '../settings';
import type { ModelExtras } from '../../engine/serialization';
import type { RunStatus, TrainingSettings } from '../../shared/runTypes';
import { askMissingValues, pickColumns, pickTarget } from './dataChoices';
import { plainSettings, type SettingsOverrides } from './effectiveSettings';
import type { RunManager, WhenBusy } from './runManager';
import { confirmShapePreview, describePrediction, shapePreviewLines } from './shapePreview';
import { guessTextAndLabelColumns, prepareCharacterData, prepareLabelledTextData } from './characterTrainingData';
import { type MissingValueHandling, normalizationJson, type PreparedTrainingData, prepareTrainingData } from './trainingData';

/** Optional arguments of the train commands; each one given skips the matching prompt. */
export interface TrainCommandArgs {
  /** Run name (folder `<timestamp>-<name>`); default from the file name. */
  readonly name?: string;
  /** Input columns by header name or 1-based number (skips the column pick). */
  readonly columns?: readonly string[] | string;
  /** Predicted column among `columns` (default the first). */
  readonly target?: string;
  readonly missing?: MissingValueHandling;
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

export type TrainCommandStatus = Exclude<RunStatus, 'running'> | 'invalid-data' | 'invalid-settings' | 'dismissed';

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
}

export interface TrainFlowContext {
  readonly runs: RunManager;
  readonly output: vscode.OutputChannel;
  readonly storeRootFor: (resource: vscode.Uri | undefined) => string;
}

function argumentOverrides(args: TrainCommandArgs): SettingsOverrides {
  const overrides = args.settings ?? {};
  if (args.topology === undefined) return overrides;
  return { ...overrides, model: { ...(overrides.model ?? {}), topology: args.topology } };
}

export function showDataError(error: DataError, output: vscode.OutputChannel): TrainCommandResult {
  const message = vscode.l10n.t('Cannot train on this data: {0}', error.message);
  output.appendLine(message);
  void vscode.window.showErrorMessage(message);
  return { status: 'invalid-data', message: error.message };
}

type DataKind = 'series' | 'characters' | 'labelled-text';

/** Plain text → next-character model; a table of texts and labels only → sentence classifier; else number series. */
function dataKind(table: ParsedTable): DataKind {
  if (table.format === 'text') return 'characters';
  if (!table.columns.some((column) => column.type === 'number') && guessTextAndLabelColumns(table) !== undefined) return 'labelled-text';
  return 'series';
}

/** The topology the data decides (recorded as an argument, since it overrides the setting). */
function topologyFor(kind: DataKind): SettingsOverrides {
  if (kind === 'characters') return { model: { topology: 'many-to-many-synced' } };
  if (kind === 'labelled-text') return { model: { topology: 'many-to-one' } };
  return {};
}

type Prepared = PreparedTrainingData & { readonly extras: ModelExtras };

async function prepare(table: ParsedTable, kind: DataKind, source: TrainSource, args: TrainCommandArgs, settings: TrainingSettings): Promise<Prepared | undefined> {
  if (kind === 'characters') {
    const prepared = prepareCharacterData(table, settings, source.label);
    return { ...prepared, extras: { training: { vocabulary: [...prepared.vocabulary] } } };
  }
  if (kind === 'labelled-text') {
    const requested = typeof args.columns === 'string' ? args.columns.split(',').map((c) => c.trim()) : args.columns;
    const guessed = guessTextAndLabelColumns(table);
    const text = requested?.[0] ?? guessed?.text ?? '';
    const label = args.target ?? requested?.[1] ?? guessed?.label ?? '';
    const prepared = prepareLabelledTextData(table, text, label, settings, source.label);
    return { ...prepared, extras: { training: { vocabulary: [...prepared.vocabulary], labels: [...prepared.labels] } } };
  }
  const silent = args.silent === true;
  const columns =
    args.columns !== undefined || silent ? selectColumns(table, args.columns, source.label).names : await pickColumns(table);
  if (columns === undefined) return undefined;
  if (columns.length === 0) selectColumns(table, undefined, source.label); // throws the "no number column" error
  const target = args.target ?? (silent ? columns[0] : await pickTarget(columns));
  if (target === undefined) return undefined;
  let missing = args.missing;
  const report = findMissingInTable(table, selectColumns(table, columns, source.label).indices);
  if (report.count > 0 && missing === undefined && !silent) {
    missing = await askMissingValues(report);
    if (missing === undefined) return undefined;
  }
  const prepared = prepareTrainingData({ table, columns, target, settings, source: source.label, ...(missing ? { missing } : {}) });
  return { ...prepared, extras: { normalization: normalizationJson(prepared.normalization) } };
}

export async function trainOnTable(table: ParsedTable, source: TrainSource, args: TrainCommandArgs, context: TrainFlowContext): Promise<TrainCommandResult> {
  const kind = dataKind(table);
  const overrides = argumentOverrides(args);
  const decided = topologyFor(kind);
  const resolved = readTrainingSettings(source.resource, {
    args: { ...overrides, model: { ...(overrides.model ?? {}), ...(decided.model ?? {}) } },
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

  try {
    const prepared = await prepare(table, kind, source, args, settings);
    if (prepared === undefined) return { status: 'dismissed' };
    const name = args.name ?? source.defaultName;
    const preview = shapePreviewLines(prepared.summary.shapes, prepared.prediction, settings.model.hiddenSize, settings.model.cell);
    context.output.appendLine(vscode.l10n.t('[{0}] shape preview:', name));
    for (const line of preview) context.output.appendLine(`  ${line}`);
    for (const warning of table.warnings) context.output.appendLine(`  ${warning}`);
    if (!silent && !(await confirmShapePreview(name, preview))) return { status: 'dismissed' };

    const result = await context.runs.start({
      name,
      config: resolved.settings,
      settings,
      model: prepared.model,
      data: prepared.data,
      summary: { ...prepared.summary, predicts: describePrediction(prepared.prediction) },
      modelExtras: prepared.extras,
      storeRoot: context.storeRootFor(source.resource),
      silent,
      // silent never asks: it runs beside a busy run unless told to stop it
      ...(args.whenBusy ? { whenBusy: args.whenBusy } : silent ? { whenBusy: 'both' as const } : {}),
    });
    if (result === undefined) return { status: 'dismissed' };
    return {
      status: result.status,
      runId: result.runId,
      runJsonPath: result.runJsonPath,
      modelJsonPath: result.modelJsonPath,
      ...(result.cancelLatencyMs !== undefined ? { cancelLatencyMs: result.cancelLatencyMs } : {}),
      ...(result.record.error !== undefined ? { message: result.record.error } : {}),
    };
  } catch (error) {
    if (error instanceof DataError) return showDataError(error, context.output);
    throw error;
  }
}

/** `prices` from `/data/prices.csv`. */
export function nameFromPath(file: string): string {
  return path.basename(file, path.extname(file));
}
