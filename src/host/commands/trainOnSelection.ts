// "RNN Lab: Train on Selection": the selected text (all selections, in order) or, with nothing selected, the whole
// document becomes the training data. Data errors point at the line of the document, not of the selection, and the
// editor moves to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DataError } from '../data/dataError';
import { parseTableText } from '../data/loadTable';
import { readTrainingSettings } from '../settings';
import { showDataError, type TrainCommandArgs, type TrainCommandResult, type TrainFlowContext, trainOnTable } from '../training/trainFlow';

export const TRAIN_ON_SELECTION_COMMAND = 'rnnLab.trainOnSelection';
const BYTES_PER_MEGABYTE = 1024 * 1024;

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

/** The same error with its line counted in the document (a single selection maps line for line). */
function inDocumentLines(error: DataError, firstLine: number, label: string): DataError {
  return new DataError(error.problem, {
    code: error.code,
    source: label,
    hint: error.hint,
    ...(error.line !== undefined ? { line: error.line + firstLine } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    ...(error.path !== undefined ? { path: error.path } : {}),
  });
}

export async function trainOnSelection(context: TrainFlowContext, args: TrainCommandArgs = {}): Promise<TrainCommandResult> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    const message = vscode.l10n.t('Open a document and select the numbers, table or text to train on.');
    void vscode.window.showErrorMessage(message);
    return { status: 'invalid-data', message };
  }
  const selection = selectedText(editor);
  const limit = readTrainingSettings(editor.document.uri).settings.data.maxSelectionSizeMB.value;
  let table;
  try {
    table = parseTableText(selection.text, selection.label, { maxBytes: limit * BYTES_PER_MEGABYTE });
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const located = inDocumentLines(error, selection.firstLine, selection.label);
    if (located.line !== undefined && located.line <= editor.document.lineCount) {
      const line = editor.document.lineAt(located.line - 1);
      editor.selection = new vscode.Selection(line.range.start, line.range.end);
      editor.revealRange(line.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return showDataError(located, context.output);
  }
  const defaultName = path.basename(editor.document.uri.path, path.extname(editor.document.uri.path)) || 'selection';
  return trainOnTable(table, { label: selection.label, resource: editor.document.uri, defaultName }, args, context);
}
