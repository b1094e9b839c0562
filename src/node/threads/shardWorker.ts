// The two roles of dist/gradientShardWorker.js (src/worker/gradientShardWorker.ts):
//
// - supervisor: the one thread the ThreadedGradientComputer starts. It starts the N−1 shard workers and watches
//   them. The calling thread is blocked in Atomics.wait during a batch, so its own 'error'/'exit' handlers could not
//   run until the training ends; the supervisor's event loop is idle, so it sees a shard worker die (out of memory
//   at its resourceLimits, an exit) at once and writes that into the shard's slot, which wakes the calling thread.
// - shard: builds its own RecurrentModel and local GradientComputer from the config, then loops: wait for a
//   request, copy the shared θ into its model, zero its ∂J/∂θ, compute its shard's share (normalised by the whole
//   batch's m), publish ∂J/∂θ and J into its slot.
import { restoreOneHot } from '../../engine/oneHotExample';
import { Worker } from 'node:worker_threads';
import { createGradientComputer } from '../../engine/fast/computers';
import type { SequenceExample } from '../../engine/dataset';
import { RecurrentModel } from '../../engine/model';
import { DEAD, ERROR, STOP, ShardViews, type ShardWorkerData } from './shardBuffers';
import { accumulateShard, flattenInto, parameterTotal, unflattenFrom } from './shardCompute';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function runSupervisor(data: ShardWorkerData): void {
  const views = new ShardViews(data.buffers);
  for (let slot = 0; slot < data.buffers.slots; slot++) {
    const shardData: ShardWorkerData = { ...data, role: 'shard', slot };
    const worker = new Worker(data.workerScript, {
      workerData: shardData,
      ...(data.resourceLimits !== undefined ? { resourceLimits: data.resourceLimits } : {}),
    });
    // a shard that threw has already reported its own message: report() keeps the first one
    worker.on('error', (error) => views.report(slot, DEAD, `gradient shard worker ${slot + 1} failed: ${messageOf(error)}`));
    worker.on('exit', (code) => {
      if (views.load(slot, 'request') !== STOP) views.report(slot, DEAD, `gradient shard worker ${slot + 1} stopped (exit code ${code})`);
    });
  }
  // each shard worker has its own copy now
  data.examples = null;
}

interface ShardState {
  readonly model: RecurrentModel;
  readonly computer: ReturnType<typeof createGradientComputer>;
  readonly examples: readonly SequenceExample[];
}

function startShard(data: ShardWorkerData): ShardState {
  const model = new RecurrentModel(data.config);
  const total = parameterTotal(model.parameters);
  if (total !== data.buffers.parameterCount) {
    throw new Error(`the model of this config has ${total} parameters, the calling thread's has ${data.buffers.parameterCount}`);
  }
  const examples = (data.examples ?? []).map((example): SequenceExample =>
    example.inputClasses !== undefined ? (restoreOneHot(example, data.config.inputSize) as SequenceExample) : (example as SequenceExample),
  );
  return { model, computer: createGradientComputer(data.precision, data.config), examples };
}

function computeShard(state: ShardState, views: ShardViews, slot: number): void {
  const { model, computer, examples } = state;
  const offset = views.load(slot, 'offset');
  const count = views.load(slot, 'count');
  for (let b = 0; b < count; b++) {
    const index = views.order[offset + b]!;
    if (examples[index] === undefined) {
      throw new Error(`example ${index} is not among the ${examples.length} training examples this worker received`);
    }
  }
  unflattenFrom(views.parameters, model.parameters);
  model.zeroGradients();
  const lossIndex = views.lossIndex(slot);
  const m = views.results[lossIndex + 1]!;
  const cancel = { get aborted(): boolean { return views.cancelled; } };
  const loss = accumulateShard(computer, model, examples, views.order, offset, count, m, cancel);
  flattenInto(model.gradients, views.gradient(slot));
  views.results[lossIndex] = loss;
}

/** Never returns while the calling thread wants it: blocked in Atomics.wait between batches. */
export function runShard(data: ShardWorkerData): void {
  const views = new ShardViews(data.buffers);
  const slot = data.slot;
  let state: ShardState;
  try {
    state = startShard(data);
  } catch (error) {
    views.report(slot, ERROR, messageOf(error));
    return;
  }
  const request = views.word(slot, 'request');
  let seen = 0;
  for (;;) {
    // generations only grow, so "not the one last served" means a new request (or STOP)
    Atomics.wait(views.control, request, seen);
    const generation = views.load(slot, 'request');
    if (generation === STOP) return;
    try {
      computeShard(state, views, slot);
    } catch (error) {
      views.report(slot, ERROR, messageOf(error));
      return;
    }
    views.store(slot, 'done', generation);
    Atomics.notify(views.control, views.word(slot, 'done'));
    seen = generation;
  }
}
