// Which run belongs to which config: runs started from a config in this window are remembered by the config's Uri;
// runs saved earlier are matched by name (a run from `adding.rnn.json` is named `adding`, trainWithConfig.ts).
import type * as vscode from 'vscode';
import type { RunListing } from '../../node/runStore';

/** The run to show: newest first; a run of this config (by name) before any other. */
export function pickLastRun(runs: readonly RunListing[], configName: string | undefined): RunListing | undefined {
  const newestFirst = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return newestFirst.find((run) => run.name === configName) ?? newestFirst[0];
}

export class LastRunMemory {
  private readonly byConfig = new Map<string, string>();

  remember(configUri: vscode.Uri, runJsonPath: string): void {
    this.byConfig.set(configUri.toString(), runJsonPath);
  }

  lastRunOf(configUri: vscode.Uri): string | undefined {
    return this.byConfig.get(configUri.toString());
  }
}
