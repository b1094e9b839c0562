// Rescaling W_rec to a target spectral radius (docs/maths.md "Remedies → Initialisation: scale to a target spectral
// radius ρ", and "Echo state network": reservoir scaled to ρ). Eigenvalues scale linearly, ρ(cW) = |c|ρ(W), so one
// multiplication by target/ρ(W) is exact up to rounding; the result is re-measured and corrected once so the returned
// matrix's computed ρ is within 1e-9 (relative to max(1, target)) of the target.
import { spectralRadius } from './eigenvalues';

export { spectralRadius };

const RESCALE_TOLERANCE = 1e-9;
/** ρ(W) / ‖W‖_F below this counts as ρ = 0 (see rescaleToSpectralRadius). */
const NEGLIGIBLE_RADIUS = 1e-8;

/** A new matrix c·W with ρ(c·W) = target. Throws when ρ(W) = 0 (nilpotent or zero W cannot be rescaled). */
export function rescaleToSpectralRadius(w: Float64Array, n: number, target: number): Float64Array {
  if (!Number.isFinite(target) || target <= 0) {
    throw new RangeError(`rescaleToSpectralRadius: target spectral radius must be a positive finite number (got ${target}).`);
  }
  const current = spectralRadius(w, n);
  let frobeniusSquared = 0;
  for (const value of w) frobeniusSquared += value * value;
  // A computed ρ below 1e-8·‖W‖_F is rounding noise of a (near-)nilpotent W — for a Jordan block of size k the QR
  // iteration returns about ε^(1/k)·‖W‖ — and scaling by target/noise would miss the target by orders of magnitude.
  if (!(current > NEGLIGIBLE_RADIUS * Math.sqrt(frobeniusSquared))) {
    throw new RangeError(
      'rescaleToSpectralRadius: the matrix has spectral radius 0 (all eigenvalues are zero, to rounding: ρ ≤ 1e-8·‖W‖_F), so no scaling can reach the target; use a different random seed or a denser matrix.',
    );
  }
  let scaled = w.map((value) => value * (target / current));
  for (let attempt = 0; attempt < 3; attempt++) {
    const measured = spectralRadius(scaled, n);
    if (Math.abs(measured - target) <= RESCALE_TOLERANCE * Math.max(1, target)) return scaled;
    const correction = target / measured;
    scaled = scaled.map((value) => value * correction);
  }
  const finalRadius = spectralRadius(scaled, n);
  if (Math.abs(finalRadius - target) > RESCALE_TOLERANCE * Math.max(1, target)) {
    throw new RangeError(
      `rescaleToSpectralRadius: reached ρ = ${finalRadius} instead of ${target}; the eigenvalues of this matrix are too ill-conditioned to measure ρ to 1e-9.`,
    );
  }
  return scaled;
}
