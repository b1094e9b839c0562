// "RNN Lab: Train on Selection": the selected text (all selections, in order) or, with nothing selected, the whole
// document becomes the training data, sent as it is to the command's worker (parsing happens there, never on this
// thread). Data errors point at the line of the document, not of the selection, and the editor moves to it.
// Reading the text is the one data step on this thread: a selection over the size limit is refused from its length
// alone, and the rest is read in chunks of lines with a yield between them (the extension host's getText costs about
// 17 ms per MB), so the editor never waits more than a few milliseconds at a time.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataOrigin } from '../../data/intakeTypes';
import { tooLargeError } from '../../data/parse/loadTable';
import { requireWorkspaceTrust, UNTRUSTED_STATUS } from '../platform/workspaceTrust';
import { maxDataBytes, showDataError, type TrainCommandArgs, type TrainCommandResult, type TrainFlowContext, trainOnSource } from './trainFlow';

export const TRAIN_ON_SELECTION_COMMAND = 'rnnLab.trainOnSelection';
/** Lines read per getText call (≈ 0.2 MB of numbers, a few ms) before yielding to the event loop. */
export const SELECTION_CHUNK_LINES = 20_000;

/** How the data is named in messages, and where its first line is in the document. */
interface SelectionPlace {
  /** 0-based document line of the text's first line. */
  readonly firstLine: number;
  readonly label: string;
}

/** The ranges that make up the training text: every non-empty selection in document order, or the whole document. */
function selectedRanges(editor: vscode.TextEditor): vscode.Range[] {
  const document = editor.document;
  const selections = editor.selections.filter((selection) => !selection.isEmpty).sort((a, b) => a.start.compareTo(b.start));
  if (selections.length > 0) return selections;
  return [new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end)];
}

function describeSelection(editor: vscode.TextEditor, ranges: readonly vscode.Range[]): SelectionPlace {
  const file = path.basename(editor.document.uri.path) || editor.document.uri.toString();
  const whole = editor.selections.every((selection) => selection.isEmpty);
  if (whole) return { firstLine: 0, label: file };
  const first = ranges[0] as vscode.Range;
  const last = ranges[ranges.length - 1] as vscode.Range;
  return { firstLine: first.start.line, label: vscode.l10n.t('{0} (selection, lines {1}–{2})', file, first.start.line + 1, last.end.line + 1) };
}

/** Characters in the ranges: a lower bound of their UTF-8 bytes, so over `maxBytes` means too large without reading. */
function characterCount(document: vscode.TextDocument, ranges: readonly vscode.Range[]): number {
  return ranges.reduce((sum, range) => sum + document.offsetAt(range.end) - document.offsetAt(range.start), 0);
}

/** The ranges' text (selections joined by a newline), read SELECTION_CHUNK_LINES lines at a time. */
async function readInChunks(document: vscode.TextDocument, ranges: readonly vscode.Range[]): Promise<string> {
  const parts: string[] = [];
  for (const [index, range] of ranges.entries()) {
    if (index > 0) parts.push('\n');
    let start = range.start;
    while (start.isBefore(range.end)) {
      const nextLine = start.line + SELECTION_CHUNK_LINES;
      const end = nextLine > range.end.line ? range.end : new vscode.Position(nextLine, 0);
      parts.push(document.getText(new vscode.Range(start, end)));
      start = end;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return parts.join('');
}

/**
 * Where the text can be read again: the document's file and the selected ranges (none for the whole document); null
 * for a document that has never been saved. Unsaved edits make the re-read text differ, which its SHA-256 then shows.
 */
function selectionOrigin(editor: vscode.TextEditor, ranges: readonly vscode.Range[]): DataOrigin {
  const document = editor.document;
  const path = document.uri.scheme === 'file' && !document.isUntitled ? document.uri.fsPath : null;
  const whole = editor.selections.every((selection) => selection.isEmpty);
  return {
    kind: 'selection',
    path,
    ranges: whole
      ? []
      : ranges.map((range) => ({ start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } })),
  };
}

export async function trainOnSelection(context: TrainFlowContext, args: TrainCommandArgs = {}): Promise<TrainCommandResult> {
  if (!requireWorkspaceTrust(vscode.l10n.t('Training'))) return { status: UNTRUSTED_STATUS };
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    const message = vscode.l10n.t('Open a document and select the numbers, table or text to train on.');
    void vscode.window.showErrorMessage(message);
    return { status: 'invalid-data', message };
  }
  const document = editor.document;
  const ranges = selectedRanges(editor);
  const { firstLine, label } = describeSelection(editor, ranges);
  const maxBytes = maxDataBytes(document.uri);
  const characters = characterCount(document, ranges);
  if (characters > maxBytes) return showDataError(tooLargeError(label, characters, maxBytes), context.output);
  const text = await readInChunks(document, ranges);
  const defaultName = path.basename(document.uri.path, path.extname(document.uri.path)) || 'selection';
  const revealLine = (line: number): void => {
    if (line < 1 || line > document.lineCount) return;
    const range = document.lineAt(line - 1).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  return trainOnSource(
    { kind: 'text', text, label },
    { label, resource: document.uri, defaultName, firstLine, revealLine, origin: selectionOrigin(editor, ranges) },
    args,
    context,
  );
}
