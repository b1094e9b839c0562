import * as assert from 'node:assert';
import { loadTableFromFile, parseTableText } from '../../../src/data/parse/loadTable';
import { summarizeTable, type ParsedTable } from '../../../src/data/parse/parsedTable';
import { fixture } from './fixtures';
import { nodePlatform } from '../../../src/node/nodePlatform';

function values(table: ParsedTable, column: number): number[] {
  return Array.from(table.columns[column]?.values ?? []);
}

describe('data intake: formats recognised without asking', () => {
  it('reads a CSV with header, quoted fields (delimiter, doubled quotes, line break inside) and padding before a quote', async () => {
    const table = await loadTableFromFile(fixture('quoted.csv'), nodePlatform);
    assert.deepStrictEqual(
      summarizeTable(table),
      {
        format: 'csv',
        delimiter: ',',
        hasHeader: true,
        rows: 5,
        columns: [
          { name: 'id', type: 'number', missing: 0 },
          { name: 'comment', type: 'text', missing: 0 },
          { name: 'value', type: 'number', missing: 0 },
        ],
        warnings: [],
      },
    );
    assert.deepStrictEqual(table.columns[1]?.texts, ['plain', 'with, comma', 'with "quotes"', 'spans\ntwo lines', 'padded']);
    assert.deepStrictEqual(values(table, 2), [1.5, 2.5, 3.5, 4.5, 5.5]);
    // The record after the two-line field starts on line 7.
    assert.deepStrictEqual(Array.from(table.rowLines ?? []), [2, 3, 4, 5, 7]);
  });

  it('reads a semicolon file with CRLF, a date column, decimal commas, thousands dots, NA and a blank line', async () => {
    const table = await loadTableFromFile(fixture('semicolon-decimal-comma.csv'), nodePlatform);
    assert.strictEqual(table.format, 'semicolon');
    assert.strictEqual(table.delimiter, ';');
    assert.strictEqual(table.hasHeader, true);
    assert.strictEqual(table.rows, 4);
    assert.deepStrictEqual(
      table.columns.map((c) => [c.name, c.type, c.missing]),
      [
        ['fecha', 'date', 0],
        ['temperatura', 'number', 0],
        ['humedad', 'number', 1],
      ],
    );
    assert.deepStrictEqual(values(table, 1), [12.5, 13.1, -0.5, 1234.5]);
    assert.deepStrictEqual(values(table, 2).map((v) => (Number.isNaN(v) ? null : v)), [80, 78, null, 75]);
    assert.deepStrictEqual(table.warnings, ['skipped 1 blank line: line 5']);
  });

  it('skips comment, blank and footer lines, reporting each with its line number', async () => {
    const table = await loadTableFromFile(fixture('footer.csv'), nodePlatform);
    assert.strictEqual(table.rows, 4);
    assert.deepStrictEqual(values(table, 1), [1, 2, 3, 4]);
    assert.deepStrictEqual(table.warnings, [
      'skipped 2 blank lines: lines 4, 7',
      'skipped 1 comment line: line 1',
      'line 9: skipped footer line "Total,10.0" (not data)',
      'line 10: skipped footer line "Source: lab notebook" (not data)',
    ]);
  });

  it('reads a TSV without a header and names its columns by number', async () => {
    const table = await loadTableFromFile(fixture('no-header.tsv'), nodePlatform);
    assert.deepStrictEqual([table.format, table.delimiter, table.hasHeader, table.rows], ['tsv', '\t', false, 3]);
    assert.deepStrictEqual(table.columns.map((c) => c.name), ['column 1', 'column 2']);
    assert.deepStrictEqual(values(table, 1), [10, 20, 30]);
  });

  it('reads space-aligned columns with a header', async () => {
    const table = await loadTableFromFile(fixture('whitespace-columns.dat'), nodePlatform);
    assert.deepStrictEqual([table.format, table.delimiter, table.hasHeader, table.rows], ['numbers', ' ', true, 3]);
    assert.deepStrictEqual(values(table, 2), [-1, -0.9, -0.8]);
  });

  it('reads numbers separated by newlines, commas, spaces (ragged) and semicolons (with decimal commas)', async () => {
    const perLine = await loadTableFromFile(fixture('one-per-line.txt'), nodePlatform);
    assert.deepStrictEqual([perLine.format, perLine.delimiter, perLine.rows], ['numbers', '\n', 8]);
    assert.deepStrictEqual(values(perLine, 0), [3, 1, 4, 1, 5, 9, 2, 6]);
    const commas = await loadTableFromFile(fixture('inline-commas.txt'), nodePlatform);
    assert.deepStrictEqual([commas.format, commas.delimiter], ['numbers', ',']);
    assert.deepStrictEqual(values(commas, 0), [1, 2, 3, 4, 5, 6]);
    const ragged = await loadTableFromFile(fixture('ragged-spaces.txt'), nodePlatform);
    assert.deepStrictEqual([ragged.delimiter, ...values(ragged, 0)], [' ', 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepStrictEqual(Array.from(ragged.rowLines ?? []), [1, 1, 1, 2, 2, 3, 3, 3, 3]);
    const semicolons = await loadTableFromFile(fixture('inline-semicolons.txt'), nodePlatform);
    assert.deepStrictEqual([semicolons.delimiter, ...values(semicolons, 0)], [';', 0.5, 1.5, 2.5, -3.25]);
  });

  it('reads a one-column table under a header word', () => {
    const table = parseTableText('value\n1.5\n-2\n3e-2\n', 'selection');
    assert.deepStrictEqual([table.format, table.hasHeader, table.rows, table.columns[0]?.name], ['csv', true, 3, 'value']);
    assert.deepStrictEqual(values(table, 0), [1.5, -2, 0.03]);
  });

  it('reads thousands of rows with a trailing footer and no final newline', () => {
    const lines = ['step,signal'];
    for (let step = 0; step < 5000; step += 1) lines.push(`${step},${Math.sin(step / 10).toFixed(6)}`);
    lines.push('end of data');
    const table = parseTableText(lines.join('\n'), 'big.csv');
    assert.strictEqual(table.rows, 5000);
    assert.strictEqual(values(table, 1)[4999], Number(Math.sin(499.9).toFixed(6)));
    assert.deepStrictEqual(table.warnings, ['line 5002: skipped footer line "end of data" (not data)']);
  });

  it('recognises date and label columns and types them so numeric training skips them', () => {
    const table = parseTableText('when,city,temp\n2024-01-01,Madrid,3.5\n2024-01-02,Sevilla,11\n01/03/2024,Bilbao,7\n', 'weather.csv');
    assert.deepStrictEqual(table.columns.map((c) => c.type), ['date', 'text', 'number']);
    assert.deepStrictEqual(table.columns[1]?.texts, ['Madrid', 'Sevilla', 'Bilbao']);
  });

  it('reads JSON: 1-D series with null as missing, [time][features], ragged sequences, {"sequences"}, records', async () => {
    const series = await loadTableFromFile(fixture('series.json'), nodePlatform);
    assert.deepStrictEqual(summarizeTable(series), {
      format: 'json',
      delimiter: null,
      hasHeader: false,
      rows: 4,
      columns: [{ name: 'value', type: 'number', missing: 1 }],
      warnings: [],
    });
    const matrix = await loadTableFromFile(fixture('matrix.json'), nodePlatform);
    assert.deepStrictEqual([matrix.rows, ...matrix.columns.map((c) => c.name)], [3, 'feature 1', 'feature 2']);
    assert.deepStrictEqual(values(matrix, 1), [1, 0, 1]);
    assert.strictEqual(matrix.sequenceStarts, undefined);
    const sequences = await loadTableFromFile(fixture('sequences.json'), nodePlatform);
    assert.deepStrictEqual([sequences.rows, sequences.sequenceStarts], [9, [0, 3, 5]]);
    const object = await loadTableFromFile(fixture('sequences-object.json'), nodePlatform);
    assert.deepStrictEqual([object.rows, object.sequenceStarts, values(object, 0), values(object, 1)], [4, [0, 2], [1, 2, 3, 4], [0, 1, 0, 1]]);
    const records = await loadTableFromFile(fixture('records.json'), nodePlatform);
    assert.deepStrictEqual(
      records.columns.map((c) => [c.name, c.type]),
      [
        ['t', 'number'],
        ['value', 'number'],
        ['label', 'text'],
      ],
    );
    assert.strictEqual(records.hasHeader, true);
  });

  it('keeps prose as text for character-level models (UTF-8, accents, CRLF normalised)', async () => {
    const table = await loadTableFromFile(fixture('prose.txt'), nodePlatform);
    assert.deepStrictEqual(summarizeTable(table), {
      format: 'text',
      delimiter: null,
      hasHeader: false,
      rows: 2,
      columns: [{ name: 'text', type: 'text', missing: 0 }],
      warnings: [],
    });
    assert.ok(table.text?.startsWith('Érase una vez'));
    assert.strictEqual(parseTableText('Hola, qué tal.\r\nBien, gracias; ¿y tú?\r\n', 's').text, 'Hola, qué tal.\nBien, gracias; ¿y tú?\n');
  });

  it("skips Excel's sep= line and a title above the table, with warnings", () => {
    const excel = parseTableText('sep=;\r\na;b\r\n1,5;2\r\n3;4\r\n', 'excel.csv');
    assert.deepStrictEqual([excel.format, excel.rows, values(excel, 0)], ['semicolon', 2, [1.5, 3]]);
    assert.deepStrictEqual(excel.warnings, ['line 1: skipped the spreadsheet\'s delimiter line "sep=;"']);
    const titled = parseTableText('Temperature export 2024\nt,value\n0,1\n1,2\n2,3\n', 'titled.csv');
    assert.deepStrictEqual([titled.hasHeader, titled.columns.map((c) => c.name), values(titled, 1)], [true, ['t', 'value'], [1, 2, 3]]);
    assert.deepStrictEqual(titled.warnings, ['line 1: skipped the line "Temperature export 2024" above the table']);
  });

  it('treats trailing junk that is not a mistyped number ("-----", "(end)") as a footer', () => {
    const dashed = parseTableText('t,value\n0,1\n1,2\n----------\n', 'd.csv');
    assert.deepStrictEqual([dashed.rows, dashed.warnings], [2, ['line 4: skipped footer line "----------" (not data)']]);
    const list = parseTableText('1\n2\n3\n(end)\n', 'l.txt');
    assert.deepStrictEqual([list.format, list.rows, list.warnings], ['numbers', 3, ['line 4: skipped footer line "(end)" (not data)']]);
  });

  it('reads quoted numbers, spaces after commas, headerless all-number CSV and signed decimal commas', () => {
    assert.deepStrictEqual(values(parseTableText('"t","value"\n"0","1.5"\n"1","2.5"\n', 'q.csv'), 1), [1.5, 2.5]);
    assert.deepStrictEqual(values(parseTableText('t, value\n0, 1.5\n1, 2.5\n', 's.csv'), 1), [1.5, 2.5]);
    const bare = parseTableText('1,2,3\n4,5,6\n7,8,9\n', 'b.csv');
    assert.deepStrictEqual([bare.format, bare.hasHeader, bare.columns.length, values(bare, 2)], ['csv', false, 3, [3, 6, 9]]);
    assert.deepStrictEqual(values(parseTableText('x;y\n-1,5;+2\n-0,25;3e2\n', 'n.csv'), 0), [-1.5, -0.25]);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const table = parseTableText('\ufefft,value\n0,1\n1,2\n', 'bom.csv');
    assert.deepStrictEqual(table.columns.map((c) => c.name), ['t', 'value']);
  });

  it('counts missing cells (empty, NA, null) per column', async () => {
    const table = await loadTableFromFile(fixture('missing.csv'), nodePlatform);
    assert.deepStrictEqual(table.columns.map((c) => c.missing), [0, 2, 1]);
  });
});
