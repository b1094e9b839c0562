// Which epochs record the per-timestep gradient norms ‖∂J/∂h_k‖ (docs/maths.md, "Backpropagation through time").
// Measuring them costs an extra backward pass over a probe batch, so only about `maxSamples` epochs are sampled:
// the first, the last, and evenly spaced ones between — enough for the decay chart's one-line-per-epoch view and
// the epoch × timestep heatmap of issue 6.

/** Default number of sampled epochs per run. */
export const DEFAULT_GRADIENT_SAMPLES = 24;

/** True when 1-based `epoch` of `totalEpochs` should record gradient norms per timestep. */
export function isGradientSampleEpoch(epoch: number, totalEpochs: number, maxSamples = DEFAULT_GRADIENT_SAMPLES): boolean {
  if (epoch < 1 || epoch > totalEpochs) return false;
  if (totalEpochs <= maxSamples || epoch === 1 || epoch === totalEpochs) return true;
  // Sampled epochs are round(1 + i·s), i = 0…maxSamples−1, s = (totalEpochs − 1)/(maxSamples − 1) ≥ 1, so they are
  // distinct and only the index nearest to (epoch − 1)/s can land on `epoch`.
  const stride = (totalEpochs - 1) / (maxSamples - 1);
  const index = Math.round((epoch - 1) / stride);
  return Math.round(1 + index * stride) === epoch;
}
