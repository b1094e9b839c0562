// "RNN Lab: New Model Config…": pick one of the lecture's five topologies (with its example), and get a *.rnn.json
// scaffolded from the bundled sample for that topology (samples/configs/<topology>.rnn.json, the lecture's example
// task), saved where the save dialog says and opened. Optional argument `{ topology, target }` skips the prompts:
// target is a path/Uri to write, or 'untitled' for an unsaved editor. A file target outside the workspace folders is
// not written silently: the save dialog opens prefilled with it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isTopologyId, TOPOLOGY_IDS, type TopologyId } from '../../engine/dataset';
import { lectureTopologyText } from './topologyLensText';
import { withRnnJsonExtension } from '../../modelFiles/rnnConfig/configFileNames';
import { isInsideWorkspace } from '../platform/workspaceFiles';

export const NEW_MODEL_CONFIG_COMMAND = 'rnnLab.newModelConfig';

export interface NewModelConfigArgs {
  readonly topology?: string;
  readonly target?: string | vscode.Uri;
}

export interface NewModelConfigResult {
  readonly uri: string;
  readonly topology: TopologyId;
}

interface TopologyItem extends vscode.QuickPickItem {
  readonly topology: TopologyId;
}

async function pickTopology(): Promise<TopologyId | undefined> {
  const items: TopologyItem[] = TOPOLOGY_IDS.map((topology) => {
    const text = lectureTopologyText(topology, vscode.l10n);
    return { label: text.name, description: text.example, detail: text.shape, topology };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Model Config'),
    placeHolder: vscode.l10n.t('Which lecture topology?'),
    matchOnDescription: true,
  });
  return picked?.topology;
}

/** The sample config of the topology, without its `$schema` (the contributed jsonValidation applies by file name). */
export async function configTemplate(extensionUri: vscode.Uri, topology: TopologyId): Promise<string> {
  const sample = vscode.Uri.joinPath(extensionUri, 'samples', 'configs', `${topology}.rnn.json`);
  const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sample))) as Record<string, unknown>;
  delete parsed['$schema'];
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

async function askTarget(topology: TopologyId, suggested?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const chosen = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the new model config'),
    saveLabel: vscode.l10n.t('Create Config'),
    filters: { [vscode.l10n.t('RNN Lab model config')]: ['json'] },
    ...(suggested !== undefined ? { defaultUri: suggested } : folder !== undefined ? { defaultUri: vscode.Uri.joinPath(folder, `${topology}.rnn.json`) } : {}),
  });
  return chosen === undefined ? undefined : chosen.with({ path: withRnnJsonExtension(chosen.path) });
}

export async function newModelConfig(extensionUri: vscode.Uri, args: NewModelConfigArgs = {}): Promise<NewModelConfigResult | undefined> {
  if (args.topology !== undefined && !isTopologyId(args.topology)) {
    const message = vscode.l10n.t('New Model Config: unknown topology "{0}"; use one of {1}.', args.topology, TOPOLOGY_IDS.join(', '));
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  const topology = args.topology ?? (await pickTopology());
  if (topology === undefined) return undefined;
  const content = await configTemplate(extensionUri, topology);

  if (args.target === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document);
    return { uri: document.uri.toString(), topology };
  }
  const requested =
    args.target === undefined ? undefined : typeof args.target === 'string' ? vscode.Uri.file(path.resolve(args.target)) : vscode.Uri.from(args.target);
  const target =
    requested === undefined
      ? await askTarget(topology)
      : requested.scheme === 'file' && (await isInsideWorkspace(requested.fsPath))
        ? requested
        : await askTarget(topology, requested);
  if (target === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
  return { uri: target.toString(), topology };
}
