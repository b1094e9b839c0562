// The Gradient Check panel is restored after a window reload (issue 6): activation registers a serializer for its view
// type, and the serializer's restore path — the page's persisted { request, status, result, error } revived into a
// fresh webview panel, exactly what VS Code calls after a reload — redraws the same table without re-running the check.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { GradientCheckPanelSerializer } from '../../src/host/gradientCheck/gradientCheckSerializer';
import { extensionUnderTest } from './extensionUnderTest';

interface Outcome {
  readonly request: { readonly cell: string; readonly hiddenSize: number };
  readonly result: { readonly elapsedMs: number; readonly report: { readonly passed: boolean; readonly worstRelativeError: number } } | null;
  readonly error: string | null;
  readonly rows: number;
  readonly failing: number;
}

describe('Gradient Check panel restore', () => {
  let log: vscode.LogOutputChannel;

  before(async () => {
    await extensionUnderTest().activate();
    log = vscode.window.createOutputChannel('RNN Lab restore test', { log: true });
  });

  after(async () => {
    log.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('package.json activates on the panel, so VS Code can find its serializer after a reload', () => {
    const manifest = extensionUnderTest().packageJSON as { activationEvents?: string[] };
    assert.ok(manifest.activationEvents?.includes('onWebviewPanel:rnnLab.gradientCheck'));
  });

  it('revives a panel from the persisted result and the page draws the same table (no re-run)', async () => {
    const first = await vscode.commands.executeCommand<Outcome>('rnnLab.gradientCheck');
    assert.strictEqual(first.error, null);
    assert.ok(first.result !== null && first.rows >= 6);
    const state = JSON.parse(JSON.stringify({ request: first.request, status: 'done', result: first.result, error: null })) as unknown;

    const extensionUri = extensionUnderTest().extensionUri;
    const serializer = new GradientCheckPanelSerializer(extensionUri, log, () => {
      throw new Error('a restored result must not ask for a new request');
    });
    const panel = vscode.window.createWebviewPanel('rnnLab.gradientCheck', 'Gradient Check', vscode.ViewColumn.Active, { enableScripts: true });
    const restored = await serializer.restore(panel, state);
    assert.ok(restored !== undefined, 'the state was rejected');
    assert.strictEqual(restored.rows, first.rows);
    assert.strictEqual(restored.failing, 0);
    // The very same measurement, not a new check: identical worst error and elapsed time.
    assert.strictEqual(restored.result?.report.worstRelativeError, first.result.report.worstRelativeError);
    assert.strictEqual(restored.result?.elapsedMs, first.result.elapsedMs);
  });

  it('closes a panel whose persisted state is unusable instead of failing', async () => {
    const serializer = new GradientCheckPanelSerializer(extensionUnderTest().extensionUri, log, () => {
      throw new Error('not called');
    });
    const panel = vscode.window.createWebviewPanel('rnnLab.gradientCheck', 'Gradient Check', vscode.ViewColumn.Active, { enableScripts: true });
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    assert.strictEqual(await serializer.restore(panel, { request: { cell: 'transformer' }, status: 'done' }), undefined);
    assert.ok(disposed);
  });
});
