// `rnn-lab topology FILE [--json]`, run in-process with stdout/stderr captured.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { topologyCommand } from '../../../src/cli/topology/topologyCommand';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/models');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array): boolean => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array): boolean => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await topologyCommand().run(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

describe('rnn-lab topology', () => {
  it('--json prints exactly {topology, example, inputLength, outputLength, cells, reason}', async () => {
    const { code, stdout, stderr } = await run(path.join(FIXTURES, 'keras1-addition-rnn-seq2seq.json'), '--json');
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(printed), ['topology', 'example', 'inputLength', 'outputLength', 'cells', 'reason']);
    assert.equal(printed['topology'], 'many-to-many-encoder-decoder');
    assert.equal(printed['example'], 'machine translation');
    assert.equal(printed['inputLength'], 7);
    assert.equal(printed['outputLength'], 4);
    assert.deepEqual(printed['cells'], ['LSTM', 'LSTM']);
  });

  it('prints topology null with the reason for an unclassifiable model (exit 0)', async () => {
    const { code, stdout } = await run('--json', path.join(FIXTURES, 'tfkeras-stateful-one-step.json'));
    assert.equal(code, 0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(printed['topology'], null);
    assert.equal(printed['example'], null);
    assert.match(String(printed['reason']), /^stateful model fed one step per call: topology depends on how it is called/);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run(path.join(FIXTURES, 'tfkeras-functional-image-captioning.json'));
    assert.equal(code, 0);
    assert.match(stdout, /^one-to-many · image captioning, OCR \(one input → sequence out\)\n/);
    assert.match(stdout, /input length: {2}1\n/);
    assert.match(stdout, /output length: 20\n/);
    assert.match(stdout, /cells: {9}LSTM\n/);
  });

  it('malformed JSON: `file:line:column: message` on stderr, exit 2, nothing on stdout', async () => {
    const file = path.join(FIXTURES, 'malformed-truncated.json');
    const { code, stdout, stderr } = await run(file, '--json');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `${file}:33:19: malformed JSON: unterminated string: missing the closing double quote\n`);
  });

  it('unreadable file: exit 2 with the file name first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rnn-lab-topology-'));
    const missing = path.join(dir, 'nope.json');
    const { code, stderr } = await run(missing);
    assert.equal(code, 2);
    assert.equal(stderr, `${missing}:1:1: cannot read the file: no such file\n`);
    const empty = path.join(dir, 'empty.rnn.json');
    writeFileSync(empty, '');
    const emptyRun = await run(empty);
    assert.equal(emptyRun.code, 2);
    assert.equal(emptyRun.stderr, `${empty}:1:1: malformed JSON: the file is empty: expected a JSON value\n`);
  });

  it('unknown flag or missing FILE: a one-line usage error (exit 2 in main)', async () => {
    await assert.rejects(run('--jsn', 'x.json'), (error: unknown) => {
      assert.ok(error instanceof CliUsageError);
      assert.equal(error.message, 'topology: unknown flag --jsn; accepted flags: --json, --help');
      return true;
    });
    await assert.rejects(run(), (error: unknown) => error instanceof CliUsageError && !error.message.includes('\n'));
  });
});
