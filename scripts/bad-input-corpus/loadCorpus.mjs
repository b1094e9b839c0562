// Loads the corpus (written in TypeScript under test/unit/corpus/, where the mocha test uses it) by bundling it with
// esbuild on the fly, so the scripts always run the same cases as the test, without a separate build.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'dist', 'cli.js');

/** { buildCorpus, writeAll, describeExpectation, startCorpus, runCase, OUTCOME_CLASSES, … } */
export async function loadCorpusModules() {
  const outfile = path.join(os.tmpdir(), `rnn-lab-corpus-modules-${process.pid}.cjs`);
  await esbuild.build({
    stdin: {
      contents: "export * from './corpus'; export * from './runCorpus'; export * from './corpusTypes';",
      resolveDir: path.join(root, 'test', 'unit', 'corpus'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  try {
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

export function requireCli() {
  if (!fs.existsSync(cli)) {
    process.stderr.write(`${cli} is missing: run "node esbuild.js" first\n`);
    process.exit(2);
  }
}
