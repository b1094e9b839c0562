// The shared memory of a ThreadedGradientComputer (threadedGradientComputer.ts) and its shard workers
// (shardWorker.ts): plain SharedArrayBuffers, so a synchronous training loop can hand a mini-batch's shards to the
// workers and collect ∂J/∂θ without ever yielding to the event loop (Atomics.store/notify to start, Atomics.wait to
// wait). Slot s (0-based) belongs to worker s + 1; shard 0 is computed by the calling thread itself.
//
// Ordering: every plain write (parameters, shard indices, gradients, loss, error text) happens before the Atomics
// store that publishes it, and every reader does the matching Atomics load first; Atomics are sequentially
// consistent, so the reader sees the writes.
import type { ResourceLimits } from 'node:worker_threads';
import type { ModelConfig } from '../../engine/modelConfig';
import type { Precision } from '../../engine/training/gradientComputer';

/** Control words: CANCEL once, then CONTROL_WORDS per slot from SLOT_BASE. */
export const CANCEL = 0;
const SLOT_BASE = 1;
const CONTROL_WORDS = 5;
/** Per slot: the generation the calling thread asks for (STOP ends the worker's loop). */
const REQUEST = 0;
/** Per slot: the last generation the worker finished; also the word every status change notifies. */
const DONE = 1;
/** Per slot: OK, or why the worker can no longer answer (ERROR: it threw; DEAD: its thread ended). */
const STATUS = 2;
/** Per slot: where its shard's example indices start in `order`, and how many. */
const OFFSET = 3;
const COUNT = 4;
type SlotWord = 'request' | 'done' | 'status' | 'offset' | 'count';
const WORD_INDEX: Readonly<Record<SlotWord, number>> = { request: REQUEST, done: DONE, status: STATUS, offset: OFFSET, count: COUNT };

export const STOP = -1;
export const OK = 0;
export const ERROR = 1;
export const DEAD = 2;
/** A report is being written: not yet ERROR or DEAD. */
const WRITING = 3;

/** Bytes of UTF-8 error text per slot (a longer message is cut). */
const ERROR_BYTES = 2048;

/** Everything a shard worker needs, sent once as workerData (SharedArrayBuffers are shared, not copied). */
export interface ShardBuffers {
  /** θ flattened in model.parameters.tensors order [P]. */
  readonly parameters: SharedArrayBuffer;
  /** Per slot: ∂J_shard/∂θ [P], then J_shard, then m (the whole batch's scored values). */
  readonly results: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
  /** Example indices of the batch's worker shards (each slot reads its own range). */
  readonly order: SharedArrayBuffer;
  readonly errors: SharedArrayBuffer;
  readonly parameterCount: number;
  readonly slots: number;
}

/** One training example as a plain object: only data fields, so a getter or a class never crosses the thread. */
/** An example as it travels: one-hot examples carry inputClasses and no dense inputs (engine/oneHotExample.ts). */
export interface PlainExample {
  readonly inputLength: number;
  readonly inputs?: Float64Array;
  readonly targetLength: number;
  readonly targets: Float64Array;
  readonly targetClasses?: Int32Array;
  readonly inputClasses?: Int32Array;
}

export interface ShardWorkerData {
  readonly role: 'supervisor' | 'shard';
  /** The shard worker's slot (role 'shard' only). */
  readonly slot: number;
  readonly config: ModelConfig;
  readonly precision: Precision;
  readonly buffers: ShardBuffers;
  /** The bundled worker script, which the supervisor starts again as each shard worker. */
  readonly workerScript: string;
  readonly resourceLimits: ResourceLimits | undefined;
  examples: PlainExample[] | null;
}

export function createShardBuffers(parameterCount: number, slots: number, maxExamples: number): ShardBuffers {
  const f64 = Float64Array.BYTES_PER_ELEMENT;
  const i32 = Int32Array.BYTES_PER_ELEMENT;
  return {
    parameters: new SharedArrayBuffer(Math.max(1, parameterCount) * f64),
    results: new SharedArrayBuffer(Math.max(1, slots * (parameterCount + 2)) * f64),
    control: new SharedArrayBuffer((SLOT_BASE + slots * CONTROL_WORDS) * i32),
    order: new SharedArrayBuffer(Math.max(1, maxExamples) * i32),
    errors: new SharedArrayBuffer(Math.max(1, slots * ERROR_BYTES)),
    parameterCount,
    slots,
  };
}

/** Typed views of the buffers, with the word arithmetic in one place. */
export class ShardViews {
  readonly parameters: Float64Array;
  readonly results: Float64Array;
  readonly control: Int32Array;
  readonly order: Int32Array;
  private readonly errors: Uint8Array;

  constructor(readonly buffers: ShardBuffers) {
    this.parameters = new Float64Array(buffers.parameters, 0, buffers.parameterCount);
    this.results = new Float64Array(buffers.results);
    this.control = new Int32Array(buffers.control);
    this.order = new Int32Array(buffers.order);
    this.errors = new Uint8Array(buffers.errors);
  }

  word(slot: number, which: SlotWord): number {
    return SLOT_BASE + slot * CONTROL_WORDS + WORD_INDEX[which];
  }

  load(slot: number, which: SlotWord): number {
    return Atomics.load(this.control, this.word(slot, which));
  }

  store(slot: number, which: SlotWord, value: number): void {
    Atomics.store(this.control, this.word(slot, which), value);
  }

  /** ∂J/∂θ of the slot's shard [P]. */
  gradient(slot: number): Float64Array {
    const stride = this.buffers.parameterCount + 2;
    return this.results.subarray(slot * stride, slot * stride + this.buffers.parameterCount);
  }

  /** Index of J_shard in `results`; m is the next value. */
  lossIndex(slot: number): number {
    return slot * (this.buffers.parameterCount + 2) + this.buffers.parameterCount;
  }

  get cancelled(): boolean {
    return Atomics.load(this.control, CANCEL) !== 0;
  }

  /**
   * Records why slot `slot` can no longer answer and wakes the calling thread. The first report wins (a worker's
   * 'error' comes before its 'exit'; a thrown error before the thread's end).
   */
  report(slot: number, status: typeof ERROR | typeof DEAD, message: string): void {
    // claim the slot's text (WRITING), write it, then publish the status: a reader that sees ERROR or DEAD reads
    // the whole text, and a second reporter (the supervisor seeing the thread end after it threw) changes nothing
    if (Atomics.compareExchange(this.control, this.word(slot, 'status'), OK, WRITING) !== OK) return;
    const bytes = new TextEncoder().encode(message).subarray(0, ERROR_BYTES - 4);
    this.errors.set(bytes, slot * ERROR_BYTES + 4);
    new DataView(this.buffers.errors).setUint32(slot * ERROR_BYTES, bytes.length, true);
    this.store(slot, 'status', status);
    Atomics.notify(this.control, this.word(slot, 'done'));
  }

  errorText(slot: number): string {
    const length = new DataView(this.buffers.errors).getUint32(slot * ERROR_BYTES, true);
    // slice(): TextDecoder refuses views of shared memory
    return new TextDecoder().decode(this.errors.slice(slot * ERROR_BYTES + 4, slot * ERROR_BYTES + 4 + length));
  }
}
