import * as assert from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataError } from '../../../src/data/dataError';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { fixture } from './fixtures';
import { nodePlatform } from '../../../src/node/nodePlatform';

/** Runs `action`, expects a DataError, and returns it for the location checks. */
async function dataError(action: () => unknown): Promise<DataError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a DataError, got a result');
}

describe('data intake: every error says where and what to do', () => {
  it('a mistyped number: line 17, column 3: "12,5a" is not a number, with a hint', async () => {
    const error = await dataError(() => loadTableFromFile(fixture('bad-number.csv'), nodePlatform));
    assert.deepStrictEqual([error.code, error.line, error.column], ['not-a-number', 17, 3]);
    assert.match(error.message, /^bad-number\.csv:17:3: "12,5a" is not a number \(column "c"\)\. .+/);
    assert.ok(error.hint.length > 10);
  });

  it('a typo in the first row of a headerless table is reported, not taken for a header', async () => {
    const error = await dataError(() => parseTableText('12,5a;1\n2;3\n4;5\n', 'first.csv'));
    assert.deepStrictEqual([error.code, error.line, error.column], ['not-a-number', 1, 1]);
  });

  it('names the file as the caller gives it (the CLI passes the typed path)', async () => {
    const error = await dataError(() => loadTableFromFile(fixture('bad-number.csv'), nodePlatform, { sourceName: 'data/x.csv' }));
    assert.match(error.message, /^data\/x\.csv:17:3: /);
  });

  it('in a comma-separated file, an unquoted decimal comma shows up as a field-count error at its column', async () => {
    const error = await dataError(() => parseTableText('a,b\n1,2\n3,4\n5,6,5\n7,8\n', 'c.csv'));
    assert.deepStrictEqual([error.code, error.line, error.column], ['too-many-fields', 4, 3]);
  });

  it('NaN and infinity are rejected with their location', async () => {
    const nan = await dataError(() => loadTableFromFile(fixture('nan.csv'), nodePlatform));
    assert.deepStrictEqual([nan.code, nan.line, nan.column], ['not-finite', 3, 2]);
    const inf = await dataError(() => loadTableFromFile(fixture('infinity.csv'), nodePlatform));
    assert.deepStrictEqual([inf.code, inf.line, inf.column], ['not-finite', 4, 1]);
    const overflow = await dataError(() => parseTableText('1\n2\n1e999\n', 'sel'));
    assert.deepStrictEqual([overflow.code, overflow.line, overflow.column], ['not-finite', 3, 1]);
    const json = await dataError(() => parseTableText('[1, 2, 1e999]', 'j.json'));
    assert.deepStrictEqual([json.code, json.path], ['not-finite', '$[2]']);
  });

  it('a junk line in the middle of the data is an error (only trailing junk is a footer)', async () => {
    const error = await dataError(() => loadTableFromFile(fixture('junk-in-middle.csv'), nodePlatform));
    assert.deepStrictEqual([error.code, error.line, error.column], ['not-a-number', 4, 1]);
  });

  it('a word among one-number-per-line data is reported at its line', async () => {
    const error = await dataError(() => parseTableText('1\n2\nabc\n4\n', 'list.txt'));
    assert.deepStrictEqual([error.code, error.line, error.column], ['not-a-number', 3, 1]);
    const inline = await dataError(() => parseTableText('1, 2, 3x, 4', 'inline.txt'));
    assert.deepStrictEqual([inline.line, inline.column], [1, 3]);
  });

  it('more than three junk lines at the end are bad data, reported at the first', async () => {
    const error = await dataError(() => parseTableText('x\n1\n2\n3\n4\nfoo\nbar\nbaz\nqux\n', 'j.csv'));
    assert.deepStrictEqual([error.line, error.column], [6, 1]);
  });

  it('too many fields on a line, and an unclosed quote, are reported at their line', async () => {
    const fields = await dataError(() => loadTableFromFile(fixture('too-many-fields.csv'), nodePlatform));
    assert.deepStrictEqual([fields.code, fields.line, fields.column], ['too-many-fields', 3, 3]);
    const quote = await dataError(() => loadTableFromFile(fixture('unclosed-quote.csv'), nodePlatform));
    assert.deepStrictEqual([quote.code, quote.line], ['open-quote', 2]);
  });

  it('invalid JSON is located by line and column; a bad JSON value by its path', async () => {
    const syntax = await dataError(() => loadTableFromFile(fixture('bad.json'), nodePlatform));
    assert.deepStrictEqual([syntax.code, syntax.line, syntax.column], ['bad-json', 2, 4]);
    assert.match(syntax.message, /^bad\.json:2:4: invalid JSON: expected "," or "\]" after an array element, found "4"/);
    // A trailing comma is reported on the comma (the character to delete).
    const trailing = await dataError(() => parseTableText('[1,\n2,\n]', 't.json'));
    assert.deepStrictEqual([trailing.line, trailing.column], [2, 2]);
    assert.match(trailing.message, /trailing comma before "\]"/);
    const nan = await dataError(() => parseTableText('[1, NaN]', 'n.json'));
    assert.deepStrictEqual([nan.code, nan.line, nan.column], ['bad-json', 1, 5]);
    assert.match(nan.message, /NaN and Infinity are not JSON numbers/);
    const value = await dataError(() => loadTableFromFile(fixture('bad-value.json'), nodePlatform));
    assert.deepStrictEqual([value.code, value.path], ['not-a-number', '$[1][1]']);
    assert.match(value.message, /^bad-value\.json: \$\[1\]\[1\]: "x" is not a number/);
    const shape = await dataError(() => parseTableText('[[1, 2], 3]', 's.json'));
    assert.deepStrictEqual([shape.code, shape.path], ['json-shape', '$[1]']);
  });

  it('binary files (NUL bytes), Latin-1 and UTF-16 files are refused clearly', async () => {
    const binary = await dataError(() => loadTableFromFile(fixture('binary.csv'), nodePlatform));
    assert.strictEqual(binary.code, 'binary');
    assert.match(binary.message, /NUL byte at byte 11/);
    const latin1 = await dataError(() => loadTableFromFile(fixture('latin1.csv'), nodePlatform));
    assert.deepStrictEqual([latin1.code, latin1.line], ['not-utf8', 2]);
    assert.match(latin1.message, /byte 0xE9 at offset 16 is not valid UTF-8/);
    assert.match(latin1.hint, /UTF-8/);
    const utf16 = await dataError(() => loadTableFromFile(fixture('utf16.csv'), nodePlatform));
    assert.strictEqual(utf16.code, 'not-utf8');
    const pasted = await dataError(() => parseTableText('1\n2\u0000\n', 'selection'));
    assert.strictEqual(pasted.code, 'binary');
  });

  it('refuses input over the size limit at once, naming the limit, the flag and the setting', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'rnnlab-data-'));
    const file = path.join(directory, 'big.csv');
    await fs.writeFile(file, 'v\n' + '1\n'.repeat(3000));
    try {
      const error = await dataError(() => loadTableFromFile(file, nodePlatform, { maxBytes: 1000 }));
      assert.strictEqual(error.code, 'too-large');
      assert.match(error.message, /over the limit of 0\.0 MB \(1000 bytes\)/);
      assert.match(error.hint, /--max-bytes/);
      assert.match(error.hint, /rnnLab\.data\.maxSelectionSizeMB/);
      const table = await loadTableFromFile(file, nodePlatform, { maxBytes: 10_000 });
      assert.strictEqual(table.rows, 3000);
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
    const selection = await dataError(() => parseTableText('1,2,3', 'selection', { maxBytes: 4 }));
    assert.strictEqual(selection.code, 'too-large');
  });

  it('empty input, a missing file and a folder are clear errors', async () => {
    assert.strictEqual((await dataError(() => loadTableFromFile(fixture('blank.csv'), nodePlatform))).code, 'empty');
    assert.strictEqual((await dataError(() => parseTableText(' \r\n\t\n', 'selection'))).code, 'empty');
    const missing = await dataError(() => loadTableFromFile(fixture('does-not-exist.csv'), nodePlatform));
    assert.deepStrictEqual([missing.code, /no such file/.test(missing.message)], ['io', true]);
    assert.strictEqual((await dataError(() => loadTableFromFile(path.dirname(fixture('x')), nodePlatform))).code, 'io');
  });
});
