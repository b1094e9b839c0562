// `npm run test:integration`: runs test/integration/** inside a real VS Code extension host through
// @vscode/test-electron's runTests(). Desktop VS Code where it can be downloaded; otherwise (no internet, as on our
// machines and in CI) the code-server host adapter stands in for the VS Code executable. See testHostChoice.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { ensureCodeServerInstalled } from './codeServerInstall';
import { CODE_SERVER_HOST_ADAPTER, EXTENSION_BUNDLE, INTEGRATION_SUITE_INDEX, PROJECT_ROOT } from './projectPaths';
import { HOST_KIND_VARIABLE } from './suiteOutputMarker';
import { chooseTestHost } from './testHostChoice';
import { writeTestProfileSettings } from './testProfileSettings';

const PREFIX = '[integration]';
const DEFAULT_TIMEOUT_S = 600;
/** The runner's own last-resort watchdog, beyond the adapter's suite timeout (it needs time to clean up). */
const WATCHDOG_GRACE_S = 60;

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The folder the test window opens: a throwaway copy of the bundled samples (suites open and train on them), so
 *  whatever a test writes (run folders, edited files) never lands in the repository or the packaged VSIX. */
function workspaceFolder(sessionDir: string): string {
  const workspace = path.join(sessionDir, 'workspace');
  const samples = path.join(PROJECT_ROOT, 'samples');
  if (fs.existsSync(samples)) {
    fs.cpSync(samples, workspace, { recursive: true, filter: (source) => path.basename(source) !== '.rnn-lab' });
  } else {
    fs.mkdirSync(workspace, { recursive: true });
  }
  return workspace;
}

function requireBuilt(file: string, how: string): void {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(PROJECT_ROOT, file)} is missing: ${how}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  requireBuilt(EXTENSION_BUNDLE, 'run `npm run build` first');
  requireBuilt(INTEGRATION_SUITE_INDEX, 'compile the tests first (`npx tsc -p test/tsconfig.json`)');
  const timeoutS = Number(process.env.RNN_LAB_INTEGRATION_TIMEOUT_S ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S;
  const watchdog = setTimeout(() => {
    console.error(`${PREFIX} error: the integration run did not finish within ${timeoutS + WATCHDOG_GRACE_S} s; giving up`);
    process.exit(1);
  }, (timeoutS + WATCHDOG_GRACE_S) * 1000);
  watchdog.unref();

  const choice = await chooseTestHost();
  let vscodeExecutablePath: string;
  if (choice.kind === 'desktop') {
    vscodeExecutablePath = choice.vscodeExecutablePath;
    console.log(`${PREFIX} host: desktop VS Code (${vscodeExecutablePath})`);
  } else {
    console.log(`${PREFIX} host: code-server (VS Code server + headless Chromium) because ${choice.reason}`);
    ensureCodeServerInstalled();
    // tsc keeps the adapter's shebang but not an executable bit; test-electron spawns it directly.
    fs.chmodSync(CODE_SERVER_HOST_ADAPTER, 0o755);
    vscodeExecutablePath = CODE_SERVER_HOST_ADAPTER;
  }

  // A fresh profile per run: no settings, state or extensions leak in from a previous run or the developer's VS Code.
  const sessionDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-integration-'));
  const userDataDir = path.join(sessionDir, 'user-data');
  writeTestProfileSettings(userDataDir);
  let exitCode = 1;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: INTEGRATION_SUITE_INDEX,
      launchArgs: [
        workspaceFolder(sessionDir),
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(sessionDir, 'extensions')}`,
        ...(choice.kind === 'desktop' ? ['--disable-extensions'] : []),
      ],
      extensionTestsEnv: { [HOST_KIND_VARIABLE]: choice.kind },
    });
  } catch (error) {
    console.error(`${PREFIX} ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
  if (exitCode === 0) {
    fs.rmSync(sessionDir, { recursive: true, force: true });
  } else {
    console.error(`${PREFIX} kept the test profile for inspection (extension host logs under ${path.join(userDataDir, 'logs')})`);
  }
  console.log(`${PREFIX} ${exitCode === 0 ? 'passed' : 'FAILED'} on ${choice.kind} in ${seconds(started)}`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${PREFIX} error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
