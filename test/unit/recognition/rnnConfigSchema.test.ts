// schemas/rnn-config.schema.json: the samples validate, bad configs fail on the expected keyword, and the schema
// states exactly the bounds, enums and defaults the reader enforces (src/modelFiles/rnnConfig/rnnConfigFields.ts).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnoseRnnConfig } from '../../../src/modelFiles/rnnConfig/diagnoseRnnConfig';
import { RNN_CONFIG_FIELDS, type ConfigField, type ObjectField } from '../../../src/modelFiles/rnnConfig/rnnConfigFields';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import { validateAgainstSchema } from './miniSchemaValidator';

const ROOT = path.resolve(__dirname, '../../../..');
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schemas/rnn-config.schema.json'), 'utf8')) as Record<string, unknown>;
const SAMPLES = path.join(ROOT, 'samples/configs');

const EXAMPLE_BY_TOPOLOGY: Readonly<Record<string, string>> = {
  'one-to-one': 'image classification',
  'one-to-many': 'image captioning, OCR',
  'many-to-one': 'sentiment analysis',
  'many-to-many-encoder-decoder': 'machine translation',
  'many-to-many-synced': 'video frame labelling',
};

describe('rnn-config JSON Schema', () => {
  it('is draft-07 and documents every property with title, description and markdownDescription', () => {
    assert.equal(SCHEMA['$schema'], 'http://json-schema.org/draft-07/schema#');
    const visit = (properties: Record<string, Record<string, unknown>>, prefix: string): number => {
      let count = 0;
      for (const [key, property] of Object.entries(properties)) {
        if (key === '$schema') continue;
        for (const field of ['title', 'description', 'markdownDescription']) {
          assert.equal(typeof property[field], 'string', `${prefix}${key} needs ${field}`);
        }
        count++;
        if (property['properties'] !== undefined) count += visit(property['properties'] as Record<string, Record<string, unknown>>, `${prefix}${key}.`);
      }
      return count;
    };
    assert.ok(visit(SCHEMA['properties'] as Record<string, Record<string, unknown>>, '') >= 45);
  });

  it('accepts every sample config, and each sample names its topology with the lecture example', () => {
    const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.rnn.json'));
    assert.ok(samples.length >= 5);
    const topologies = new Set<string>();
    for (const name of samples) {
      const text = readFileSync(path.join(SAMPLES, name), 'utf8');
      assert.deepEqual(validateAgainstSchema(JSON.parse(text), SCHEMA), [], name);
      assert.deepEqual(diagnoseRnnConfig(text).diagnostics, [], name);
      const recognition = recognizeTopology(text, { fileName: name });
      assert.ok(recognition.topology !== null, name);
      topologies.add(recognition.topology);
      const description = (JSON.parse(text) as { description: string }).description;
      assert.ok(description.includes(EXAMPLE_BY_TOPOLOGY[recognition.topology] ?? '?'), `${name} mentions the lecture example`);
    }
    assert.equal(topologies.size, 5);
  });

  const BAD: readonly { name: string; config: Record<string, unknown>; path: string; keyword: string; enginePath?: string }[] = [
    { name: 'too many layers', config: { layers: 5 }, path: 'layers', keyword: 'maximum' },
    { name: 'unknown cell', config: { cell: 'transformer' }, path: 'cell', keyword: 'enum' },
    { name: 'zero learning rate', config: { learningRate: 0 }, path: 'learningRate', keyword: 'exclusiveMinimum' },
    { name: 'fractional hidden size', config: { hiddenSize: 3.5 }, path: 'hiddenSize', keyword: 'type' },
    { name: 'typo in a field name', config: { hiddenSise: 3 }, path: 'hiddenSise', keyword: 'additionalProperties' },
    { name: 'tbptt without k1', config: { tbptt: { k2: 4 } }, path: 'tbptt.k1', keyword: 'required' },
    { name: 'negative clip norm', config: { clipNorm: -1 }, path: 'clipNorm', keyword: 'exclusiveMinimum' },
    { name: 'leak above 1', config: { cell: 'esn', esn: { leak: 1.5 } }, path: 'esn.leak', keyword: 'maximum' },
    { name: 'negative column index', config: { data: { path: 'a.csv', column: -1 } }, path: 'data.column', keyword: 'minimum' },
    { name: 'data without path', config: { data: { window: 4 } }, path: 'data.path', keyword: 'required' },
    { name: 'sparsity of 1', config: { cell: 'esn', esn: { sparsity: 1 } }, path: 'esn.sparsity', keyword: 'exclusiveMaximum' },
    { name: 'encoder–decoder without outputLength', config: { topology: 'many-to-many-encoder-decoder', inputLength: 5 }, path: 'outputLength', keyword: 'then.required', enginePath: 'topology' },
    { name: 'ESN with TBPTT', config: { cell: 'esn', tbptt: { k1: 5 } }, path: '(root)', keyword: 'then.not', enginePath: 'tbptt' },
  ];

  for (const bad of BAD) {
    it(`rejects ${bad.name} (${bad.path}: ${bad.keyword}), and the reader reports the same field`, () => {
      const violations = validateAgainstSchema(bad.config, SCHEMA);
      assert.ok(
        violations.some((v) => v.path === bad.path && v.keyword === bad.keyword),
        `expected ${bad.path}:${bad.keyword}, got ${JSON.stringify(violations)}`,
      );
      const diagnostics = diagnoseRnnConfig(JSON.stringify(bad.config, null, 2)).diagnostics;
      assert.ok(diagnostics.length > 0, 'the engine reports it too');
      const enginePath = bad.enginePath ?? bad.path;
      assert.ok(diagnostics.some((d) => d.pathText === enginePath && d.severity !== 'information'), `${enginePath} in ${JSON.stringify(diagnostics.map((d) => d.pathText))}`);
    });
  }

  it('states the same types, enums, bounds, defaults and required fields as the reader', () => {
    const compare = (spec: ObjectField, schema: Record<string, unknown>, prefix: string): void => {
      const properties = schema['properties'] as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(properties).sort(), Object.keys(spec.fields).sort(), `${prefix} keys`);
      assert.deepEqual(schema['required'] ?? [], spec.required ?? [], `${prefix} required`);
      assert.equal(schema['additionalProperties'], false, `${prefix} additionalProperties`);
      for (const [key, field] of Object.entries(spec.fields)) compareField(field, properties[key] ?? {}, `${prefix}${key}`, compare);
    };
    compare(RNN_CONFIG_FIELDS, SCHEMA, '');
  });
});

function compareField(
  field: ConfigField,
  schema: Record<string, unknown>,
  name: string,
  compareObject: (spec: ObjectField, schema: Record<string, unknown>, prefix: string) => void,
): void {
  switch (field.kind) {
    case 'object':
      assert.equal(schema['type'], 'object', name);
      compareObject(field, schema, `${name}.`);
      return;
    case 'enum':
      assert.equal(schema['type'], 'string', name);
      assert.deepEqual(schema['enum'], [...field.values], name);
      assert.equal(schema['default'], field.default, `${name} default`);
      return;
    case 'string':
      assert.equal(schema['type'], 'string', name);
      assert.equal(schema['minLength'], field.minLength, `${name} minLength`);
      return;
    case 'string-or-index':
      assert.deepEqual(schema['type'], ['string', 'integer'], name);
      assert.equal(schema['minimum'], 0, name);
      return;
    case 'integer':
    case 'number':
      assert.equal(schema['type'], field.kind, name);
      for (const bound of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'default'] as const) {
        assert.equal(schema[bound], field[bound], `${name} ${bound}`);
      }
  }
}
