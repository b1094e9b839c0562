import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLocatedJson, type JsonNode } from '../../../src/modelFiles/json/locatedJson';
import { nodeAtPath, toPlainValue } from '../../../src/modelFiles/json/jsonNavigation';
import { LineIndex, formatLineColumn } from '../../../src/modelFiles/json/sourcePositions';
import { readStrictJson } from '../../../src/modelFiles/json/strictJson';

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

describe('locatedJson: jsonc-parser events assembled into a tree that keeps offsets', () => {
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
    const text = '\uFEFF{ // a comment\n "a": NaN, /* block */ "b": -Infinity, "c": Infinity, "d": -1.5e-3, "e": "NaN" }';
    const root = parseOk(text);
    const plain = toPlainValue(root) as Record<string, number>;
    assert.ok(Number.isNaN(plain['a']));
    assert.equal(plain['b'], Number.NEGATIVE_INFINITY);
    assert.equal(plain['c'], Number.POSITIVE_INFINITY);
    assert.equal(plain['d'], -0.0015);
    assert.equal(plain['e'], 'NaN', 'a string stays a string');
    const minusInfinity = nodeAtPath(root, ['b']);
    assert.equal(minusInfinity === undefined ? '' : text.slice(minusInfinity.offset, minusInfinity.offset + minusInfinity.length), '-Infinity');
  });

  it('keeps duplicate keys in order; navigation reads the last one, as JSON.parse does', () => {
    const root = parseOk('{"a": 1, "a": 2}');
    assert.equal(root.kind === 'object' ? root.properties.length : 0, 2);
    assert.deepEqual(toPlainValue(root), JSON.parse('{"a": 1, "a": 2}'));
    assert.equal(nodeAtPath(root, ['a'])?.offset, 14);
  });

  it('reports syntax errors with their line and column instead of throwing', () => {
    assert.deepEqual(errorAt('{\n  "a": 1,\n}'), { message: 'trailing comma before "}" (JSON allows none)', line: 2, column: 9 });
    assert.deepEqual(errorAt('[1, 2'), { message: 'expected "," or "]" after an array element, found the end of the file (1 unclosed "[")', line: 1, column: 6 });
    assert.deepEqual(errorAt('{"a" 1}'), { message: 'expected ":" after property "a", found "1"', line: 1, column: 6 });
    assert.deepEqual(errorAt('{"a": tru}'), { message: 'expected a value, found "tru" (strings need double quotes)', line: 1, column: 7 });
    assert.deepEqual(errorAt('[1,\n 2 ,\n]'), { message: 'trailing comma before "]" (JSON allows none)', line: 2, column: 4 });
    assert.equal(errorAt('').message, 'the file is empty: expected a JSON value');
    assert.equal(errorAt(' // only a comment\n').message, 'the file is empty: expected a JSON value');
    assert.deepEqual(errorAt('{"a": 01}'), { message: 'invalid number "01": JSON numbers have no leading zeros', line: 1, column: 7 });
    assert.deepEqual(errorAt('{"a": "x\ny"}'), {
      message: 'unescaped control character (a line break) inside a string: close the string with " or write the line break as \\n',
      line: 1,
      column: 9,
    });
    assert.deepEqual(errorAt('{} {}'), { message: 'unexpected "{" after the end of the JSON value', line: 1, column: 4 });
    assert.equal(errorAt("{'a': 1}").column, 2);
    assert.match(errorAt("{'a': 1}").message, /need double quotes/);
    assert.deepEqual(errorAt('{"a": "\\x"}'), { message: 'invalid escape "\\x" in a string (write \\\\ for a backslash)', line: 1, column: 8 });
    assert.deepEqual(errorAt('{\n  "cell": "lstm"\n  "layers": 2\n}'), { message: 'expected "," or "}" after the value of "cell", found "layers"', line: 3, column: 3 });
    assert.deepEqual(errorAt('[1, /* open'), { message: 'unterminated /* comment: missing the closing */', line: 1, column: 5 });
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
    // The strict reader (model and data files) agrees with JSON.parse on every truncation and locates within it.
    for (let cut = 0; cut < text.length; cut += 97) {
      const reading = readStrictJson(text.slice(0, cut));
      assert.equal(reading.ok, false, `cut ${cut}`);
      if (!reading.ok) assert.ok(reading.problem.offset <= cut, `offset within the text for cut ${cut}`);
    }
    const deep = `${'['.repeat(600)}${']'.repeat(600)}`;
    const result = parseLocatedJson(deep);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /nesting deeper than 64/);
    // 10⁵ levels (the stack overflows near 4,000 in a recursive walk): refused at the 65th bracket, with its path.
    const deeper = parseLocatedJson(`{"layers": [{"config": ${'['.repeat(100000)}1${']'.repeat(100000)}}]}`);
    assert.equal(deeper.ok, false);
    if (!deeper.ok) {
      assert.equal(deeper.error.offset, 23 + 61);
      assert.match(deeper.error.message, /, at \$\.layers\[0\]\.config(\[0\]){61}$/);
    }
    // Brackets inside strings and comments do not count.
    assert.ok(parseLocatedJson(`// ${'['.repeat(100)}\n{"a": "${'['.repeat(100)}", "b": [1]}`).ok);
    assert.ok(parseLocatedJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok);
  });
});
