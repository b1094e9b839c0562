// Every spectral routine refuses what could keep an iteration from ending (non-finite entries, entries whose squares
// overflow) at once, naming the entry, and ends on the matrices that make iteration-limit-free ports of EISPACK (JAMA,
// as in ml-matrix 6.15) loop for ever. See linalg/scaledMatrix.ts.
import * as assert from 'assert';
import { eigenvalues, spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { MAX_ENTRY_MAGNITUDE } from '../../../src/engine/linalg/scaledMatrix';
import { largestSingularValue, singularValues } from '../../../src/engine/linalg/singularValues';
import { rescaleToSpectralRadius } from '../../../src/engine/linalg/spectralRadius';

const ROUTINES: ReadonlyArray<readonly [string, (a: Float64Array, n: number) => unknown]> = [
  ['eigenvalues', (a, n) => eigenvalues(a, n)],
  ['eigenvalues', (a, n) => spectralRadius(a, n)],
  ['eigenvalues', (a, n) => rescaleToSpectralRadius(a, n, 0.9)],
  ['singularValues', (a, n) => singularValues(a, n, n)],
  ['largestSingularValue', (a, n) => largestSingularValue(a, n, n)],
];

describe('engine/linalg input guards', () => {
  it('NaN, ±Infinity and |entry| > 2^500 (e.g. 1e200) are refused at once, naming the entry', () => {
    for (const [name, routine] of ROUTINES) {
      for (const bad of [NaN, Infinity, -Infinity, 1e200, -1e155, MAX_ENTRY_MAGNITUDE * (1 + 2 ** -52)]) {
        const a = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        a[5] = bad;
        const started = Date.now();
        assert.throws(
          () => routine(a, 3),
          (error: unknown) =>
            error instanceof RangeError &&
            error.message.startsWith(`${name}: entry 5 (row 1, column 2) is ${bad}`) &&
            (Number.isFinite(bad) ? /would overflow/.test(error.message) : /must be finite/.test(error.message)),
          `${name} with ${bad}`,
        );
        assert.ok(Date.now() - started < 1000);
      }
    }
  });

  it('accepts entries up to 2^500 and gives finite results there', () => {
    const big = MAX_ENTRY_MAGNITUDE;
    const a = Float64Array.from([big, -big, big, big]);
    assert.ok(Math.abs(largestSingularValue(a, 2, 2) / (big * Math.SQRT2) - 1) < 1e-15);
    assert.ok(Math.abs(spectralRadius(a, 2) / (big * Math.SQRT2) - 1) < 1e-15);
  });

  it('refuses wrong shapes', () => {
    assert.throws(() => largestSingularValue(new Float64Array(5), 2, 3), /expected rows×cols = 2×3 = 6/);
    assert.throws(() => singularValues(new Float64Array(0), 0, 3), /positive integers/);
    assert.throws(() => eigenvalues(new Float64Array(4), 0), /positive integer/);
  });
});

describe('engine/linalg termination on matrices that stall iteration-limit-free solvers', () => {
  it('Day\'s 4×4 (eigenvalues ±1, each double) and the permutation and Hamiltonian classics', () => {
    const cases: ReadonlyArray<readonly [number[], number]> = [
      [[0, 2, 0, -1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], 1],
      [[0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], 1],
      [[0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0], 1],
      [[0, 90, 0, 300, -4e9, 0, -300, 0, 0, -300, 0, 4e9, 0, 0, -90, 0], 600000.0375],
    ];
    for (const [entries, rho] of cases) {
      const a = Float64Array.from(entries);
      assert.ok(Math.abs(spectralRadius(a, 4) - rho) < 1e-6 * rho, `ρ = ${spectralRadius(a, 4)}, expected ${rho}`);
      assert.ok(largestSingularValue(a, 4, 4) >= spectralRadius(a, 4) * (1 - 1e-12));
    }
  });

  it('every routine ends on rank-one, zero-row and all-ones matrices of sizes 2 … 130', () => {
    for (const n of [2, 7, 31, 32, 33, 35, 36, 37, 40, 50, 64, 100, 130]) {
      const shapes = [
        (i: number, j: number): number => (i + 1) * ((j % 3) - 1),
        (i: number, j: number): number => (i % 4 === 0 ? 0 : Math.sin(i * 7 + j * 3)),
        (): number => 1,
      ];
      for (const shape of shapes) {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = shape(i, j);
        const lambda1 = largestSingularValue(a, n, n);
        assert.ok(Number.isFinite(lambda1) && spectralRadius(a, n) <= lambda1 * (1 + 1e-12), `n=${n}`);
      }
    }
  });
});
