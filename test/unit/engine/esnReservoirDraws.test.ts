// Small sparse reservoirs: a nilpotent draw (acyclic nonzero pattern) is redrawn, and the accepted W has ρ equal to the
// target to 1e-9 — checked with the eigenvalue routine and, independently, with Gelfand's formula
// ρ = lim ‖W^k‖^(1/k) evaluated by repeated squaring (k = 2^48).
import * as assert from 'node:assert/strict';
import { resolveEchoStateOptions } from '../../../src/engine/esn/esnOptions';
import { createReservoir, hasDirectedCycle } from '../../../src/engine/esn/reservoir';
import { spectralRadius } from '../../../src/engine/linalg/eigenvalues';
import { rescaleToSpectralRadius } from '../../../src/engine/linalg/spectralRadius';
import { SeededRandom } from '../../../src/engine/random';

/** ρ(W) by Gelfand's formula: log ρ ≈ log‖W^(2^J)‖ / 2^J, each square normalised by its largest entry. */
function gelfandRadius(w: Float64Array, n: number, squarings = 48): number {
  let m = Float64Array.from(w);
  let logScale = 0; // log of the factor divided out so far, in units of the current power
  for (let j = 0; j < squarings; j++) {
    const next = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
      const a = m[i * n + k]!;
      if (a !== 0) for (let c = 0; c < n; c++) next[i * n + c]! += a * m[k * n + c]!;
    }
    let largest = 0;
    for (const v of next) largest = Math.max(largest, Math.abs(v));
    if (largest === 0) return 0;
    // W^(2^(j+1)) = e^(2·logScale)·next ; store next/largest, logScale ← 2·logScale + log(largest)
    logScale = 2 * logScale + Math.log(largest);
    m = next.map((v) => v / largest);
  }
  return Math.exp(logScale / 2 ** squarings);
}

describe('echo state reservoir draws', () => {
  it('hasDirectedCycle: a strictly triangular pattern (nilpotent) has none; a self-loop or a 2-cycle has one', () => {
    assert.equal(hasDirectedCycle(Float64Array.of(0, 1, 0, 0, 0, 1, 0, 0, 0), 3), false);
    assert.equal(hasDirectedCycle(Float64Array.of(0, 1, 0, 0, 0, 1, 0, 0, 0.5), 3), true);
    assert.equal(hasDirectedCycle(Float64Array.of(0, 1, 0, 0, 0, 1, 0.2, 0, 0), 3), true);
    assert.equal(hasDirectedCycle(Float64Array.of(0, 1, 1, 0), 2), true);
  });

  it('rescaleToSpectralRadius refuses a nilpotent W whose computed eigenvalues are rounding noise', () => {
    // the 8-unit reservoir of seed 1 (edges 2→5, 2→6, 4→1, 6→1, 6→7: acyclic); its computed ρ was 2.5e-16
    const w = new Float64Array(64);
    for (const [i, j, v] of [[2, 5, -0.483], [2, 6, -0.219], [4, 1, -0.98], [6, 1, -0.28], [6, 7, 0.373]] as const) w[i * 8 + j] = v;
    assert.equal(hasDirectedCycle(w, 8), false);
    assert.throws(() => rescaleToSpectralRadius(w, 8, 0.95), /spectral radius 0/);
  });

  it('gelfandRadius agrees with a hand-derived ρ: [[0, 2], [0.5·9, 0]] has λ = ±3', () => {
    assert.ok(Math.abs(gelfandRadius(Float64Array.of(0, 2, 4.5, 0), 2) - 3) < 1e-12);
  });

  it('sizes 2–16, 30 seeds each, sparsity 0.9: ρ(W) = 0.95 to 1e-9 (and to 1e-9 by Gelfand\'s formula)', () => {
    const started = Date.now();
    let worst = 0;
    for (let n = 2; n <= 16; n++) {
      const options = resolveEchoStateOptions({ reservoirSize: n });
      for (let seed = 1; seed <= 30; seed++) {
        const reservoir = createReservoir(1, options, new SeededRandom(seed));
        const rho = spectralRadius(reservoir.weights, n);
        const independent = gelfandRadius(reservoir.weights, n);
        worst = Math.max(worst, Math.abs(rho - 0.95), Math.abs(independent - 0.95));
        assert.ok(Math.abs(rho - 0.95) <= 0.95e-9, `N = ${n}, seed ${seed}: ρ = ${rho}`);
        assert.ok(Math.abs(independent - 0.95) <= 1e-9, `N = ${n}, seed ${seed}: Gelfand ρ = ${independent}`);
      }
    }
    assert.ok(Date.now() - started < 20000);
    assert.ok(worst < 1e-9, String(worst));
  });

  it('N = 1 and very sparse draws: redrawn until the one entry is kept; a different ρ target is reached too', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const one = createReservoir(1, resolveEchoStateOptions({ reservoirSize: 1, spectralRadius: 0.5 }), new SeededRandom(seed));
      assert.ok(Math.abs(Math.abs(one.weights[0]!) - 0.5) <= 1e-15);
      const sparse = createReservoir(2, resolveEchoStateOptions({ reservoirSize: 5, sparsity: 0.99, spectralRadius: 1.2 }), new SeededRandom(seed));
      assert.ok(Math.abs(spectralRadius(sparse.weights, 5) - 1.2) <= 1.2e-9);
    }
  });

  it('the same seed gives the same reservoir (redraws come from the same seeded stream)', () => {
    const options = resolveEchoStateOptions({ reservoirSize: 3 });
    const a = createReservoir(1, options, new SeededRandom(7));
    const b = createReservoir(1, options, new SeededRandom(7));
    assert.deepEqual(Array.from(a.weights), Array.from(b.weights));
    assert.deepEqual(Array.from(a.inputWeights), Array.from(b.inputWeights));
  });
});
