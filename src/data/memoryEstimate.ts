// How much memory the prepared data (the windows training reads) will take, estimated before any of it is
// allocated, so a file that would exhaust the heap is refused with a number and a remedy instead of the process
// dying with "JavaScript heap out of memory" half a minute later. The lab part adds its own estimate of the model and
// its BPTT activations on top (it can call estimatePreparedDataBytes with the same shapes).
//
// Every window is one SequenceExample: an object with two Float64Arrays (inputs [T × I], targets [M × O]; characters
// also an Int32Array of target classes, and their one-hot inputs are an Int32Array of input classes instead of the
// dense [T × V]). Measured in Node 20 (V8): a window of 2 inputs and 1 target costs ≈ 590 bytes of RSS, one of 40 + 20 values ≈ 1,290 bytes — a fixed ≈ 640 bytes (the object, the array slot, and for each
// typed array its JSTypedArray + JSArrayBuffer objects and the allocator's header) plus 8 bytes per value.
import { DataError } from './dataError';

/** Fixed cost of one window besides its values (see above). */
export const WINDOW_OVERHEAD_BYTES = 640;
/** Most memory the prepared windows may take: a third of the 1.5 GB a training process should stay under. */
export const PREPARED_DATA_BUDGET_BYTES = 512 * 1024 * 1024;

/** The largest stride the settings allow (rnnLab.data.stride in src/lab/settings/settingsSchema.ts). */
const MAX_STRIDE = 1000;

export interface PreparedDataShape {
  /** Windows (examples), training and validation together. */
  readonly windows: number;
  /** T: input steps per window (the longest, for sequences of different lengths). */
  readonly inputLength: number;
  /** I: features per input step (V for one-hot characters). */
  readonly inputSize: number;
  /** M: scored steps per window. */
  readonly targetLength: number;
  /** O: values per scored step (0 when targets are class indices, see `targetClasses`). */
  readonly outputSize: number;
  /** Class indices per window (Int32), for character and label models. */
  readonly targetClasses?: number;
  /** One-hot inputs kept as class indices (engine/oneHotExample.ts): 4·T bytes instead of 8·T·I. */
  readonly oneHotInputs?: boolean;
}

/**
 * Bytes the windows of `shape` take in memory: windows × (overhead + inputs + 8·M·O + 4·classes), inputs = 8·T·I
 * dense, or 4·T for one-hot inputs kept as class indices (the dense rows are built per access, not kept).
 */
export function estimatePreparedDataBytes(shape: PreparedDataShape): number {
  const inputs = shape.oneHotInputs === true ? 4 * shape.inputLength : 8 * shape.inputLength * shape.inputSize;
  const values = inputs + 8 * shape.targetLength * shape.outputSize + 4 * (shape.targetClasses ?? 0);
  return shape.windows * (WINDOW_OVERHEAD_BYTES + values);
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? megabytes.toFixed(0) : megabytes.toFixed(1)} MB`;
}

export interface BudgetContext {
  readonly source: string;
  /** The stride in use, to say which stride would fit (undefined when the data has no stride, e.g. sequences). */
  readonly stride?: number;
  /** What the data is made of, for the hint: "rows" or "characters". */
  readonly unit?: string;
}

/**
 * Throws a DataError ('too-large') when the prepared data of `shape` would exceed `budget` bytes, with the estimate,
 * the budget, and what to change: a larger stride (the smallest that fits, when there is a stride), a shorter window,
 * or less data.
 */
export function assertPreparedDataFits(shape: PreparedDataShape, context: BudgetContext, budget = PREPARED_DATA_BUDGET_BYTES): void {
  const bytes = estimatePreparedDataBytes(shape);
  if (bytes <= budget) return;
  const remedies: string[] = [];
  if (context.stride !== undefined) {
    // Windows scale as 1/stride: the stride that brings the estimate under the budget.
    const stride = Math.ceil((context.stride * bytes) / budget);
    if (stride <= MAX_STRIDE) remedies.push(`a larger stride (--stride ${stride} or the setting rnnLab.data.stride; now ${context.stride})`);
  }
  remedies.push('a shorter window (--window)', `or fewer ${context.unit ?? 'rows'} (a part of the file)`);
  throw new DataError(
    `the prepared data would take about ${formatMegabytes(bytes)} of memory (${shape.windows} windows of ${shape.inputLength} × ${shape.inputSize} inputs), over the budget of ${formatMegabytes(budget)}`,
    { code: 'too-large', source: context.source, hint: `Use ${remedies.join(', ')}.` },
  );
}
