// "Show gradient decay of last run" (lens above a model): the newest run of this config — started from it in this
// window, else the newest saved run with the config's name — or the newest saved run of all; shown by the training
// panel's "Show Gradient Decay" when registered, otherwise through "Open Run…" (which opens run.json).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type RunListing, RunStore } from '../../node/runStore';
import { OPEN_RUN_COMMAND, SHOW_GRADIENT_DECAY_COMMAND } from './lensCommandIds';
import { configRunName } from '../../modelFiles/rnnConfig/configFileNames';
import { pickLastRun, type LastRunMemory } from './lastRunMemory';

export interface LastRunContext {
  readonly memory: LastRunMemory;
  /** Every folder runs are saved in (runStoreLocation.allRunsRoots). */
  readonly runsRoots: () => readonly string[];
  readonly log: vscode.LogOutputChannel;
}

async function savedRuns(roots: readonly string[], log: vscode.LogOutputChannel): Promise<RunListing[]> {
  const runs: RunListing[] = [];
  for (const root of roots) {
    try {
      runs.push(...(await new RunStore(root).list()).runs);
    } catch (error) {
      log.warn(`[last run] cannot list ${root}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return runs;
}

/** The run.json shown and what the panel command answered (its render report), or undefined when there is no run yet. */
export interface LastRunShown {
  readonly runJsonPath: string;
  readonly command: string;
  readonly result: unknown;
}

export async function showLastRunGradientDecay(context: LastRunContext, configUri?: vscode.Uri): Promise<LastRunShown | undefined> {
  let runJsonPath = configUri === undefined ? undefined : context.memory.lastRunOf(configUri);
  if (runJsonPath === undefined || !fs.existsSync(runJsonPath)) {
    const picked = pickLastRun(await savedRuns(context.runsRoots(), context.log), configUri === undefined ? undefined : configRunName(configUri.path));
    runJsonPath = picked?.runJsonPath;
  }
  if (runJsonPath === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No saved runs yet: use "▶ Train with this config" or Train on Selection first.'));
    return undefined;
  }
  const commands = await vscode.commands.getCommands(true);
  const command = commands.includes(SHOW_GRADIENT_DECAY_COMMAND) ? SHOW_GRADIENT_DECAY_COMMAND : OPEN_RUN_COMMAND;
  const result: unknown = await vscode.commands.executeCommand(command, { runJsonPath });
  return { runJsonPath, command, result };
}
