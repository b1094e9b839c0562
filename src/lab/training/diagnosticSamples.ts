// One sampled diagnostic of the engine (diagnostics/epochDiagnostics.ts) as the run record keeps it: one
// GradientNormSample per layer (‖∂J/∂h_k‖, ‖∂J/∂c_k‖, the decoder's, and ‖∂J_t/∂h_k‖ of the last loss term) and one
// SpectralSample (λ₁, ρ, eigenvalues and the bound of every recurrent matrix). docs/maths.md "Diagnostics".
import type { EpochDiagnostics } from '../../engine/diagnostics/epochDiagnostics';
import type { GradientNormSample, SpectralSample } from '../runs/runRecord';

export function gradientSamplesOf(sample: EpochDiagnostics): GradientNormSample[] {
  return sample.hiddenGradNorms.map((hiddenNorms, layer): GradientNormSample => {
    const cellNorms = sample.cellGradNorms?.[layer];
    const decoderHiddenNorms = sample.decoderHiddenGradNorms?.[layer];
    const lossTermHiddenNorms = sample.lossTermHiddenGradNorms?.[layer];
    return {
      epoch: sample.epoch,
      layer,
      hiddenNorms,
      ...(cellNorms !== undefined ? { cellNorms } : {}),
      ...(decoderHiddenNorms !== undefined ? { decoderHiddenNorms } : {}),
      ...(lossTermHiddenNorms !== undefined ? { lossTerm: sample.lossTerm, lossTermHiddenNorms } : {}),
    };
  });
}

/** Null when the eigen-solvers could not measure this sample (the run goes on; `sample.unavailable` says why). */
export function spectralSampleOf(sample: EpochDiagnostics): SpectralSample | null {
  return sample.spectral === null ? null : { epoch: sample.epoch, matrices: sample.spectral.matrices };
}
