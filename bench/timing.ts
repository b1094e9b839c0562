// Timing helpers: a monotonic clock, the median, and calibration of how many steps fill a measurement window.

export function nowMs(): number {
  return performance.now();
}

/**
 * CPU time (user + system) of this process in ms. The timed loops are single-threaded, so on an idle machine this
 * equals wall time; on a shared machine (other jobs on the same cores) it is not inflated by time spent descheduled,
 * which keeps the alternating comparison fair. Rates are reported per CPU-second (wall-clock rates in the JSON).
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Steps whose duration is ≈ `windowMs`, from the measured duration of `probeSteps` steps (at least 1 step). */
export function stepsForWindow(windowMs: number, probeMs: number, probeSteps: number): number {
  const perStep = Math.max(probeMs / probeSteps, 1e-3);
  return Math.max(1, Math.min(1_000_000, Math.round(windowMs / perStep)));
}
