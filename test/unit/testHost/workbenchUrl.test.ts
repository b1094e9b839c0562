import * as assert from 'assert';
import { remoteUri, suiteWorkbenchUrl } from '../../host/workbenchUrl';

describe('suiteWorkbenchUrl (payload that makes the web workbench run a suite)', () => {
  it('carries both paths as vscode-remote URIs on the server authority, and the folder', () => {
    const url = new URL(
      suiteWorkbenchUrl({
        origin: 'http://127.0.0.1:41234',
        extensionDevelopmentPath: '/work/main',
        extensionTestsPath: '/work/main/out/test/integration/index.js',
        folder: '/work/main/samples',
      }),
    );
    assert.strictEqual(url.origin, 'http://127.0.0.1:41234');
    assert.strictEqual(url.pathname, '/');
    assert.strictEqual(url.searchParams.get('folder'), '/work/main/samples');
    assert.deepStrictEqual(JSON.parse(url.searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:41234/work/main'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:41234/work/main/out/test/integration/index.js'],
    ]);
  });

  it('omits the folder when none is given', () => {
    const url = new URL(
      suiteWorkbenchUrl({ origin: 'http://127.0.0.1:9', extensionDevelopmentPath: '/e', extensionTestsPath: '/t', folder: undefined }),
    );
    assert.strictEqual(url.searchParams.has('folder'), false);
  });

  it('percent-encodes path segments (spaces, #) but keeps the slashes', () => {
    assert.strictEqual(remoteUri('127.0.0.1:9', '/home/ana/my lab/#1'), 'vscode-remote://127.0.0.1:9/home/ana/my%20lab/%231');
  });
});
