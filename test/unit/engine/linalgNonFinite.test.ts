// Every numerical routine ends on non-finite input (±Infinity, NaN) and on huge finite entries (1e200, 1e308): it
// returns or throws a RangeError, in bounded time — never a loop. balanceInPlace used to loop for ever on a column
// holding −Infinity (Infinity ≥ 2·Infinity stays true). The sampled diagnostics report such a W_hh as unavailable, with
// the reason, instead of stopping the run.
import * as assert from 'node:assert/strict';
import { measureEpochDiagnostics } from '../../../src/engine/diagnostics/epochDiagnostics';
import { createGradientCheckProblem } from '../../../src/engine/gradcheck';
import { choleskyDecompose } from '../../../src/engine/linalg/cholesky';
import { eigenvalues, spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { balanceInPlace, reduceToHessenbergInPlace } from '../../../src/engine/linalg/hessenberg';
import { householderQr } from '../../../src/engine/linalg/qr';
import { largestSingularValue, singularValues } from '../../../src/engine/linalg/singularValues';
import { rescaleToSpectralRadius } from '../../../src/engine/linalg/spectralRadius';
import { SeededRandom } from '../../../src/engine/random';

type Routine = (a: Float64Array, n: number) => unknown;
const ROUTINES: Record<string, Routine> = {
  balanceInPlace: (a, n) => balanceInPlace(a, n),
  reduceToHessenbergInPlace: (a, n) => reduceToHessenbergInPlace(a, n),
  eigenvalues,
  spectralRadius,
  singularValues: (a, n) => singularValues(a, n, n),
  largestSingularValue: (a, n) => largestSingularValue(a, n, n),
  rescaleToSpectralRadius: (a, n) => rescaleToSpectralRadius(a, n, 0.9),
  choleskyDecompose,
  householderQr: (a, n) => householderQr(a, n, n),
};

function matrices(n: number): Record<string, Float64Array> {
  const random = new SeededRandom(n);
  const gaussian = (): Float64Array => Float64Array.from({ length: n * n }, () => random.uniform(-1, 1));
  const put = (value: number, at: number): Float64Array => {
    const a = gaussian();
    a[at] = value;
    return a;
  };
  return {
    'Infinity on the diagonal': put(Infinity, 0),
    '−Infinity off the diagonal': put(-Infinity, 1),
    'NaN': put(Number.NaN, n * n - 1),
    'all 1e200': new Float64Array(n * n).fill(1e200),
    '1e308 and 1e-308 mixed': gaussian().map((v, i) => (i % 2 === 0 ? v * 1e308 : v * 1e-308)),
  };
}

describe('engine/linalg on non-finite and huge input', () => {
  for (const n of [2, 5, 17, 64]) {
    it(`every routine returns or throws a RangeError, in bounded time (n = ${n})`, () => {
      for (const [name, routine] of Object.entries(ROUTINES)) {
        for (const [label, matrix] of Object.entries(matrices(n))) {
          const started = Date.now();
          try {
            routine(Float64Array.from(matrix), n);
          } catch (error) {
            assert.ok(error instanceof RangeError, `${name}, ${label}: ${String(error)}`);
          }
          assert.ok(Date.now() - started < 2000, `${name}, ${label}: ${Date.now() - started} ms`);
        }
      }
    });
  }

  it('the routines that report a result refuse non-finite and overflowing input by name', () => {
    const inf = Float64Array.of(Infinity, 0, 0, 1);
    assert.throws(() => eigenvalues(inf, 2), /eigenvalues: entry 0 \(row 0, column 0\) is Infinity; the matrix must be finite/);
    assert.throws(() => largestSingularValue(Float64Array.of(1e200, 0, 0, 1), 2, 2), /which would overflow/);
    assert.throws(() => spectralRadius(Float64Array.of(1, Number.NaN, 0, 1), 2), /is NaN/);
  });

  it('a W_hh with Infinity: the sampled diagnostics say "spectral: … Infinity …" and do not throw', () => {
    const { model, examples } = createGradientCheckProblem({ cell: 'rnn', topology: 'many-to-one', loss: 'mse', seed: 2, steps: 4 });
    const whh = model.parameters.tensors.find((t) => t.name === 'weight_hh_l0')!;
    whh.data[0] = Infinity;
    const sample = measureEpochDiagnostics(model, examples[0]!, 1, { jacobianProducts: false });
    assert.equal(sample.spectral, null);
    assert.ok(sample.unavailable?.some((line) => /^spectral: .*Infinity/.test(line)), JSON.stringify(sample.unavailable));
  });
});
