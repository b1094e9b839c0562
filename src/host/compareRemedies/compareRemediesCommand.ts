// "RNN Lab: Compare Remedies" (issue 6): trains the lecture's line-up (lab/lineup/compareRemediesLineup.ts) on a given file or saved run,
// else the current selection or active document, else the newest saved run of the workspace, else the bundled
// samples/sine.csv — with the same seed and budget, each entry in its own worker one after another (cancellable
// progress notification) — then opens the comparison panel. Tests pass `{ file, entries, epochs, silent: true }` to
// skip the prompts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DemoDataset } from '../../lab/lineup/lineupData';
import type { DemoExperiment } from '../../lab/lineup/lineup';
import { compareTableRows, lossThreshold, type CompareTableRow } from '../../lab/lineup/lineupTable';
import type { CompareEntryResult } from '../../protocol/compareRemediesProtocol';
import { compareDataFromText } from '../../lab/lineup/compareRemediesData';
import { nodePlatform } from '../../node/nodePlatform';
import { COMPARE_ENTRY_IDS, compareLineup, isCompareEntryId } from '../../lab/lineup/compareRemediesLineup';
import { CompareCancelledError, trainEntryInWorker } from './compareRemediesWorkerClient';
import { prepareRerun } from '../../lab/runs/rerun';
import { newestRunSource, resolveSavedRunSource, runDataSource, sliceLines } from './savedRunSource';
import { RUNS_FOLDER } from '../training/runStoreLocation';
import { ComparisonPanel } from './compareRemediesPanel';
import { readTrainingSettings } from '../platform/settings';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';

export const COMPARE_REMEDIES_COMMAND = 'rnnLab.compareRemedies';

export interface CompareRemediesArgs {
  readonly file?: string;
  /** A saved run (its run.json or its folder): train on that run's data source. */
  readonly run?: string;
  readonly entries?: readonly string[];
  readonly epochs?: number;
  readonly silent?: true;
}

export interface CompareRemediesOutcome {
  readonly source: string;
  readonly threshold: number;
  readonly entries: readonly CompareTableRow[];
  /** Entries skipped because the user cancelled. */
  readonly skipped: readonly string[];
  /** Entry ids of the rows the webview drew. */
  readonly renderedRows: readonly string[];
  readonly decayLines: number;
  readonly lossLines: number;
}

interface DataSource {
  readonly text: string;
  readonly source: string;
  readonly resource: vscode.Uri | undefined;
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

/**
 * A saved run's data: where run.json says it came from (data.origin, lab/runs/rerun.ts — the same reading as
 * `rnn-lab train --from-run`), else, for records older than run format 2, its source label resolved against the
 * run's own workspace (…/.rnn-lab/runs/<run>) and the open folders.
 */
async function readSavedRun(source: string, runFolder: string): Promise<DataSource | undefined> {
  try {
    const rerun = await prepareRerun(runFolder, nodePlatform);
    const origin = rerun.source;
    // settings are read for the data file, or for the run's own folder (inside the same workspace) for a selection
    const resource = vscode.Uri.file(origin.kind === 'file' ? origin.path : runFolder);
    const text = origin.kind === 'text' ? origin.text : await nodePlatform.readText(origin.path);
    return { text, source, resource };
  } catch {
    // no origin (an older record) or its data moved: try the label
  }
  const resolved = resolveSavedRunSource(source, [path.resolve(runFolder, '..', '..', '..'), ...workspaceRoots()]);
  if (resolved === undefined) return undefined;
  const uri = vscode.Uri.file(resolved.file);
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return { text: resolved.lines === undefined ? text : sliceLines(text, resolved.lines), source, resource: uri };
}

/** Order: an explicit file, an explicit saved run, the editor's selection or document, the newest saved run, sine.csv. */
async function readDataSource(extensionUri: vscode.Uri, args: CompareRemediesArgs): Promise<DataSource> {
  const read = async (uri: vscode.Uri): Promise<DataSource> => ({
    text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)),
    source: path.basename(uri.fsPath),
    resource: uri,
  });
  if (args.file !== undefined) return read(vscode.Uri.file(args.file));
  if (args.run !== undefined) {
    const runFolder = path.basename(args.run) === 'run.json' ? path.dirname(args.run) : args.run;
    const source = runDataSource(runFolder);
    const saved = source === undefined ? undefined : await readSavedRun(source, runFolder);
    if (saved === undefined) throw new Error(vscode.l10n.t('The data of the saved run {0} was not found; open the data file and run Compare Remedies on it.', runFolder));
    return saved;
  }
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined) {
    const { document, selection } = editor;
    const name = path.basename(document.uri.fsPath || document.uri.path);
    if (!selection.isEmpty) return { text: document.getText(selection), source: vscode.l10n.t('{0} (selection)', name), resource: document.uri };
    return { text: document.getText(), source: name, resource: document.uri };
  }
  const newest = newestRunSource(workspaceRoots().map((root) => path.join(root, RUNS_FOLDER)));
  const saved = newest === undefined ? undefined : await readSavedRun(newest.source, newest.runFolder);
  return saved ?? read(vscode.Uri.joinPath(extensionUri, 'samples', 'sine.csv'));
}

function readLineup(resource: vscode.Uri | undefined, epochs: number | undefined): { lineup: DemoExperiment[]; seed: number } {
  const remedies = vscode.workspace.getConfiguration('rnnLab.remedies', resource);
  const seed = readTrainingSettings(resource).settings.training.seed.value;
  const lineup = compareLineup({
    remedies: {
      clipNorm: remedies.get<number>('clipNorm', 0),
      tbpttK1: remedies.get<number>('tbpttK1', 0),
      tbpttK2: remedies.get<number>('tbpttK2', 0),
      l2: remedies.get<number>('l2', 0),
    },
    seed,
    ...(epochs !== undefined ? { epochs } : {}),
  });
  return { lineup, seed };
}

async function chooseEntries(lineup: readonly DemoExperiment[], requested: readonly string[] | undefined, silent: boolean): Promise<DemoExperiment[] | undefined> {
  if (requested !== undefined) {
    const unknown = requested.filter((id) => !isCompareEntryId(id));
    if (unknown.length > 0) throw new Error(vscode.l10n.t('Unknown line-up entries: {0}. Known: {1}.', unknown.join(', '), COMPARE_ENTRY_IDS.join(', ')));
    return lineup.filter((experiment) => requested.includes(experiment.id));
  }
  if (silent) return [...lineup];
  const picked = await vscode.window.showQuickPick(
    lineup.map((experiment) => ({ label: experiment.label, description: experiment.id, picked: true, experiment })),
    { canPickMany: true, title: vscode.l10n.t('Compare Remedies'), placeHolder: vscode.l10n.t('Untick the entries you do not want to train') },
  );
  return picked?.map((item) => item.experiment);
}

/** Trains the entries one after another; a cancel stops the current worker and skips the rest. */
async function trainAll(workerScript: string, lineup: readonly DemoExperiment[], data: DemoDataset): Promise<{ results: CompareEntryResult[]; skipped: string[] }> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing remedies'), cancellable: true },
    async (progress, token) => {
      const results: CompareEntryResult[] = [];
      const skipped: string[] = [];
      const share = 100 / lineup.length;
      for (const [index, experiment] of lineup.entries()) {
        if (token.isCancellationRequested) {
          skipped.push(experiment.id);
          continue;
        }
        progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', experiment.label, index + 1, lineup.length) });
        let reported = 0;
        const run = trainEntryInWorker(workerScript, { type: 'train', experiment, data }, (epoch, epochs) => {
          const done = (share * epoch) / Math.max(1, epochs);
          progress.report({ increment: done - reported });
          reported = done;
        });
        const subscription = token.onCancellationRequested(() => run.cancel());
        try {
          results.push(await run.result);
        } catch (error) {
          if (error instanceof CompareCancelledError) skipped.push(experiment.id);
          else throw new Error(`${experiment.label}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          subscription.dispose();
        }
        progress.report({ increment: share - reported });
      }
      return { results, skipped };
    },
  );
}

export async function compareRemedies(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, args: CompareRemediesArgs = {}): Promise<CompareRemediesOutcome | undefined> {
  const silent = args.silent === true;
  try {
    if (args.epochs !== undefined && !(Number.isInteger(args.epochs) && args.epochs >= 1)) {
      throw new Error(vscode.l10n.t('epochs must be an integer ≥ 1, got {0}', String(args.epochs)));
    }
    const source = await readDataSource(extensionUri, args);
    const data = await compareDataFromText(source.text, source.source, nodePlatform);
    const { lineup, seed } = readLineup(source.resource, args.epochs);
    const chosen = await chooseEntries(lineup, args.entries, silent);
    if (chosen === undefined || chosen.length === 0) return undefined;
    const started = Date.now();
    const workerScript = vscode.Uri.joinPath(extensionUri, 'dist', 'compareRemediesWorker.js').fsPath;
    const { results, skipped } = await trainAll(workerScript, chosen, data);
    // every BPTT entry shares one budget; an ESN-only comparison has none
    const epochs = chosen.reduce((most, experiment) => (experiment.kind === 'bptt' ? Math.max(most, experiment.epochs) : most), 0);
    log.info(`[compare] ${source.source}: ${results.length} entries trained in ${Date.now() - started} ms${skipped.length > 0 ? `, skipped ${skipped.join(', ')}` : ''}`);
    if (results.length === 0) return undefined;
    const rendered = await ComparisonPanel.show(extensionUri, log, { source: source.source, epochs, seed, entries: results });
    const threshold = lossThreshold(results);
    return {
      source: source.source,
      threshold,
      entries: compareTableRows(results, threshold),
      skipped,
      renderedRows: rendered.rows,
      decayLines: rendered.decayLines,
      lossLines: rendered.lossLines,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`[compare] ${message}`);
    if (silent) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t('Compare Remedies failed: {0}', message));
    return undefined;
  }
}

export function registerCompareRemedies(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(COMPARE_REMEDIES_COMMAND, (args?: CompareRemediesArgs) =>
    requireWorkspaceTrust(vscode.l10n.t('Compare Remedies')) ? compareRemedies(extensionUri, log, args ?? {}) : Promise.resolve(undefined),
  );
}
