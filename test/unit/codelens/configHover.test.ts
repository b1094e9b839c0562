// Hover support without VS Code: which field a position is on, and the lecture explanation of it.
import * as assert from 'node:assert/strict';
import { fieldAtOffset } from '../../../src/modelFiles/json/fieldAtOffset';
import { explainField } from '../../../src/host/modelFiles/fieldExplanations';
import { RNN_CONFIG_FIELDS, type ObjectField } from '../../../src/modelFiles/rnnConfig/rnnConfigFields';
import { english } from './englishTranslator';

const text = '{\n  "cell": "lstm",\n  "tbptt": { "k1": 10, "k2": 20 },\n  "esn": { "spectralRadius": 0.9 }\n}';

function at(needle: string, shift = 1, within = text) {
  return fieldAtOffset(within, within.indexOf(needle) + shift);
}

describe('config hovers', () => {
  it('finds the key or scalar value under the cursor, innermost first, with its exact range', () => {
    assert.deepEqual(at('"cell"'), { path: ['cell'], offset: text.indexOf('"cell"'), length: 6 });
    assert.deepEqual(at('"lstm"'), { path: ['cell'], offset: text.indexOf('"lstm"'), length: 6 });
    assert.deepEqual(at('"k2"')?.path, ['tbptt', 'k2']);
    assert.deepEqual(at('20')?.path, ['tbptt', 'k2']);
    assert.deepEqual(at('"spectralRadius"')?.path, ['esn', 'spectralRadius']);
    assert.equal(at('{', 0), undefined);
    assert.equal(at(': "lstm"', 1), undefined, 'whitespace is no field');
    assert.equal(at('"lstm"', 6), undefined, 'just after the value is no field');
  });

  it('keeps working while the file is being typed (a syntax error after the cursor)', () => {
    const typing = '{\n  "tbptt": { "k1": 10, "k2": \n  "cell": "ls';
    assert.deepEqual(at('"k1"', 1, typing)?.path, ['tbptt', 'k1']);
    assert.deepEqual(at('10', 0, typing), { path: ['tbptt', 'k1'], offset: typing.indexOf('10'), length: 2 });
  });

  it('explains fields with the lecture formula', () => {
    const clip = explainField(['clipNorm'], english);
    assert.equal(clip?.formula, 'if ‖g‖ ≥ τ: g ← τ·g/‖g‖');
    assert.match(clip?.sentence ?? '', /exploding gradient/);
    assert.equal(explainField(['loss'], english)?.formula, 'J = 1/(2m) Σ (ŷ − y)² · J = −(1/m) Σ log softmax(ŷ)_y');
    assert.equal(explainField(['esn', 'spectralRadius'], english)?.field, 'esn.spectralRadius');
    assert.equal(explainField(['unknownField'], english), null);
  });

  it('has an explanation for every field the config reader knows', () => {
    const missing: string[] = [];
    const visit = (fields: ObjectField, prefix: string[]): void => {
      for (const [name, field] of Object.entries(fields.fields)) {
        if (name === '$schema' || name === 'name' || name === 'description') continue;
        if (explainField([...prefix, name], english) === null) missing.push([...prefix, name].join('.'));
        if (field.kind === 'object') visit(field, [...prefix, name]);
      }
    };
    visit(RNN_CONFIG_FIELDS, []);
    assert.deepEqual(missing, []);
  });
});
