#!/usr/bin/env node
// Stand-in for the VS Code executable that @vscode/test-electron's runTests() launches (vscodeExecutablePath), for
// machines that cannot download desktop VS Code. It takes test-electron's arguments, starts VS Code's server from
// code-server, opens the web workbench in headless Chromium with the suite in the `payload` query, streams the
// suite's output, and exits with the suite's exit code (0 pass, 1 fail) after stopping every process it started.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { startCodeServer, tailOfFile } from './codeServerProcess';
import type { RunningCodeServer } from './codeServerProcess';
import { printHostLogs } from './extensionHostLogs';
import type { CollectedLog } from './extensionHostLogs';
import { launchHeadlessChromium } from './headlessChromium';
import { parseTestHostArguments } from './hostArguments';
import { SUITE_OUTPUT_MARKER } from './suiteOutputMarker';
import { suiteWorkbenchUrl } from './workbenchUrl';

const DEFAULT_TIMEOUT_S = 600;
const PREFIX = '[code-server-host]';
/** Workbench log lines kept for the failure report (all of them stream live with RNN_LAB_TEST_VERBOSE=1). */
const WORKBENCH_LINES_KEPT = 80;

function suiteTimeoutMs(): number {
  const configured = Number(process.env.RNN_LAB_INTEGRATION_TIMEOUT_S ?? DEFAULT_TIMEOUT_S);
  return (Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_S) * 1000;
}

/** test-electron passes the suite module without extension (`…/index`); the extension host needs the file. */
function resolveSuiteModule(testsPath: string): string {
  if (fs.existsSync(testsPath) && fs.statSync(testsPath).isFile()) return testsPath;
  if (fs.existsSync(`${testsPath}.js`)) return `${testsPath}.js`;
  if (fs.existsSync(path.join(testsPath, 'index.js'))) return path.join(testsPath, 'index.js');
  throw new Error(`the suite module ${testsPath} does not exist (compile the tests: npx tsc -p test/tsconfig.json)`);
}

function formatLogArguments(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return list.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ');
}

interface SuiteOutcome {
  readonly exitCode: number;
  readonly logs: readonly CollectedLog[];
}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseTestHostArguments(process.argv.slice(2));
  if (args.extensionDevelopmentPaths.length > 1) {
    console.warn(`${PREFIX} only the first --extensionDevelopmentPath is loaded: ${args.extensionDevelopmentPaths[0]}`);
  }
  const suiteModule = resolveSuiteModule(path.resolve(args.extensionTestsPath));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-code-server-'));
  const userDataDir = path.resolve(args.userDataDir ?? path.join(scratch, 'user-data'));
  const extensionsDir = path.resolve(args.extensionsDir ?? path.join(scratch, 'extensions'));
  const serverLog = path.join(scratch, 'code-server.log');
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let outcome: SuiteOutcome = { exitCode: 1, logs: [] };
  let cleanedUp = false;
  const recentBrowserMessages: string[] = [];
  const recentWorkbenchLines: string[] = [];
  const verbose = process.env.RNN_LAB_TEST_VERBOSE === '1';

  const cleanUp = async (): Promise<void> => {
    if (cleanedUp) return;
    cleanedUp = true;
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`${PREFIX} ${signal}: stopping code-server and Chromium`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const running = await startCodeServer({ userDataDir, extensionsDir, stateDir: scratch, logFile: serverLog });
    server = running;
    console.log(`${PREFIX} VS Code server (code-server) ready at ${running.origin} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await launchHeadlessChromium();
    const page = await browser.newPage();
    const timeoutMs = suiteTimeoutMs();
    outcome = await new Promise<SuiteOutcome>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the integration suite did not report an exit code within ${timeoutMs / 1000} s ` +
                `(raise RNN_LAB_INTEGRATION_TIMEOUT_S if the suite legitimately needs longer)`,
            ),
          ),
        timeoutMs,
      );
      // Both hooks must exist before the workbench loads: it looks them up on window when it starts.
      void page
        .exposeFunction('codeAutomationLog', (type: string, logArgs: unknown) => {
          const line = formatLogArguments(logArgs);
          const markerAt = line.indexOf(SUITE_OUTPUT_MARKER);
          if (markerAt >= 0) {
            process.stdout.write(`${line.slice(markerAt + SUITE_OUTPUT_MARKER.length)}\n`);
            return;
          }
          recentWorkbenchLines.push(`[workbench ${type}] ${line}`);
          if (recentWorkbenchLines.length > WORKBENCH_LINES_KEPT) recentWorkbenchLines.shift();
          if (verbose) process.stderr.write(`[workbench ${type}] ${line}\n`);
        })
        .then(() =>
          page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => {
            clearTimeout(timer);
            resolve({ exitCode: typeof code === 'number' ? code : 1, logs: Array.isArray(logs) ? (logs as CollectedLog[]) : [] });
          }),
        )
        .then(() => {
          page.on('crash', () => {
            clearTimeout(timer);
            reject(new Error('the workbench page crashed in Chromium before the suite reported its exit code'));
          });
          page.on('pageerror', (error) => recentBrowserMessages.push(`pageerror: ${error.message}`));
          page.on('console', (message) => {
            if (message.type() === 'error') recentBrowserMessages.push(`console.error: ${message.text()}`);
            if (recentBrowserMessages.length > 30) recentBrowserMessages.shift();
          });
          const url = suiteWorkbenchUrl({
            origin: running.origin,
            extensionDevelopmentPath: path.resolve(args.extensionDevelopmentPaths[0]),
            extensionTestsPath: suiteModule,
            folder: args.folder === undefined ? undefined : path.resolve(args.folder),
          });
          return page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } catch (error) {
    console.error(`${PREFIX} error: ${error instanceof Error ? error.message : String(error)}`);
    outcome = { exitCode: 1, logs: outcome.logs };
  }
  await cleanUp();
  if (outcome.exitCode !== 0) {
    if (recentBrowserMessages.length > 0) {
      console.error(`${PREFIX} last browser errors:\n${recentBrowserMessages.join('\n')}`);
    }
    console.error(`${PREFIX} code-server log ${serverLog} (last 20 lines):\n${tailOfFile(serverLog, 20)}`);
    printHostLogs(userDataDir, outcome.logs);
    if (outcome.logs.length === 0 && recentWorkbenchLines.length > 0) {
      console.error(`${PREFIX} last workbench log lines:\n${recentWorkbenchLines.join('\n')}`);
    }
  } else {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`${PREFIX} suite exit code ${outcome.exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outcome.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${PREFIX} ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
