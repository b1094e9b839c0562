// The training panel's live update rate (issue 6: at most 10 chart updates per second): the largest number of
// progress messages forwarded within any window of one second. No vscode import, so it is unit-tested.

/** The largest number of timestamps (ms, ascending) inside any half-open window [t, t + windowMs). */
export function maxInWindow(timestamps: readonly number[], windowMs = 1000): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < timestamps.length; end++) {
    while (timestamps[end]! - timestamps[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
