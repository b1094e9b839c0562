import * as assert from 'node:assert';
import { DataError } from '../../../src/data/dataError';
import { parseTableText } from '../../../src/data/parse/loadTable';
import { isIndexLikeColumn, selectColumns } from '../../../src/data/prepare/selectColumns';

const table = parseTableText('t,date,value,other,label\n0,2024-01-01,5,1,a\n1,2024-01-02,7,4,b\n2,2024-01-03,6,9,a\n', 'data.csv');

describe('choosing columns (--column C)', () => {
  it('by default takes the first number column that is not a counter/time axis', () => {
    assert.deepStrictEqual(selectColumns(table, undefined, 'data.csv').names, ['value']);
    const onlyIndex = parseTableText('t\n0\n1\n2\n', 'i.csv');
    assert.deepStrictEqual(selectColumns(onlyIndex, undefined, 'i.csv').names, ['t']);
    assert.strictEqual(isIndexLikeColumn({ name: 't', type: 'number', missing: 0, values: Float64Array.from([0, 0.1, 0.2, 0.30000000000000004]) }), true);
    assert.strictEqual(isIndexLikeColumn({ name: 'v', type: 'number', missing: 0, values: Float64Array.from([0, 1, 3]) }), false);
  });

  it('by name (exact, then ignoring case), by 1-based number, or several with commas', () => {
    assert.deepStrictEqual(selectColumns(table, 'other', 'data.csv').indices, [3]);
    assert.deepStrictEqual(selectColumns(table, 'VALUE', 'data.csv').indices, [2]);
    assert.deepStrictEqual(selectColumns(table, '4', 'data.csv').names, ['other']);
    const both = selectColumns(table, 'value, 4', 'data.csv');
    assert.deepStrictEqual(both.names, ['value', 'other']);
    assert.deepStrictEqual(both.series.map((s) => Array.from(s)), [
      [5, 7, 6],
      [1, 4, 9],
    ]);
  });

  it('an unknown column lists the accepted ones; a date or label column is refused with the number columns', () => {
    assert.throws(
      () => selectColumns(table, 'price', 'data.csv'),
      (error: unknown) =>
        error instanceof DataError &&
        error.code === 'unknown-column' &&
        error.message === 'data.csv: there is no column "price". Accepted columns (by name or number): 1 "t" (number), 2 "date" (date), 3 "value" (number), 4 "other" (number), 5 "label" (text).',
    );
    assert.throws(() => selectColumns(table, '9', 'data.csv'), /no column "9"/);
    assert.throws(
      () => selectColumns(table, 'date', 'data.csv'),
      (error: unknown) => error instanceof DataError && /column 2 "date" holds dates, not numbers\. Choose a number column: 1 "t", 3 "value", 4 "other"\./.test(error.message),
    );
    assert.throws(() => selectColumns(parseTableText('Había una vez.\n', 's'), undefined, 's'), /plain text, with no number column/);
  });
});
