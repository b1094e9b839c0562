// The arithmetic both sides of a threaded mini-batch share: how a batch is cut into shards, θ and ∂J/∂θ to and from
// one flat float64 array (model.parameters.tensors order), and one shard's share computed so that a cancel is seen.
import type { SequenceExample } from '../../engine/dataset';
import type { RecurrentModel } from '../../engine/model';
import type { GradientComputer } from '../../engine/training/gradientComputer';
import type { CancellationFlag } from '../../engine/training/trainLoop';
import type { ParameterSet } from '../../engine/tensor';

/**
 * Sizes of `shards` contiguous shards of `count` sequences, as equal as possible: the first count mod shards get one
 * more. Shard 0 (the calling thread) is never smaller than another, so a tiny batch leaves the last workers idle.
 */
export function shardSizes(count: number, shards: number): number[] {
  const base = Math.floor(count / shards);
  const extra = count % shards;
  return Array.from({ length: shards }, (_, k) => base + (k < extra ? 1 : 0));
}

export function parameterTotal(parameters: ParameterSet): number {
  let total = 0;
  for (const tensor of parameters.tensors) total += tensor.data.length;
  return total;
}

/** θ (or ∂J/∂θ) → `flat`, tensor after tensor. */
export function flattenInto(parameters: ParameterSet, flat: Float64Array): void {
  let offset = 0;
  for (const tensor of parameters.tensors) {
    flat.set(tensor.data, offset);
    offset += tensor.data.length;
  }
}

/** `flat` → θ, tensor after tensor (the shapes are the model's own). */
export function unflattenFrom(flat: Float64Array, parameters: ParameterSet): void {
  let offset = 0;
  for (const tensor of parameters.tensors) {
    tensor.data.set(flat.subarray(offset, offset + tensor.data.length));
    offset += tensor.data.length;
  }
}

/** ∂J/∂θ += flat: the shares of one batch add up because each is normalised by the whole batch's m. */
export function addFrom(flat: Float64Array, gradients: ParameterSet): void {
  let offset = 0;
  for (const tensor of gradients.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) data[i]! += flat[offset + i]!;
    offset += data.length;
  }
}

/**
 * `computer.accumulate` of one shard, NaN when `cancel` became set. The float64 path runs one sequence at a time
 * anyway (forward, loss, backward), so calling it sequence by sequence is the same arithmetic in the same order —
 * J summed from 0 left to right, ∂J/∂θ added in place — and lets the cancel be seen between sequences; the float32
 * path batches its shard and watches `cancel` itself.
 */
export function accumulateShard(
  computer: GradientComputer,
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  order: ArrayLike<number>,
  start: number,
  count: number,
  m: number,
  cancel: CancellationFlag | undefined,
): number {
  if (computer.precision !== 'float64') {
    const loss = computer.accumulate(model, examples, order, start, count, m, cancel);
    return cancel?.aborted === true ? Number.NaN : loss;
  }
  let loss = 0;
  for (let b = 0; b < count; b++) {
    if (cancel?.aborted === true) return Number.NaN;
    loss += computer.accumulate(model, examples, order, start + b, 1, m, cancel);
  }
  return loss;
}
