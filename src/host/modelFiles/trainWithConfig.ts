// "RNN Lab: Train with This Config": trains on the config's data file (`data.path`, relative to the config's folder)
// or on a data file given or picked, with the config's values overriding the rnnLab.* settings
// (lab/settings/configFileOverrides.ts), through the training flow's "Train on File…" command. The document's current text is
// used, saved or not. A config with errors (syntax or semantic diagnostics) is refused with the first error. A data.path
// whose real path leaves the workspace folders is trained on only after the user allows it (configDataPath.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnoseRnnConfig } from '../../modelFiles/rnnConfig/diagnoseRnnConfig';
import { formatLineColumn } from '../../modelFiles/json/sourcePositions';
import { TRAIN_WITH_CONFIG_COMMAND } from './lensCommandIds';
import type { LastRunMemory } from './lastRunMemory';
import { configRunName } from '../../modelFiles/rnnConfig/configFileNames';
import { configTrainingPlan } from '../../lab/settings/configFileOverrides';
import { approveConfigDataPath, configDataPathExists, resolveConfigDataPath } from './configDataPath';
import { requireWorkspaceTrust, UNTRUSTED_STATUS } from '../platform/workspaceTrust';

export { TRAIN_WITH_CONFIG_COMMAND };
const TRAIN_ON_FILE_COMMAND = 'rnnLab.trainOnFile';

/** Optional arguments (tests and scripts); each one given skips a prompt. */
export interface TrainWithConfigArgs {
  /** The config; default the active editor's document. */
  readonly config?: string | vscode.Uri;
  /** Data file, overriding the config's data.path. */
  readonly file?: string | vscode.Uri;
  readonly columns?: readonly string[] | string;
  readonly target?: string;
  readonly name?: string;
  readonly silent?: boolean;
  readonly whenBusy?: 'stop' | 'both';
}

/** What the command resolves to: the training flow's result, or why nothing was started. */
export interface TrainWithConfigResult {
  readonly status: string;
  readonly runJsonPath?: string | null;
  readonly message?: string;
  readonly [key: string]: unknown;
}

function toUri(value: string | vscode.Uri): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.file(value) : vscode.Uri.from(value);
}

/** The lens passes the document's Uri; scripts pass `{ config, file, … }`. */
function interpret(first: unknown): { configUri: vscode.Uri | undefined; args: TrainWithConfigArgs } {
  if (first instanceof vscode.Uri) return { configUri: first, args: {} };
  if (typeof first === 'object' && first !== null) {
    const args = first as TrainWithConfigArgs;
    return { configUri: args.config === undefined ? undefined : toUri(args.config), args };
  }
  return { configUri: undefined, args: {} };
}

function refuse(message: string, log: vscode.LogOutputChannel): TrainWithConfigResult {
  log.warn(`[train with config] ${message}`);
  void vscode.window.showErrorMessage(message);
  return { status: 'invalid-settings', message };
}

export async function trainWithConfig(first: unknown, log: vscode.LogOutputChannel, lastRuns: LastRunMemory): Promise<TrainWithConfigResult> {
  if (!requireWorkspaceTrust(vscode.l10n.t('Training'))) return { status: UNTRUSTED_STATUS };
  const { configUri: given, args } = interpret(first);
  const configUri = given ?? vscode.window.activeTextEditor?.document.uri;
  if (configUri === undefined) {
    return refuse(vscode.l10n.t('Open a *.rnn.json model config to train with it.'), log);
  }
  const document = await vscode.workspace.openTextDocument(configUri);
  const label = path.basename(configUri.path);
  const diagnosis = diagnoseRnnConfig(document.getText(), { pathExists: (p) => configDataPathExists(configUri, p) });
  const firstError = diagnosis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (diagnosis.config === null || firstError !== undefined) {
    const problem = firstError ?? diagnosis.diagnostics[0];
    const where = problem === undefined ? '' : `${formatLineColumn(problem.range.start)} ${problem.pathText}`;
    return refuse(vscode.l10n.t('Cannot train with {0}: {1} ({2}). Fix the config first.', label, problem?.message ?? '', where), log);
  }
  const planned = configTrainingPlan(diagnosis.config);
  if (!planned.ok) return refuse(vscode.l10n.t('Cannot train with {0}: {1}', label, planned.reason), log);
  const plan = planned.plan;

  let file: vscode.Uri | undefined = args.file === undefined ? undefined : toUri(args.file);
  if (file === undefined && plan.dataPath !== null) {
    const resolved = resolveConfigDataPath(configUri, plan.dataPath);
    if (resolved !== undefined && fs.existsSync(resolved)) {
      const approval = await approveConfigDataPath(resolved, label, args.silent === true);
      if (!approval.approved) {
        if (approval.message === undefined) return { status: 'dismissed' };
        return refuse(approval.message, log);
      }
      file = vscode.Uri.file(resolved);
    }
  }
  if (plan.notCarried.length > 0) {
    const message = vscode.l10n.t('{0}: the editor\'s training does not take {1}; these fields are not applied to the run.', label, plan.notCarried.join(', '));
    log.warn(`[train with config] ${message}`);
    if (args.silent !== true) void vscode.window.showWarningMessage(message);
  }
  const name = args.name ?? configRunName(configUri.path);
  log.info(`[train with config] ${label}: ${JSON.stringify(plan.overrides)}`);
  const result = await vscode.commands.executeCommand<TrainWithConfigResult | undefined>(TRAIN_ON_FILE_COMMAND, {
    ...(file !== undefined ? { file } : {}),
    configFile: plan.overrides,
    name,
    ...(args.columns !== undefined ? { columns: args.columns } : plan.columns !== undefined ? { columns: plan.columns } : {}),
    ...(args.target !== undefined ? { target: args.target } : {}),
    ...(args.silent !== undefined ? { silent: args.silent } : {}),
    ...(args.whenBusy !== undefined ? { whenBusy: args.whenBusy } : {}),
  });
  if (result?.runJsonPath) lastRuns.remember(configUri, result.runJsonPath);
  return result ?? { status: 'dismissed' };
}
