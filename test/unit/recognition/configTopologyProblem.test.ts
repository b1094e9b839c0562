// Issue 13: a `*.rnn.json` whose topology-deciding fields are invalid (or that holds a NaN literal) is refused by
// `rnn-lab topology` at the JSON path and line:column, with the message the editor shows for the same field.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import { diagnoseRnnConfig } from '../../../src/modelFiles/rnnConfig/diagnoseRnnConfig';

const SAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../samples/configs/many-to-one.rnn.json'), 'utf8')) as Record<string, unknown>;

function configText(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...SAMPLE, ...changes }, null, 2).replace(/"__NAN__"/g, 'NaN').replace(/"__INF__"/g, '-Infinity');
}

describe('rnn config: fields that decide the topology', () => {
  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    ['a NaN hidden size', { hiddenSize: '__NAN__' }, 'hiddenSize', /^hiddenSize must be an integer, got NaN$/],
    ['an input length of −30', { inputLength: -30 }, 'inputLength', /^inputLength must be an integer ≥ 1 .* got -30$/],
    ['an input length of 0', { inputLength: 0 }, 'inputLength', /^inputLength must be an integer ≥ 1 .* got 0$/],
    ['an unknown cell', { cell: 'transformer' }, 'cell', /^cell must be one of rnn, lstm, gru, esn; got "transformer"/],
    ['an unknown topology', { topology: 'one-to-all' }, 'topology', /^topology must be one of /],
  ];
  for (const [what, changes, key, message] of refused) {
    it(`refuses ${what} at the value, with the editor's message`, () => {
      const text = configText(changes);
      const recognition = recognizeTopology(text, { fileName: 'model.rnn.json' });
      assert.ok(recognition.error !== null, 'expected an error');
      assert.equal(recognition.error.kind, 'shape');
      assert.match(recognition.error.message, message);
      assert.equal(recognition.topology, null);
      const valueOffset = text.indexOf(`"${key}": `) + key.length + 4;
      assert.equal(recognition.error.range.offset, valueOffset);
      const editor = diagnoseRnnConfig(text).diagnostics.find((diagnostic) => diagnostic.path[0] === key && diagnostic.severity === 'error');
      assert.equal(editor?.message, recognition.error.message);
      assert.deepEqual(editor?.range.start, recognition.error.range.start);
    });
  }

  it('refuses a NaN or Infinity literal anywhere, naming its path', () => {
    const recognition = recognizeTopology(configText({ esn: { leak: '__INF__' } }), { fileName: 'model.rnn.json' });
    assert.ok(recognition.error !== null);
    assert.match(recognition.error.message, /esn\.leak/);
  });

  it('still names the topology when only other fields are invalid (the editor shows those)', () => {
    for (const changes of [{ hiddenSize: 0 }, { learningRate: 0 }, { epochs: 1.5 }]) {
      const recognition = recognizeTopology(configText(changes), { fileName: 'model.rnn.json' });
      assert.equal(recognition.error, null, JSON.stringify(changes));
      assert.equal(recognition.topology, 'many-to-one');
      assert.equal(recognition.inputLength, 50);
    }
  });
});
