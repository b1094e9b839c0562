// Which run "RNN Lab: Export Run as PyTorch Script…" exports (issue 14): the Uri of a run folder or its run.json
// (explorer context menu), `{ runId }` — the saved run a training panel shows (its toolbar button) — or, with no
// argument (command palette), a saved run the user picks from the list "Open Run…" shows. The script is written into
// the run folder, so a folder outside the workspace and RNN Lab's own run storage is written only when the user agrees.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { containingFolder } from '../../node/realPaths';
import { RUN_FILE } from '../../node/runStore';
import { isRecord, printable } from '../../protocol/validation';
import { pickSavedRun } from '../training/openRun';

export interface ExportRunSources {
  readonly log: vscode.LogOutputChannel;
  /** Folders holding saved runs (runStoreLocation.allRunsRoots). */
  readonly runRoots: () => readonly string[];
  /** run.json of the run a training panel shows: null while it trains, undefined when no panel shows that run. */
  readonly panelRunJsonPath: (runId: string) => string | null | undefined;
}

/** The run folder to export, or what is wrong with the argument (localised); undefined when the user cancelled. */
export type RunFolderChoice = { readonly runDirectory: string } | { readonly problem: string } | undefined;

export async function chooseRunFolder(sources: ExportRunSources, raw: unknown): Promise<RunFolderChoice> {
  if (raw === undefined || raw === null) {
    const picked = await pickSavedRun(sources.runRoots(), sources.log, vscode.l10n.t('Export Run as PyTorch Script: pick a run'));
    return picked === undefined ? undefined : { runDirectory: path.dirname(picked.runJsonPath) };
  }
  if (raw instanceof vscode.Uri) return fromUri(raw);
  if (isRecord(raw) && typeof raw.runId === 'string') return fromPanel(sources, raw.runId);
  return { problem: vscode.l10n.t('Expected {0}, received {1}.', 'the Uri of a run folder or run.json, or { "runId": "…" }', printable(raw)) };
}

function fromUri(uri: vscode.Uri): RunFolderChoice {
  if (uri.scheme !== 'file') return { problem: vscode.l10n.t('Only runs saved on this computer can be exported; {0} is not a local file.', uri.toString()) };
  return { runDirectory: path.basename(uri.fsPath) === RUN_FILE ? path.dirname(uri.fsPath) : uri.fsPath };
}

function fromPanel(sources: ExportRunSources, runId: string): RunFolderChoice {
  const runJsonPath = sources.panelRunJsonPath(runId);
  if (runJsonPath === undefined) return { problem: vscode.l10n.t('No training panel shows the run "{0}".', runId) };
  if (runJsonPath === null) return { problem: vscode.l10n.t('The run "{0}" is still training; export it once it is saved.', runId) };
  return { runDirectory: path.dirname(runJsonPath) };
}

/**
 * True when the run folder's real path is inside a workspace folder or a folder of saved runs; otherwise asks before
 * writing there (any extension or link can run a command with a Uri).
 */
export async function approveRunFolder(sources: ExportRunSources, runDirectory: string): Promise<boolean> {
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  if ((await containingFolder(runDirectory, [...workspaceFolders, ...sources.runRoots()])) !== undefined) return true;
  const write = vscode.l10n.t('Export');
  const question = vscode.l10n.t('The run folder {0} is outside the workspace. Write the exported script into it?', runDirectory);
  return (await vscode.window.showWarningMessage(question, { modal: true }, write)) === write;
}
