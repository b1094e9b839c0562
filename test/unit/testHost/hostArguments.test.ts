import * as assert from 'assert';
import { parseTestHostArguments } from '../../host/hostArguments';

describe('parseTestHostArguments (test-electron command line → code-server host)', () => {
  it('reads the arguments runTests() passes, ignoring desktop-only flags', () => {
    // The exact shape @vscode/test-electron 2.5 builds: launchArgs first, then its own flags.
    const parsed = parseTestHostArguments([
      '/work/samples',
      '--user-data-dir=/tmp/p/user-data',
      '--extensions-dir=/tmp/p/extensions',
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-updates',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-workspace-trust',
      '--extensionTestsPath=/work/out/test/integration/index.js',
      '--extensionDevelopmentPath=/work',
    ]);
    assert.deepStrictEqual(parsed, {
      extensionDevelopmentPaths: ['/work'],
      extensionTestsPath: '/work/out/test/integration/index.js',
      userDataDir: '/tmp/p/user-data',
      extensionsDir: '/tmp/p/extensions',
      folder: '/work/samples',
    });
  });

  it('accepts the space-separated form and repeated development paths', () => {
    const parsed = parseTestHostArguments([
      '--extensionDevelopmentPath', '/a',
      '--extensionDevelopmentPath=/b',
      '--extensionTestsPath', '/suite',
    ]);
    assert.deepStrictEqual(parsed.extensionDevelopmentPaths, ['/a', '/b']);
    assert.strictEqual(parsed.extensionTestsPath, '/suite');
    assert.strictEqual(parsed.folder, undefined);
    assert.strictEqual(parsed.userDataDir, undefined);
  });

  it('names the missing argument', () => {
    assert.throws(() => parseTestHostArguments(['--extensionTestsPath=/suite']), /--extensionDevelopmentPath/);
    assert.throws(() => parseTestHostArguments(['--extensionDevelopmentPath=/a']), /--extensionTestsPath/);
  });
});
