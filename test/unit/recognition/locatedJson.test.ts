import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLocatedJson, type JsonNode } from '../../../src/modelFiles/json/locatedJson';
import { nodeAtPath, toPlainValue } from '../../../src/modelFiles/json/jsonNavigation';
import { LineIndex, formatLineColumn } from '../../../src/modelFiles/json/sourcePositions';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/models');

function parseOk(text: string): JsonNode {
  const result = parseLocatedJson(text);
  if (!result.ok) assert.fail(`unexpected syntax error: ${result.error.message} at ${result.error.offset}`);
  return result.root;
}

function errorAt(text: string): { message: string; line: number; column: number } {
  const result = parseLocatedJson(text);
  assert.equal(result.ok, false, `expected a syntax error for ${JSON.stringify(text)}`);
  if (result.ok) throw new Error('unreachable');
  const position = new LineIndex(text).positionAt(result.error.offset);
  return { message: result.error.message, line: position.line + 1, column: position.character + 1 };
}

describe('locatedJson: a JSON parser that keeps offsets', () => {
  it('gives the same values as JSON.parse for every fixture', () => {
    for (const name of readdirSync(FIXTURES)) {
      if (name.startsWith('malformed')) continue;
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      assert.deepEqual(toPlainValue(parseOk(text)), JSON.parse(text), name);
    }
  });

  it('records the offset and length of every node', () => {
    const text = '{\n  "tbptt": { "k1": 10, "k2": 5 },\n  "name": "a\\"b"\n}';
    const root = parseOk(text);
    const k2 = nodeAtPath(root, ['tbptt', 'k2']);
    assert.ok(k2 !== undefined);
    assert.equal(text.slice(k2.offset, k2.offset + k2.length), '5');
    const tbptt = nodeAtPath(root, ['tbptt']);
    assert.ok(tbptt !== undefined);
    assert.equal(text.slice(tbptt.offset, tbptt.offset + tbptt.length), '{ "k1": 10, "k2": 5 }');
    const name = nodeAtPath(root, ['name']);
    assert.ok(name?.kind === 'string');
    assert.equal(name.value, 'a"b');
    assert.equal(text.slice(name.offset, name.offset + name.length), '"a\\"b"');
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(k2.offset), { line: 1, character: 29 });
  });

  it('accepts what Python and editors write: NaN, ±Infinity, comments, a byte-order mark', () => {
    const root = parseOk('\uFEFF{ // a comment\n "a": NaN, /* block */ "b": -Infinity, "c": Infinity, "d": -1.5e-3 }');
    const plain = toPlainValue(root) as Record<string, number>;
    assert.ok(Number.isNaN(plain['a']));
    assert.equal(plain['b'], Number.NEGATIVE_INFINITY);
    assert.equal(plain['c'], Number.POSITIVE_INFINITY);
    assert.equal(plain['d'], -0.0015);
  });

  it('reports syntax errors with their line and column instead of throwing', () => {
    assert.deepEqual(errorAt('{\n  "a": 1,\n}'), { message: 'trailing comma before "}"', line: 2, column: 9 });
    assert.deepEqual(errorAt('[1, 2'), { message: 'expected "," or "]" in the array, found the end of the file', line: 1, column: 6 });
    assert.equal(errorAt('{"a" 1}').column, 6);
    assert.equal(errorAt('{"a": tru}').column, 7);
    assert.deepEqual(errorAt('[1,\n 2 ,\n]'), { message: 'trailing comma before "]"', line: 2, column: 4 });
    assert.equal(errorAt('').message, 'the file is empty: expected a JSON value');
    assert.equal(errorAt('{"a": 01}').column, 7);
    assert.equal(errorAt('{"a": "x\ny"}').line, 1);
    assert.equal(errorAt('{} {}').column, 4);
    assert.equal(errorAt("{'a': 1}").column, 2);
    assert.equal(errorAt('{"a": "\\x"}').message, 'invalid escape "\\x" in a string');
  });

  it('counts lines the way editors do (\\n, \\r\\n, \\r) and formats 1-based line:column', () => {
    const lines = new LineIndex('a\r\nb\rc\nd');
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
    assert.equal(formatLineColumn(lines.positionAt(8)), '4:2');
  });

  it('never throws on any truncation of a real model file, and refuses absurd nesting', () => {
    const text = readFileSync(path.join(FIXTURES, 'tfkeras-functional-lstm-seq2seq.json'), 'utf8');
    let errors = 0;
    for (let cut = 0; cut < text.length; cut += 7) {
      const result = parseLocatedJson(text.slice(0, cut));
      if (!result.ok) {
        errors++;
        assert.ok(result.error.offset >= 0 && result.error.offset <= cut, `offset within the text for cut ${cut}`);
      }
    }
    assert.equal(errors, Math.ceil(text.length / 7));
    const deep = `${'['.repeat(600)}${']'.repeat(600)}`;
    const result = parseLocatedJson(deep);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /nesting deeper than 512/);
  });
});
