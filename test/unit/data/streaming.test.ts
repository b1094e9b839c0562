import * as assert from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { RecordSplitter, type DelimitedRecord } from '../../../src/data/parse/recordSplitter';
import { nodePlatform } from '../../../src/node/nodePlatform';

function split(chunks: readonly string[]): Array<[number, string[]]> {
  const records: DelimitedRecord[] = [];
  const splitter = new RecordSplitter(',', 'test', (record) => records.push(record));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return records.map((record) => [record.line, record.fields]);
}

describe('streaming: the same result whatever the chunk boundaries', () => {
  const text = 'a,b\r\n1,"x, ""y""\r\nz"\r\n2,plain\n3,"q"';

  it('RecordSplitter: quotes, CRLF and line breaks inside fields survive one-character chunks', () => {
    const whole = split([text]);
    assert.deepStrictEqual(whole, [
      [1, ['a', 'b']],
      [2, ['1', 'x, "y"\r\nz']],
      [4, ['2', 'plain']],
      [5, ['3', 'q']],
    ]);
    assert.deepStrictEqual(split(Array.from(text)), whole);
    for (let cut = 1; cut < text.length; cut += 1) assert.deepStrictEqual(split([text.slice(0, cut), text.slice(cut)]), whole, `cut at ${cut}`);
  });

  it('the fast path for plain decimals gives exactly Number(cell), and defers every unusual cell to the general path', () => {
    // A fixed linear congruential sequence, so the cells are the same on every run.
    let state = 12345;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const shapes = [
      (): string => (next() * 1000).toFixed(Math.floor(next() * 8)),
      (): string => `-${(next() * 1e6).toFixed(6)}`,
      (): string => `+${Math.floor(next() * 100)}`,
      (): string => `${Math.floor(next() * 1e15)}.${Math.floor(next() * 10)}`, // 16+ digits: general path
      (): string => `.${Math.floor(next() * 1e6)}`,
      (): string => `${Math.floor(next() * 100)}.`,
      (): string => `${(next() * 10).toFixed(3)}e-${Math.floor(next() * 5)}`,
      (): string => '-0',
      (): string => '0.1',
      (): string => '',
    ];
    const cells: string[][] = [];
    for (let row = 0; row < 3000; row += 1) cells.push([0, 1, 2].map(() => (shapes[Math.floor(next() * shapes.length)] as () => string)()));
    const text = `a,b,c\n${cells.map((row) => row.join(',')).join('\n')}\n`;
    const table = parseTableText(text, 'numbers.csv');
    assert.strictEqual(table.rows, 3000);
    for (let column = 0; column < 3; column += 1) {
      const parsed = table.columns[column]!.values!;
      cells.forEach((row, index) => {
        const cell = row[column] as string;
        const expected = cell === '' ? NaN : Number(cell);
        assert.ok(Object.is(parsed[index], expected), `row ${index + 2}, "${cell}": ${parsed[index]} ≠ ${expected}`);
      });
      assert.strictEqual(table.columns[column]!.missing, cells.filter((row) => row[column] === '').length);
    }
  });

  it('number lists: the fast path and the general path agree on padding, gaps, exponents and trailing separators', () => {
    const table = parseTableText('1, 2,3\n 4 ,5 \n6,,7\n8,\n9e1, -.5\n+10\t11\n', 'list.txt');
    assert.deepStrictEqual([table.format, table.delimiter], ['numbers', ',']);
    const values = Array.from(table.columns[0]!.values!, (v) => (Number.isNaN(v) ? null : v));
    assert.deepStrictEqual(values, [1, 2, 3, 4, 5, 6, null, 7, 8, 90, -0.5, 10, 11]);
    assert.deepStrictEqual(Array.from(table.rowLines!), [1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6]);
    const semicolons = parseTableText('1,5; 2; 3\n4,25\n5;6\n', 'list.txt');
    assert.deepStrictEqual([semicolons.format, semicolons.delimiter], ['numbers', ';']);
    assert.deepStrictEqual(Array.from(semicolons.columns[0]!.values!), [1.5, 2, 3, 4.25, 5, 6]);
  });

  it('a file larger than the sniffing window, with multi-byte characters and quoted line breaks, parses like the text', async () => {
    const lines = ['instante,señal,nota'];
    for (let row = 0; row < 20000; row += 1) lines.push(`${row},${(row * 0.5).toFixed(1)},${row % 1000 === 0 ? '"línea\npartida"' : 'ñandú'}`);
    const text = lines.join('\r\n') + '\r\n';
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'rnnlab-stream-'));
    const file = path.join(directory, 'long.csv');
    await fs.writeFile(file, text);
    try {
      const fromFile = await loadTableFromFile(file, nodePlatform);
      const fromText = parseTableText(text, 'long.csv');
      assert.strictEqual(fromFile.rows, 20000);
      assert.deepStrictEqual(Array.from(fromFile.columns[1]!.values!), Array.from(fromText.columns[1]!.values!));
      assert.deepStrictEqual(fromFile.columns[2]!.texts, fromText.columns[2]!.texts);
      assert.strictEqual(fromFile.columns[2]!.texts![1000], 'línea\npartida');
      // 20 quoted fields span two lines each, so the last row starts on line 1 + 20000 + 20.
      assert.strictEqual(fromFile.rowLines![19999], 20021);
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
  });
});
