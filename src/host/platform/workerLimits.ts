// Memory limits of every worker thread the extension starts (training, Gradient Check, text sample, Compare Remedies,
// export).
// A worker shares the extension host's process: without limits, a run that allocates without bound (a huge hidden
// size × window × batch, an enormous table) grows the process until the operating system kills it, and the editor's
// extensions with it. With `resourceLimits` V8 stops only that worker's isolate when its heap reaches the limit: Node
// emits an 'error' event with code ERR_WORKER_OUT_OF_MEMORY and then 'exit', and the clients turn that into a
// message naming the limit and what to lower. Limits cover the JS heap (arrays, strings, objects); the memory behind
// typed arrays (Float64Array parameters) lives outside it and is not counted.
// No vscode import: the host configures the limit (rnnLab.workers.maxMemoryMB) and the localised wording once.
import type { ResourceLimits } from 'node:worker_threads';

/** The default heap limit of one worker, in MB (a large student run needs a few hundred MB). */
export const DEFAULT_WORKER_HEAP_MB = 1536;
/** The smallest limit accepted from the setting: below it even the intake of a small file cannot run. */
export const MIN_WORKER_HEAP_MB = 128;
/** Young-generation (nursery) size: V8's default for 64-bit heaps; larger buys nothing for these workloads. */
export const WORKER_YOUNG_GENERATION_MB = 32;
/** Stack of the worker's main thread (V8's default is 4 MB; nothing here recurses deeply). */
export const WORKER_STACK_MB = 4;
/** Node's error code when a worker reaches its resourceLimits. */
export const OUT_OF_MEMORY_CODE = 'ERR_WORKER_OUT_OF_MEMORY';

/** Which worker ran out of memory, to name it and say what to lower. */
export type WorkerJob = 'training' | 'gradientCheck' | 'textSample' | 'compareRemedies' | 'export';

export type OutOfMemoryWording = (job: WorkerJob, limitMb: number) => string;

const englishWording: OutOfMemoryWording = (job, limitMb) => {
  switch (job) {
    case 'training':
      return `the training ran out of memory (limit ${limitMb} MB): lower the hidden size, the window, the batch or the amount of data, or raise rnnLab.workers.maxMemoryMB`;
    case 'gradientCheck':
      return `the gradient check ran out of memory (limit ${limitMb} MB): raise rnnLab.workers.maxMemoryMB`;
    case 'textSample':
      return `sampling text ran out of memory (limit ${limitMb} MB): ask for fewer characters, or raise rnnLab.workers.maxMemoryMB`;
    case 'compareRemedies':
      return `Compare Remedies ran out of memory (limit ${limitMb} MB): use fewer epochs or less data, or raise rnnLab.workers.maxMemoryMB`;
    case 'export':
      return `exporting the run ran out of memory (limit ${limitMb} MB): raise rnnLab.workers.maxMemoryMB`;
  }
};

let heapLimit: () => number = () => DEFAULT_WORKER_HEAP_MB;
let wording: OutOfMemoryWording = englishWording;

/** The host's setting and localised wording (host/platform/workerMemory.ts); tests set a small limit. */
export function configureWorkerLimits(options: { readonly heapMb?: () => number; readonly wording?: OutOfMemoryWording }): void {
  if (options.heapMb !== undefined) heapLimit = options.heapMb;
  if (options.wording !== undefined) wording = options.wording;
}

/** The limit in MB now: the configured value, whole and at least MIN_WORKER_HEAP_MB (a bad value gets the default). */
export function workerHeapLimitMb(): number {
  const value = heapLimit();
  if (!Number.isFinite(value)) return DEFAULT_WORKER_HEAP_MB;
  return Math.max(MIN_WORKER_HEAP_MB, Math.round(value));
}

/** The resourceLimits of a worker with a heap of `heapMb`. */
export function workerResourceLimits(heapMb: number = workerHeapLimitMb()): ResourceLimits {
  return {
    maxOldGenerationSizeMb: heapMb,
    maxYoungGenerationSizeMb: Math.min(WORKER_YOUNG_GENERATION_MB, Math.max(1, Math.floor(heapMb / 8))),
    stackSizeMb: WORKER_STACK_MB,
  };
}

export function isOutOfMemory(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === OUT_OF_MEMORY_CODE;
}

/**
 * What a worker's 'error' event means to the user: out of memory becomes the job's message with the limit; any
 * other error keeps its own message.
 */
export function describeWorkerError(error: unknown, job: WorkerJob, limitMb: number): string {
  if (isOutOfMemory(error)) return wording(job, limitMb);
  return error instanceof Error ? error.message : String(error);
}
