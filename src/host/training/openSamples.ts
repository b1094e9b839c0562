// "RNN Lab: Open Samples": the bundled data sets in samples/ (noisy sine, adding problem, character text, toy
// sentiment), each described by its line in samples/README.md; opens the chosen one in an editor, ready for
// "Train on Selection". `{ sample: "sine.csv" }` skips the list. Resolves to the opened file's URI.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { DATA_FILE_EXTENSIONS } from './trainOnFile';

export const OPEN_SAMPLES_COMMAND = 'rnnLab.openSamples';

export interface OpenSamplesArgs {
  readonly sample?: string;
}

/** The README line that names `file` (e.g. "- `sine.csv` — a noisy sine…"), without list markup. */
export function sampleDescription(readme: string, file: string): string | undefined {
  const line = readme.split(/\r?\n/).find((text) => text.includes(file));
  return line?.replace(/^[\s*-]+/, '').replace(/`/g, '').replace(file, '').replace(/^[\s:—–-]+/, '').trim();
}

export async function openSamples(extensionUri: vscode.Uri, args: OpenSamplesArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = vscode.Uri.joinPath(extensionUri, 'samples');
  const entries = await fs.readdir(folder.fsPath, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && DATA_FILE_EXTENSIONS.includes(entry.name.split('.').pop() ?? '') && !/^readme/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  let chosen = args.sample;
  if (chosen === undefined) {
    if (files.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No samples were found in {0}.', folder.fsPath));
      return undefined;
    }
    const readme = await fs.readFile(vscode.Uri.joinPath(folder, 'README.md').fsPath, 'utf8').catch(() => '');
    const picked = await vscode.window.showQuickPick(
      files.map((file) => ({ label: file, detail: sampleDescription(readme, file) })),
      { title: vscode.l10n.t('Open Sample Data'), placeHolder: vscode.l10n.t('Select the data in the editor, then run "Train on Selection"') },
    );
    chosen = picked?.label;
  }
  if (chosen === undefined) return undefined;
  if (!files.includes(chosen)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('There is no sample "{0}". Samples: {1}', chosen, files.join(', ')));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder, chosen);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
