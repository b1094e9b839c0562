// All eigenvalues (complex) of a general real square matrix: balance, reduce to Hessenberg form, then the shifted
// double-step QR iteration of Francis (EISPACK HQR, as in JAMA's EigenvalueDecomposition.hqr2 without the
// eigenvector part). Used for ρ(W_rec) (docs/maths.md "Remedies → Initialisation: scale to a target spectral radius")
// and for the complex eigenvalues of W_hh and its gate blocks that the spectral panel plots (docs/maths.md "Vanishing
// and exploding gradients": for long products the growth of W^k is governed by ρ). As in EISPACK HQR (eigenvalues
// only), the QR sweeps update just the active block l…n (rows and columns outside it do not affect the eigenvalues).
//
// Why hand-written and not ml-matrix's EigenvalueDecomposition: that is the same JAMA hqr2, but with no iteration
// limit and with only the local deflation test below, and it loops for ever on finite, well-scaled matrices — e.g.
// the rank-one u vᵀ with u_i = i + 1, v_j = (j mod 3) − 1 for n = 32, 33, 35, 36, 37, 40, 50, 100, 128 (the n − 1 zero
// eigenvalues form a block whose entries shrink together towards underflow, then NaN, so its test never fires).
// It also always computes the eigenvectors: ≈ 4× the time of this eigenvalues-only iteration (measured, Node 20,
// Gaussian W: H = 128 38 ms against 9 ms, H = 256 309 ms against 71 ms). Here every loop is bounded: the input is
// checked and scaled by a power of two (scaledMatrix.ts), balancing stops after 100 passes, the deflation test has an
// absolute floor ε‖H‖_F, and an eigenvalue that has not converged after 100 iterations is a RangeError.
//
// Correct for repeated and complex-conjugate eigenvalues and for defective (non-diagonalisable) matrices; for a
// Jordan block of size k the computed eigenvalues carry the unavoidable O(ε^(1/k)) perturbation of the problem itself.
import { balanceInPlace, reduceToHessenbergInPlace } from './hessenberg';
import { scaledForDecomposition, timesPowerOfTwo } from './scaledMatrix';

export interface ComplexEigenvalues {
  /** Real parts, length n. */
  readonly re: Float64Array;
  /** Imaginary parts, length n; complex pairs are adjacent, positive imaginary part first. */
  readonly im: Float64Array;
}

const EPSILON = 2 ** -52;
/** Iterations allowed per eigenvalue before giving up, so at most 100·n in all (EISPACK allows 30·n; exceptional shifts every 10). */
const MAX_ITERATIONS_PER_EIGENVALUE = 100;

/** Eigenvalues λ (with multiplicity) of A [n×n], row-major. A is not modified. */
export function eigenvalues(a: Float64Array, n: number): ComplexEigenvalues {
  const scaled = scaledForDecomposition('eigenvalues', a, n, n);
  if (scaled === null) return { re: new Float64Array(n), im: new Float64Array(n) }; // the zero matrix: every λ is 0
  const h = scaled.values; // a fresh copy, 2^−e·A
  balanceInPlace(h, n);
  reduceToHessenbergInPlace(h, n);
  const { re, im } = hessenbergEigenvalues(h, n);
  // λ(A) = 2^e·λ(2^−e·A): real and imaginary parts scale alike.
  for (let i = 0; i < n; i++) {
    re[i] = timesPowerOfTwo(re[i], scaled.exponent);
    im[i] = timesPowerOfTwo(im[i], scaled.exponent);
    if (!Number.isFinite(re[i]) || !Number.isFinite(im[i])) {
      throw new RangeError(`eigenvalues: the QR iteration produced eigenvalue ${i + 1} of ${n} as ${re[i]} + ${im[i]}i.`);
    }
  }
  return { re, im };
}

/** Magnitude of the largest eigenvalue, ρ(A) = max |λ_i|. */
export function spectralRadius(a: Float64Array, n: number): number {
  const { re, im } = eigenvalues(a, n);
  let radius = 0;
  for (let i = 0; i < n; i++) radius = Math.max(radius, Math.hypot(re[i], im[i]));
  return radius;
}

/**
 * Francis double-shift QR on an upper Hessenberg matrix h (destroyed). Works on the active window [low … high]
 * and deflates 1×1 blocks (a real eigenvalue) or 2×2 blocks (a real pair or a complex-conjugate pair) from the
 * bottom as subdiagonal entries become negligible relative to their neighbours.
 */
function hessenbergEigenvalues(h: Float64Array, size: number): ComplexEigenvalues {
  const re = new Float64Array(size);
  const im = new Float64Array(size);

  let norm = 0;
  let frobeniusSquared = 0;
  for (let i = 0; i < size; i++) {
    for (let j = Math.max(i - 1, 0); j < size; j++) {
      norm += Math.abs(h[i * size + j]);
      frobeniusSquared += h[i * size + j] * h[i * size + j];
    }
  }
  if (norm === 0) return { re, im }; // the zero matrix: every eigenvalue is 0
  // Absolute deflation floor ε‖H‖_F. Zeroing a subdiagonal entry below it perturbs H by less than the rounding of the
  // Hessenberg reduction itself, so the eigenvalues stay backward stable; without it a cluster of eigenvalues at 0
  // (rank-deficient W) never deflates, since its diagonal neighbours shrink with the subdiagonal (see the header).
  const negligible = EPSILON * Math.sqrt(frobeniusSquared);

  let n = size - 1; // bottom of the active window
  let iteration = 0;
  let exceptionalShift = 0; // accumulated ad-hoc shifts, added back on deflation
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let z = 0;

  while (n >= 0) {
    // Find l: the top of the unreduced block ending at n (h[l, l−1] negligible).
    let l = n;
    while (l > 0) {
      s = Math.abs(h[(l - 1) * size + (l - 1)]) + Math.abs(h[l * size + l]);
      if (s === 0) s = norm;
      const subdiagonal = Math.abs(h[l * size + (l - 1)]);
      if (subdiagonal < EPSILON * s || subdiagonal <= negligible) break;
      l--;
    }

    if (l === n) {
      // One real eigenvalue deflates.
      re[n] = h[n * size + n] + exceptionalShift;
      im[n] = 0;
      n--;
      iteration = 0;
    } else if (l === n - 1) {
      // A 2×2 block [[a, b], [c, d]] deflates: λ = (a+d)/2 ± √(((a−d)/2)² + bc).
      w = h[n * size + (n - 1)] * h[(n - 1) * size + n];
      p = (h[(n - 1) * size + (n - 1)] - h[n * size + n]) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      x = h[n * size + n] + exceptionalShift;
      if (q >= 0) {
        // Real pair; z = p ± √q chosen to avoid cancellation, the second root from the product λ₁λ₂.
        z = p >= 0 ? p + z : p - z;
        re[n - 1] = x + z;
        re[n] = z !== 0 ? x - w / z : x + z;
        im[n - 1] = 0;
        im[n] = 0;
      } else {
        re[n - 1] = x + p;
        re[n] = x + p;
        im[n - 1] = z;
        im[n] = -z;
      }
      n -= 2;
      iteration = 0;
    } else {
      // No convergence yet: form the shift from the trailing 2×2 block (its eigenvalues, implicitly).
      x = h[n * size + n];
      y = h[(n - 1) * size + (n - 1)];
      w = h[n * size + (n - 1)] * h[(n - 1) * size + n];

      if (iteration > 0 && iteration % 10 === 0 && iteration !== 30) {
        // Wilkinson's ad-hoc exceptional shift, breaks cycles such as those of permutation matrices.
        exceptionalShift += x;
        // Shift the whole undeflated part 0…n (not just l…n): exceptionalShift is added back to every later eigenvalue.
        for (let i = 0; i <= n; i++) h[i * size + i] = h[i * size + i] - x;
        s = Math.abs(h[n * size + (n - 1)]) + Math.abs(h[(n - 1) * size + (n - 2)]);
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iteration === 30) {
        // MATLAB's exceptional shift (as in JAMA).
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = 0; i <= n; i++) h[i * size + i] = h[i * size + i] - s;
          exceptionalShift += s;
          x = y = w = 0.964;
        }
      }
      iteration++;
      if (iteration > MAX_ITERATIONS_PER_EIGENVALUE) {
        throw new RangeError(
          `eigenvalues: the QR iteration did not converge for eigenvalue ${n + 1} of ${size} after ${MAX_ITERATIONS_PER_EIGENVALUE} iterations.`,
        );
      }

      // Look for two consecutive small subdiagonal elements: start the double step at m.
      let m = n - 2;
      while (m >= l) {
        z = h[m * size + m];
        r = x - z;
        s = y - z;
        p = (r * s - w) / h[(m + 1) * size + m] + h[m * size + (m + 1)];
        q = h[(m + 1) * size + (m + 1)] - z - r - s;
        r = h[(m + 2) * size + (m + 1)];
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        if (
          Math.abs(h[m * size + (m - 1)]) * (Math.abs(q) + Math.abs(r)) <
          EPSILON * (Math.abs(p) * (Math.abs(h[(m - 1) * size + (m - 1)]) + Math.abs(z) + Math.abs(h[(m + 1) * size + (m + 1)])))
        ) {
          break;
        }
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        h[i * size + (i - 2)] = 0;
        if (i > m + 2) h[i * size + (i - 3)] = 0;
      }

      // Double QR step on rows l…n and columns m…n: chase the 3×1 bulge down with 3×3 Householder reflectors.
      for (let k = m; k <= n - 1; k++) {
        const notLast = k !== n - 1;
        if (k !== m) {
          p = h[k * size + (k - 1)];
          q = h[(k + 1) * size + (k - 1)];
          r = notLast ? h[(k + 2) * size + (k - 1)] : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x === 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s === 0) continue;
        if (k !== m) h[k * size + (k - 1)] = -s * x;
        else if (l !== m) h[k * size + (k - 1)] = -h[k * size + (k - 1)];
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        // Row modification (columns k…n of the active block).
        for (let j = k; j <= n; j++) {
          p = h[k * size + j] + q * h[(k + 1) * size + j];
          if (notLast) {
            p += r * h[(k + 2) * size + j];
            h[(k + 2) * size + j] = h[(k + 2) * size + j] - p * z;
          }
          h[k * size + j] = h[k * size + j] - p * x;
          h[(k + 1) * size + j] = h[(k + 1) * size + j] - p * y;
        }
        // Column modification (rows l…min(n, k+3)).
        const lastRow = Math.min(n, k + 3);
        for (let i = l; i <= lastRow; i++) {
          p = x * h[i * size + k] + y * h[i * size + (k + 1)];
          if (notLast) {
            p += z * h[i * size + (k + 2)];
            h[i * size + (k + 2)] = h[i * size + (k + 2)] - p * r;
          }
          h[i * size + k] = h[i * size + k] - p;
          h[i * size + (k + 1)] = h[i * size + (k + 1)] - p * q;
        }
      }
    }
  }
  return { re, im };
}
