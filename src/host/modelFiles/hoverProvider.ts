// Hovers on the fields of a *.rnn.json: what the field means in the lecture and its formula (fieldExplanations.ts),
// localised. VS Code's JSON support adds the schema's description beside it.
import * as vscode from 'vscode';
import { isRnnConfigFileName } from '../../modelFiles/rnnConfig/configFileNames';
import { fieldAtOffset } from '../../modelFiles/json/fieldAtOffset';
import { explainField } from './fieldExplanations';

export class RnnConfigHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isRnnConfigFileName(document.fileName)) return undefined;
    const field = fieldAtOffset(document.getText(), document.offsetAt(position));
    if (field === undefined) return undefined;
    const explanation = explainField(field.path, vscode.l10n);
    if (explanation === null) return undefined;
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${explanation.field}** — `);
    markdown.appendText(explanation.sentence);
    if (explanation.formula !== null) {
      markdown.appendMarkdown('\n\n');
      markdown.appendCodeblock(explanation.formula, 'text');
    }
    const range = new vscode.Range(document.positionAt(field.offset), document.positionAt(field.offset + field.length));
    return new vscode.Hover(markdown, range);
  }
}
