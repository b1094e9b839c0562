// Losses, docs/maths.md "Losses". Both are normalised by m, the number of scored values over the WHOLE mini-batch,
// so each function takes m and returns its sequence's share of J; summing the shares over the batch gives J.
//   MSE (the lecture's, with the ½):  J = 1/(2m) Σ_i (ŷ_i − y_i)²,   ∂J/∂ŷ_i = (ŷ_i − y_i)/m
//   (TF.js and Keras omit the ½, so their gradient is twice this one.)
//   Softmax cross-entropy:            J = −(1/m) Σ_t log softmax(ŷ_t)_{y_t},   ∂J/∂ŷ_t = (softmax(ŷ_t) − onehot(y_t))/m
//   For cross-entropy a scored value is one class label (one per scored step).
import type { LossKind } from './modelConfig';

/** Default name of each loss, for messages. */
export const LOSS_DESCRIPTIONS: Readonly<Record<LossKind, string>> = {
  mse: 'mean squared error J = 1/(2m) Σ (ŷ − y)²',
  xent: 'softmax cross-entropy J = −(1/m) Σ log softmax(ŷ)_y',
};

/**
 * MSE share of one sequence: returns 1/(2m) Σ (ŷ − y)² over `count` values and writes ∂J/∂ŷ = (ŷ − y)/m into
 * `gradient` (when given).
 */
export function meanSquaredError(
  outputs: Float64Array,
  targets: Float64Array,
  count: number,
  m: number,
  gradient: Float64Array | null,
): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const difference = outputs[i] - targets[i];
    sum += difference * difference;
    if (gradient !== null) gradient[i] = difference / m;
  }
  return sum / (2 * m);
}

/**
 * Cross-entropy share of one sequence: `steps` rows of `classes` logits each, one target class per row. Returns
 * −(1/m) Σ log softmax(ŷ_t)_{y_t} and writes (softmax(ŷ_t) − onehot(y_t))/m into `gradient` (when given).
 */
export function softmaxCrossEntropy(
  logits: Float64Array,
  targetClasses: Int32Array,
  steps: number,
  classes: number,
  m: number,
  gradient: Float64Array | null,
): number {
  let total = 0;
  for (let t = 0; t < steps; t++) {
    const offset = t * classes;
    // log-sum-exp with the maximum subtracted, so exp never overflows
    let maximum = -Infinity;
    for (let k = 0; k < classes; k++) if (logits[offset + k] > maximum) maximum = logits[offset + k];
    let sumExp = 0;
    for (let k = 0; k < classes; k++) sumExp += Math.exp(logits[offset + k] - maximum);
    const logSumExp = maximum + Math.log(sumExp);
    const target = targetClasses[t];
    total += logSumExp - logits[offset + target];
    if (gradient !== null) {
      for (let k = 0; k < classes; k++) {
        const probability = Math.exp(logits[offset + k] - logSumExp);
        gradient[offset + k] = (probability - (k === target ? 1 : 0)) / m;
      }
    }
  }
  return total / m;
}
