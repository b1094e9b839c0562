// Stopping a long load or preparation: the caller passes `{ aborted }` (the same shape the training loop reads,
// src/engine/training/train.ts) and sets `aborted` to true; the data part looks at it every CANCEL_CHECK_INTERVAL rows
// or windows and throws DataCancelled, which is not a DataError (nothing is wrong with the data).

export interface CancelSignal {
  readonly aborted: boolean;
}

/** Rows or windows between two looks at the signal (a power of two: `(count & CANCEL_CHECK_MASK) === 0`). */
export const CANCEL_CHECK_INTERVAL = 65536;
export const CANCEL_CHECK_MASK = CANCEL_CHECK_INTERVAL - 1;

export class DataCancelled extends Error {
  constructor(readonly source = '') {
    super(source === '' ? 'data intake cancelled' : `${source}: data intake cancelled`);
    this.name = 'DataCancelled';
  }
}

export function isDataCancelled(error: unknown): error is DataCancelled {
  return error instanceof DataCancelled;
}

export function throwIfCancelled(cancel: CancelSignal | undefined, source = ''): void {
  if (cancel?.aborted === true) throw new DataCancelled(source);
}
