// One ModelDocumentAnalysis per open document version, shared by the lens providers and the hover: parsing and
// classifying happen once per edit, not once per provider call.
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { analyzeModelDocument, type ModelDocumentAnalysis } from '../../modelFiles/modelDocumentAnalysis';

export class ModelAnalysisCache extends Disposable {
  private readonly entries = new Map<string, { readonly version: number; readonly analysis: ModelDocumentAnalysis }>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
  }

  get(document: vscode.TextDocument): ModelDocumentAnalysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.version === document.version) return cached.analysis;
    const analysis = analyzeModelDocument(document.getText(), document.fileName);
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }
}
