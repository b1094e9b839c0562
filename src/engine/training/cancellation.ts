// How a caller stops training: anything with an `aborted` flag (an AbortSignal fits; the extension's training worker
// reads a SharedArrayBuffer word, the threads a shared cancel word).

/** Anything with an `aborted` flag (an AbortSignal fits). */
export interface CancellationFlag {
  readonly aborted: boolean;
}
