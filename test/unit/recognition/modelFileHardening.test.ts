// Issue 13, the data share: model files with impossible shapes, absurd nesting, or that are not files at all.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { topologyCommand } from '../../../src/cli/topology/topologyCommand';
import { gradsCommand } from '../../../src/cli/grads/gradsCommand';
import { CliInputError } from '../../../src/cli/cliSupport';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import { type Captured, runCommand } from '../cli/captureCommand';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/models');

/** Runs `rnn-lab topology|grads` in-process (test/unit/cli/captureCommand.ts). */
function run(command: 'topology' | 'grads', ...args: string[]): Promise<Captured> {
  return runCommand(command === 'topology' ? topologyCommand() : gradsCommand(), args);
}

describe('model files: shapes Keras would not accept (item 9)', () => {
  const keras = readFileSync(path.join(FIXTURES, 'keras3-stacked-lstm-forecast.json'), 'utf8');
  const tfjs = readFileSync(path.join(FIXTURES, 'tfjs-js-gru-synced.model.json'), 'utf8');

  it('reports a negative input length with its JSON path and line:column instead of "input length −30"', () => {
    const recognition = recognizeTopology(keras.replace(/(\n\s*)60,/, '$1-30,'));
    assert.equal(recognition.topology, null);
    assert.equal(recognition.error?.kind, 'shape');
    assert.equal(recognition.error?.message, 'config.layers[0].config.batch_shape[1]: a dimension must be a whole number ≥ 1 or null, got -30');
    assert.deepEqual([recognition.error?.range.start.line, recognition.error?.range.start.character], [21, 12]);
  });

  it('checks TF.js shapes and sizes too, and accepts null and Reshape −1', () => {
    assert.match(recognizeTopology(tfjs.replace('"batch_input_shape":[null,30,2]', '"batch_input_shape":[null,2.5,2]')).error?.message ?? '', /modelTopology\.config\.layers\[0\]\.config\.batch_input_shape\[1\]: .* got 2\.5$/);
    assert.equal(recognizeTopology(tfjs.replace('"units":16', '"units":0')).error?.message, 'modelTopology.config.layers[0].config.units: units must be a whole number ≥ 1, got 0');
    assert.equal(recognizeTopology(tfjs.replace('"batch_input_shape":[null,30,2]', '"batch_input_shape":[null,null,2]')).error, null);
    assert.equal(recognizeTopology(tfjs).error, null);
    const reshaped = tfjs.replace('"batch_input_shape":[null,30,2]', '"batch_input_shape":[null,30,2],"target_shape":[-1,2]');
    assert.equal(recognizeTopology(reshaped).error, null);
  });

  it('every model fixture still passes the checks', () => {
    for (const name of ['keras1-imdb-lstm.json', 'keras216-list-simplernn-synced.json', 'tfkeras-functional-ocr-crnn.json', 'tfjs-legacy-onetomany.model.json', 'keras3-functional-gru-translator.json']) {
      assert.equal(recognizeTopology(readFileSync(path.join(FIXTURES, name), 'utf8')).error, null, name);
    }
  });
});

describe('model files and gradient cases: nesting and what a path is (items 1, 2)', () => {
  let directory = '';
  before(() => (directory = mkdtempSync(path.join(tmpdir(), 'rnn-lab-model-hardening-'))));
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('rnn-lab topology refuses 10⁵ nested arrays at line:column, fast', async () => {
    const file = path.join(directory, 'deep.json');
    writeFileSync(file, '['.repeat(1e5) + '1' + ']'.repeat(1e5));
    const started = Date.now();
    const result = await run('topology', file, '--json');
    assert.ok(Date.now() - started < 5000);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /deep\.json:1:65: malformed JSON: nesting deeper than 64 levels/);
  });

  it('rnn-lab topology names a device and a folder', async () => {
    const folder = await run('topology', directory);
    assert.deepEqual([folder.code, folder.stderr], [2, `${directory}: this is a folder, not a file\n`]);
    const device = await run('topology', '/dev/zero', '--json');
    assert.deepEqual([device.code, device.stderr], [2, '/dev/zero: this is a character device, not a regular file\n']);
  });

  it('rnn-lab grads refuses a deeply nested case and a device with a located CliInputError', async () => {
    const file = path.join(directory, 'case.json');
    writeFileSync(file, `{"cell": "rnn", "inputs": ${'['.repeat(1e5)}1${']'.repeat(1e5)}}`);
    await assert.rejects(run('grads', file), (error: unknown) => error instanceof CliInputError && /case\.json:1:90: not valid JSON \(nesting deeper than 64 levels .*, at \$\.inputs(\[0\]){63}\)$/.test(error.message));
    await assert.rejects(run('grads', '/dev/zero'), (error: unknown) => error instanceof CliInputError && error.message === '/dev/zero: this is a character device, not a regular file');
  });
});

describe('rnn-lab grads: a byte-order mark before the case', () => {
  it('reads the case as without it', async () => {
    const fixtures = path.resolve(__dirname, '../../../../test/fixtures/grad-cases');
    const directory = mkdtempSync(path.join(tmpdir(), 'rnn-lab-bom-'));
    try {
      const text = readFileSync(path.join(fixtures, 'rnn_T5_I2_H3_O1_mse_last.input.json'), 'utf8');
      const plain = path.join(directory, 'plain.json');
      const marked = path.join(directory, 'marked.json');
      writeFileSync(plain, text);
      writeFileSync(marked, `\ufeff${text}`);
      const [a, b] = [await run('grads', plain), await run('grads', marked)];
      assert.deepEqual([a.code, b.code], [0, 0]);
      assert.equal(b.stdout, a.stdout);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('rnn-lab sample and report: never read a device or a folder', () => {
  it('name what the path is', async () => {
    const { sampleCommand } = await import('../../../src/cli/sample/sampleCommand');
    const { readRunRecord } = await import('../../../src/cli/report/readRunRecord');
    const started = Date.now();
    await assert.rejects(sampleCommand().run(['/dev/zero']), (error: unknown) => error instanceof CliInputError && error.message === '/dev/zero: this is a character device, not a regular file');
    const directory = mkdtempSync(path.join(tmpdir(), 'rnn-lab-run-'));
    try {
      // A run folder whose run.json is itself a folder.
      const { mkdirSync } = await import('node:fs');
      mkdirSync(path.join(directory, 'run.json'));
      await assert.rejects(readRunRecord(directory), (error: unknown) => error instanceof CliInputError && /run\.json: this is a folder, not a file$/.test(error.message));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    assert.ok(Date.now() - started < 3000);
  });
});
