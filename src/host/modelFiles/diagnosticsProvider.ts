// Semantic diagnostics of *.rnn.json files (engine/config/semanticDiagnostics.ts) in the Problems panel, with the
// engine's exact ranges, refreshed on open and edit and cleared on close. Only the 'semantic' ones are published:
// syntax, types, enums and bounds are already reported by VS Code's JSON support through the contributed schema
// (schemas/rnn-config.schema.json), and reporting them twice would double every squiggle.
import * as vscode from 'vscode';
import type { ConfigDiagnostic } from '../../modelFiles/rnnConfig/configDiagnostic';
import { diagnoseRnnConfig } from '../../modelFiles/rnnConfig/diagnoseRnnConfig';
import { isRnnConfigFileName } from '../../modelFiles/rnnConfig/configFileNames';
import { Disposable } from '../platform/disposable';
import { configDataPathExists } from './configDataPath';

export const DIAGNOSTIC_SOURCE = 'RNN Lab';

const SEVERITY: Readonly<Record<ConfigDiagnostic['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function toVscodeDiagnostic(diagnostic: ConfigDiagnostic): vscode.Diagnostic {
  const { start, end } = diagnostic.range;
  const result = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    diagnostic.message,
    SEVERITY[diagnostic.severity],
  );
  result.source = DIAGNOSTIC_SOURCE;
  result.code = diagnostic.code;
  return result;
}

export class RnnConfigDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('rnnLab'));

  constructor() {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.refresh(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** The diagnostics currently published for a document (tests read them). */
  diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  refresh(document: vscode.TextDocument): void {
    if (!isRnnConfigFileName(document.fileName)) return;
    const uri = document.uri;
    const diagnosis = diagnoseRnnConfig(document.getText(), { pathExists: (dataPath) => configDataPathExists(uri, dataPath) });
    const semantic = diagnosis.diagnostics.filter((diagnostic) => diagnostic.source === 'semantic');
    this.collection.set(uri, semantic.map(toVscodeDiagnostic));
  }
}
