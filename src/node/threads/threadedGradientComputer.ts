// Data-parallel mini-batches on worker threads. A batch's J and ∂J/∂θ are normalised by the whole batch's m, so the
// shares of contiguous shards add up to the whole (engine/training/gradientComputer.ts): with N threads the batch
// [start, start+count) is cut into N shards, the calling thread computes shard 0 into model.gradients while N−1
// shard workers compute the others, and their ∂J/∂θ and J are then added in shard order 1, 2, … — a fixed order, so
// the result depends on N (floating-point sums are not associative) but never on which thread finishes first.
//
// The training loop is synchronous, so dispatch is too: θ, the shards' example indices, the results and the control
// words live in SharedArrayBuffers (shardBuffers.ts); the calling thread starts the workers with Atomics.notify and
// waits with Atomics.wait in 20 ms steps, checking its cancel flag between them. The workers are started and
// watched by one supervisor thread (shardWorker.ts), whose idle event loop turns a worker's death into an error
// here: this thread's own event handlers cannot run while it waits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { SequenceExample } from '../../engine/dataset';
import { createGradientComputer } from '../../engine/fast/computers';
import { createZeroParameters, type RecurrentModel } from '../../engine/model';
import type { ModelConfig } from '../../engine/modelConfig';
import type { GradientComputer, Precision } from '../../engine/training/gradientComputer';
import type { CancellationFlag } from '../../engine/training/trainLoop';
import { CANCEL, DEAD, ERROR, STOP, ShardViews, createShardBuffers, type PlainExample, type ShardWorkerData } from './shardBuffers';
import { accumulateShard, addFrom, flattenInto, parameterTotal, shardSizes } from './shardCompute';

/** The bundled worker's file name: esbuild.js writes it next to dist/cli.js, dist/extension.js and the other workers. */
export const SHARD_WORKER_FILE = 'gradientShardWorker.js';
/** How long one Atomics.wait lasts before the cancel flag is read again: a cancel is answered within this. */
const WAIT_MS = 20;
/**
 * host/platform/workerLimits.ts's workerResourceLimits() at its default heap (DEFAULT_WORKER_HEAP_MB); node/ may not
 * import host/, so a host that has the user's rnnLab.workers.maxMemoryMB passes `resourceLimits` itself.
 */
const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

// a function, so that TypeScript does not narrow `aborted` across the calls that may see it set
function isAborted(cancel: CancellationFlag | undefined): boolean {
  return cancel?.aborted === true;
}

export interface ThreadedComputerOptions {
  /** Threads in all, the calling thread included: N−1 worker threads are started (1: none). */
  readonly threads: number;
  readonly precision: Precision;
  readonly config: ModelConfig;
  /** The examples `accumulate` will index with `order`: each worker gets its own copy once, at the start. */
  readonly trainingExamples: readonly SequenceExample[];
  /** Path of dist/gradientShardWorker.js (default: next to the running bundle, SHARD_WORKER_FILE in __dirname). */
  readonly workerScript?: string;
  /** Each worker's limits (default: the extension's default worker limits). */
  readonly resourceLimits?: ResourceLimits;
}

/** The shard worker beside the running bundle (dist/); a caller running from elsewhere passes `workerScript`. */
export function defaultShardWorkerScript(): string {
  return path.join(__dirname, SHARD_WORKER_FILE);
}

/** Only the data fields, built explicitly: a getter or a class instance must not reach the structured clone. */
function plainExample(example: SequenceExample): PlainExample {
  const classes = example as { readonly targetClasses?: Int32Array; readonly inputClasses?: Int32Array };
  return {
    inputLength: example.inputLength,
    // a one-hot example's dense inputs would be built for every window: the classes travel instead
    ...(classes.inputClasses === undefined ? { inputs: example.inputs } : {}),
    targetLength: example.targetLength,
    targets: example.targets,
    ...(classes.targetClasses !== undefined ? { targetClasses: classes.targetClasses } : {}),
    ...(classes.inputClasses !== undefined ? { inputClasses: classes.inputClasses } : {}),
  };
}

export function createThreadedComputer(options: ThreadedComputerOptions): ThreadedGradientComputer {
  return new ThreadedGradientComputer(options);
}

export class ThreadedGradientComputer implements GradientComputer {
  readonly precision: Precision;
  /** Threads in all, the calling thread included. */
  readonly threads: number;
  /** Settles once the worker threads have ended (after dispose, or when they stopped on their own). */
  readonly terminated: Promise<void>;
  private readonly local: GradientComputer;
  /** The kernels of this thread's computer (the shard workers load the same). */
  get backend(): string | undefined {
    return this.local.backend;
  }
  private readonly views: ShardViews;
  private readonly supervisor: Worker | null;
  /** Per slot, the generation it was last asked for (0: never). */
  private readonly pending: Int32Array;
  private generation = 0;
  private disposed = false;

  constructor(options: ThreadedComputerOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new RangeError(`threads must be an integer ≥ 1, got ${options.threads}`);
    this.precision = options.precision;
    this.threads = options.threads;
    this.local = createGradientComputer(options.precision, options.config);
    const slots = options.threads - 1;
    const buffers = createShardBuffers(parameterTotal(createZeroParameters(options.config)), slots, options.trainingExamples.length);
    this.views = new ShardViews(buffers);
    this.pending = new Int32Array(slots);
    if (slots === 0) {
      this.supervisor = null;
      this.terminated = Promise.resolve();
      return;
    }
    const workerScript = options.workerScript ?? defaultShardWorkerScript();
    if (!fs.existsSync(workerScript)) throw new Error(`the gradient shard worker is missing: ${workerScript} (build it with node esbuild.js)`);
    const data: ShardWorkerData = {
      role: 'supervisor',
      slot: -1,
      config: options.config,
      precision: options.precision,
      buffers,
      workerScript,
      resourceLimits: options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS,
      examples: options.trainingExamples.map(plainExample),
    };
    // the supervisor holds nothing but the examples it hands on: no limits of its own
    const supervisor = new Worker(workerScript, { workerData: data });
    this.supervisor = supervisor;
    // a training that ends without dispose() must not keep the process alive
    supervisor.unref();
    this.terminated = new Promise((resolve) => supervisor.once('exit', () => resolve()));
    // seen only when this thread is not waiting (e.g. between trainings): then no slot can answer any more
    const lost = (reason: string): void => {
      for (let slot = 0; slot < slots; slot++) this.views.report(slot, DEAD, reason);
    };
    supervisor.on('error', (error) => lost(`the gradient shard workers' supervisor failed: ${error instanceof Error ? error.message : String(error)}`));
    supervisor.on('exit', (code) => {
      if (!this.disposed) lost(`the gradient shard workers' supervisor stopped (exit code ${code})`);
    });
  }

  accumulate(
    model: RecurrentModel,
    examples: readonly SequenceExample[],
    order: ArrayLike<number>,
    start: number,
    count: number,
    m: number,
    cancel?: CancellationFlag,
  ): number {
    if (this.disposed) throw new Error('the threaded gradient computer was disposed');
    const views = this.views;
    if (isAborted(cancel)) return this.cancelled();
    // a cancelled batch may still run on a worker (it stops at the shared cancel flag): let it end before θ changes
    for (let slot = 0; slot < this.pending.length; slot++) this.waitFor(slot, undefined);
    Atomics.store(views.control, CANCEL, 0);
    if (count > views.order.length) throw new Error(`a batch of ${count} sequences, but the computer was created for ${views.order.length} examples`);
    if (parameterTotal(model.parameters) !== views.buffers.parameterCount) {
      throw new Error('the model does not have the parameters of the config the threaded computer was created for');
    }
    const sizes = shardSizes(count, this.threads);
    flattenInto(model.parameters, views.parameters);
    this.generation++;
    let offset = sizes[0]!;
    for (let slot = 0; slot < this.pending.length; slot++) {
      const size = sizes[slot + 1]!;
      if (size === 0) continue;
      // the indices sit at the same offset in the shared array as in the batch
      for (let b = 0; b < size; b++) views.order[offset + b] = order[start + offset + b]!;
      views.store(slot, 'offset', offset);
      views.store(slot, 'count', size);
      views.results[views.lossIndex(slot) + 1] = m;
      this.pending[slot] = this.generation;
      views.store(slot, 'request', this.generation);
      Atomics.notify(views.control, views.word(slot, 'request'));
      offset += size;
    }
    let loss = accumulateShard(this.local, model, examples, order, start, sizes[0]!, m, cancel);
    if (isAborted(cancel)) return this.cancelled();
    for (let slot = 0; slot < this.pending.length; slot++) {
      if (sizes[slot + 1] === 0) continue;
      if (!this.waitFor(slot, cancel)) return this.cancelled();
      addFrom(views.gradient(slot), model.gradients);
      loss += views.results[views.lossIndex(slot)]!;
    }
    return loss;
  }

  /** Validation is forward passes only: the calling thread does it with its own computer. */
  lastStepOutputs(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): Float64Array | null {
    if (this.local.lastStepOutputs === undefined) throw new Error('this computer has no batched forward pass');
    return this.local.lastStepOutputs(model, examples, cancel);
  }

  evaluate(model: RecurrentModel, examples: readonly SequenceExample[], cancel?: CancellationFlag): number | null {
    return this.local.evaluate(model, examples, cancel);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (let slot = 0; slot < this.pending.length; slot++) {
      this.views.store(slot, 'request', STOP);
      Atomics.notify(this.views.control, this.views.word(slot, 'request'));
    }
    // ending the supervisor ends the shard workers it started (Node stops a thread's workers with it)
    void this.supervisor?.terminate().catch(() => undefined);
    this.local.dispose();
  }

  /** The workers stop at the shared flag; the batch is not applied (the training loop sees `cancel` set). */
  private cancelled(): number {
    Atomics.store(this.views.control, CANCEL, 1);
    return Number.NaN;
  }

  /**
   * Waits until slot `slot` has finished the generation it was last given: true when it has, false when `cancel`
   * became set first. A worker that threw or died ends the computer and throws its message.
   */
  private waitFor(slot: number, cancel: CancellationFlag | undefined): boolean {
    const views = this.views;
    const done = views.word(slot, 'done');
    for (;;) {
      const finished = Atomics.load(views.control, done);
      if (finished === this.pending[slot]) return true;
      const status = views.load(slot, 'status');
      if (status === ERROR || status === DEAD) {
        const text = views.errorText(slot);
        this.dispose();
        throw new Error(status === ERROR ? `gradient shard worker ${slot + 1}: ${text}` : text);
      }
      if (isAborted(cancel)) return false;
      Atomics.wait(views.control, done, finished, WAIT_MS);
    }
  }
}
