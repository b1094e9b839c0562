// Entry point the extension host loads (extensionTestsPath): runs every compiled *.integration.test.js under this
// folder with mocha, inside the real extension host, exactly as @vscode/test-electron expects (`run()` resolves on
// success, rejects when any test fails).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha = require('mocha');
import { HOST_KIND_VARIABLE, SUITE_OUTPUT_MARKER } from '../host/suiteOutputMarker';

const SUITE_FILE = /\.integration\.test\.js$/;

function findSuiteFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findSuiteFiles(full));
    else if (SUITE_FILE.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/** The extension host forwards console arguments joined by spaces, not printf-formatted: format them here, and
 *  mark them for the code-server host adapter (see suiteOutputMarker.ts). */
function routeReporterOutput(): void {
  const marker = process.env[HOST_KIND_VARIABLE] === 'code-server' ? SUITE_OUTPUT_MARKER : '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    for (const line of util.format(...args).split('\n')) console.log(`${marker}${line}`);
  };
}

export function run(): Promise<void> {
  routeReporterOutput();
  // Webviews and the first activation are slower than unit tests: each test gets a minute.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // RNN_LAB_TEST_GREP=<regexp> runs only the matching tests (handy while working on one panel).
  const grep = process.env.RNN_LAB_TEST_GREP;
  if (grep !== undefined && grep !== '') mocha.grep(new RegExp(grep));
  const files = findSuiteFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.integration.test.js files under ${__dirname}`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
