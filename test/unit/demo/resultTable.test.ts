// The demo's table: known numbers formatted exactly, "n/a" for lags the sequence does not reach, "—" where a column
// does not apply, columns aligned.
import * as assert from 'node:assert/strict';
import { normAtLag } from '../../../src/lab/lineup/lineupResult';
import { formatTable, tableCells, TABLE_HEADER, TABLE_LAGS, type TableRow } from '../../../src/cli/demo/resultTable';

/** ‖∂J/∂h_k‖ = 10^−(T−1−k): the norm at lag L is exactly 10^−L. */
function decadeNorms(steps: number): number[] {
  return Array.from({ length: steps }, (_, k) => 10 ** -(steps - 1 - k));
}

describe('demo result table', () => {
  it('reads ‖∂J/∂h_k‖ at lag t − k from the last step, null beyond the sequence', () => {
    const norms = decadeNorms(30);
    assert.equal(normAtLag(norms, 0), 1);
    assert.equal(normAtLag(norms, 1), 0.1);
    assert.equal(normAtLag(norms, 10), 1e-10);
    assert.equal(normAtLag(norms, 29), norms[0]);
    assert.equal(normAtLag(norms, 30), null);
    assert.equal(normAtLag(norms, 50), null);
    assert.equal(normAtLag(null, 1), null);
  });

  it('formats known numbers: losses to 3 digits, λ₁ to 2 decimals, % clipped to 1, norms to 2 digits, n/a beyond T', () => {
    const norms = decadeNorms(30).map((n) => 3.14159 * n);
    const row: TableRow = {
      task: 'adding T=30',
      model: 'RNN tanh',
      trainLoss: 0.0123456,
      validationLoss: 1.5,
      lambda1: 1.23456,
      clippedPercent: 12.345,
      lagNorms: TABLE_LAGS.map((lag) => normAtLag(norms, lag)),
    };
    assert.deepEqual(tableCells(row), ['adding T=30', 'RNN tanh', '1.23e-2', '1.50e0', '1.23', '12.3%', '3.1e-1', '3.1e-10', '3.1e-25', 'n/a']);
  });

  it('writes — for clipping off and for a model without BPTT, and names a divergence', () => {
    const esn: TableRow = { task: 'sine T=60', model: 'ESN', trainLoss: 0.5, validationLoss: Number.NaN, lambda1: 0.95, clippedPercent: null, lagNorms: null };
    assert.deepEqual(tableCells(esn), ['sine T=60', 'ESN', '5.00e-1', 'n/a', '0.95', '—', '—', '—', '—', '—']);
    const diverged: TableRow = { ...esn, model: 'IRNN', note: 'diverged', lambda1: null, lagNorms: [Number.POSITIVE_INFINITY, 1, null, null] };
    assert.deepEqual(tableCells(diverged).slice(1, 8), ['IRNN (diverged)', '5.00e-1', 'n/a', '—', '—', 'Infinity', '1.0e0']);
  });

  it('aligns the columns: names left, numbers right, a rule under the header', () => {
    const rows: TableRow[] = [
      { task: 'a', model: 'short', trainLoss: 1, validationLoss: 2, lambda1: 1, clippedPercent: 100, lagNorms: [1, 1, 1, 1] },
      { task: 'bbbbbbbb', model: 'a longer model name', trainLoss: 1e-3, validationLoss: 2e-3, lambda1: 10.5, clippedPercent: null, lagNorms: [1e-9, null, null, null] },
    ];
    const lines = formatTable(rows).trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.ok(lines[0]!.startsWith('task      model                '), lines[0]);
    assert.match(lines[1]!, /^─{8}  ─{19}  /);
    // every line is as wide as the rule (the last column is right-aligned to it)
    const width = [...lines[1]!].length;
    for (const line of [lines[0]!, lines[2]!, lines[3]!]) assert.equal([...line].length, width, line);
    assert.ok(lines[2]!.endsWith('1.0e0'));
    assert.ok(lines[3]!.endsWith('n/a'));
    assert.match(lines[3]!, /^bbbbbbbb  a longer model name  1\.00e-3  2\.00e-3  10\.50 +— +1\.0e-9 +n\/a +n\/a +n\/a$/);
    assert.equal(TABLE_HEADER.length, tableCells(rows[0]!).length);
  });
});
