// "RNN Lab: Train on Selection": the selected text (all selections, in order) or, with nothing selected, the whole
// document becomes the training data, sent as it is to the command's worker (parsing happens there, never on this
// thread). Data errors point at the line of the document, not of the selection, and the editor moves to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type TrainCommandArgs, type TrainCommandResult, type TrainFlowContext, trainOnSource } from '../training/trainFlow';

export const TRAIN_ON_SELECTION_COMMAND = 'rnnLab.trainOnSelection';

interface SelectedText {
  readonly text: string;
  /** 0-based document line of the text's first line. */
  readonly firstLine: number;
  readonly label: string;
}

function selectedText(editor: vscode.TextEditor): SelectedText {
  const document = editor.document;
  const file = path.basename(document.uri.path) || document.uri.toString();
  const selections = editor.selections.filter((selection) => !selection.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  if (selections.length === 0) return { text: document.getText(), firstLine: 0, label: file };
  const first = selections[0] as vscode.Selection;
  const last = selections[selections.length - 1] as vscode.Selection;
  return {
    text: selections.map((selection) => document.getText(selection)).join('\n'),
    firstLine: first.start.line,
    label: vscode.l10n.t('{0} (selection, lines {1}–{2})', file, first.start.line + 1, last.end.line + 1),
  };
}

export async function trainOnSelection(context: TrainFlowContext, args: TrainCommandArgs = {}): Promise<TrainCommandResult> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    const message = vscode.l10n.t('Open a document and select the numbers, table or text to train on.');
    void vscode.window.showErrorMessage(message);
    return { status: 'invalid-data', message };
  }
  const selection = selectedText(editor);
  const defaultName = path.basename(editor.document.uri.path, path.extname(editor.document.uri.path)) || 'selection';
  const revealLine = (line: number): void => {
    if (line < 1 || line > editor.document.lineCount) return;
    const range = editor.document.lineAt(line - 1).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  return trainOnSource(
    { kind: 'text', text: selection.text, label: selection.label },
    { label: selection.label, resource: editor.document.uri, defaultName, firstLine: selection.firstLine, revealLine },
    args,
    context,
  );
}
