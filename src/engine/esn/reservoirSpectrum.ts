// Spectral diagnostics of an echo-state reservoir, in the same JSON shape as the trained models' W_hh
// (diagnostics/spectral.ts), so the spectral panel can show ρ, λ₁ and the eigenvalues of W beside a BPTT-trained RNN.
// With leak a the state Jacobian is ∂x(n)/∂x(n−1) = (1−a)I + a·diag(tanh'(·))·W, so its norm is bounded by
// (1−a) + a·λ₁γ (γ = 1 for tanh); for a = 1 this is the Pascanu bound λ₁γ of docs/maths.md. The bound and verdict use
// that leaky factor ("lambdaGamma" holds it). The ESN itself is never trained by BPTT, so the verdict describes how
// fast the reservoir forgets its inputs, not a training gradient.
import { recurrentMatrixSpectrum, spectralVerdict, NONLINEARITY_GAMMA, type RecurrentMatrixSpectrum } from '../diagnostics/spectral';
import type { Reservoir } from './reservoir';

export function reservoirSpectrum(reservoir: Reservoir, sequenceLength: number, includeEigenvalues = true): RecurrentMatrixSpectrum {
  if (!Number.isInteger(sequenceLength) || sequenceLength < 1) {
    throw new RangeError(`reservoirSpectrum: sequenceLength must be a positive integer (got ${sequenceLength}).`);
  }
  const n = reservoir.size;
  const gamma = NONLINEARITY_GAMMA.tanh;
  const base = recurrentMatrixSpectrum(reservoir.weights, n, n, gamma, sequenceLength, includeEigenvalues);
  const a = reservoir.leak;
  const stepFactor = 1 - a + a * base.largestSingularValue * gamma;
  const bound: number[] = new Array<number>(sequenceLength);
  let power = 1;
  for (let lag = 0; lag < sequenceLength; lag++) {
    bound[lag] = power;
    power *= stepFactor;
  }
  return {
    ...base,
    parameter: 'reservoir',
    stack: 'encoder',
    layer: 0,
    block: 'W',
    lambdaGamma: stepFactor,
    bound,
    verdict: spectralVerdict(stepFactor),
  };
}
