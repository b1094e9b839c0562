// What every panel asks of VS Code: the webview options (scripts on, resources only from dist/ and media/) and the
// HTML shell pointing at the panel's bundle through asWebviewUri.
import * as vscode from 'vscode';
import { buildWebviewHtml, createNonce } from './webviewHtml';

/** Folders a webview may load from; everything else in the extension (and the disk) stays out of reach. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/**
 * Options for createWebviewPanel and for a revived panel. retainContextWhenHidden stays off: a hidden panel's page is
 * discarded and, when shown again, posts `ready` and gets the whole state replayed (cheaper than keeping it alive).
 */
export function webviewPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri), retainContextWhenHidden: false };
}

/** The page of one panel: dist/webview/<bundle>.js and .css, a fresh nonce on every call. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string): string {
  const asset = (extension: 'js' | 'css'): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.${extension}`)).toString();
  return buildWebviewHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: asset('js'),
    styleUri: asset('css'),
    title,
    lang: vscode.env.language,
  });
}
