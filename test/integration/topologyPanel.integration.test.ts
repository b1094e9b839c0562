// "RNN Lab: Show Lecture Topologies" end to end inside the extension host: the command opens the webview panel and
// resolves only once the webview has drawn its diagrams and posted the render report back to the host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionUnderTest } from './extensionUnderTest';

const SHOW_TOPOLOGIES = 'rnnLab.showTopologies';

/** The lecture's five topologies (docs/maths.md "Losses": which outputs each scores). */
const LECTURE_TOPOLOGIES = [
  'many-to-many-encoder-decoder',
  'many-to-many-synced',
  'many-to-one',
  'one-to-many',
  'one-to-one',
];

interface RenderReport {
  readonly rendered: string[];
}

function assertRenderReport(value: unknown): asserts value is RenderReport {
  assert.ok(typeof value === 'object' && value !== null, `expected { rendered: string[] }, got ${JSON.stringify(value)}`);
  const rendered = (value as { rendered?: unknown }).rendered;
  assert.ok(Array.isArray(rendered) && rendered.every((id) => typeof id === 'string'), `bad report ${JSON.stringify(value)}`);
}

describe('Show Lecture Topologies panel', () => {
  before(async () => {
    await extensionUnderTest().activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens and its webview reports the five lecture topologies drawn', async () => {
    const report = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES);
    assertRenderReport(report);
    assert.deepStrictEqual([...report.rendered].sort(), LECTURE_TOPOLOGIES);
  });

  it('opens focused on many-to-one with 6 inputs and 1 output and reports only that diagram', async () => {
    const report = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES, {
      topology: 'many-to-one',
      inputLength: 6,
      outputLength: 1,
    });
    assertRenderReport(report);
    assert.deepStrictEqual(report.rendered, ['many-to-one']);
  });

  it('redraws an already open panel when asked again (e.g. from a code lens), focused then unfocused', async () => {
    const first = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES);
    assertRenderReport(first);
    assert.strictEqual(first.rendered.length, 5);
    const focused = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES, {
      topology: 'one-to-many',
      inputLength: 1,
      outputLength: 4,
    });
    assertRenderReport(focused);
    assert.deepStrictEqual(focused.rendered, ['one-to-many']);
    const all = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES);
    assertRenderReport(all);
    assert.deepStrictEqual([...all.rendered].sort(), LECTURE_TOPOLOGIES);
  });

  it('answers a bad argument with an error naming the field, and draws nothing', async () => {
    const report = await vscode.commands.executeCommand<unknown>(SHOW_TOPOLOGIES, { topology: 'sideways', inputLength: 3 });
    assertRenderReport(report);
    assert.deepStrictEqual(report.rendered, []);
    const error = (report as { error?: unknown }).error;
    assert.ok(typeof error === 'string' && error.includes('topology'), `expected an error naming "topology", got ${String(error)}`);
  });
});
