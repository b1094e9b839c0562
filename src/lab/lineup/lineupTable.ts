// The Compare Remedies table (issue 6): one row per trained line-up entry. Pure: the panel and the tests both use it.
//
// Loss threshold: J* = COMPARE_THRESHOLD_FACTOR × (the best final validation J of the line-up), J = 1/(2m)Σ(ŷ−y)²
// (docs/maths.md "Losses"). "Steps to threshold" counts optimiser updates until an entry's validation J first falls to
// J* or below: epoch e (1-based) ends after e × (updates per epoch) updates. An echo state network fits its readout in
// closed form: 0 gradient updates, so it reaches J* in 0 steps when its J ≤ J*, else never.

/** J* = 1.5 × best final validation J: "within 50 % of the best remedy". */
export const COMPARE_THRESHOLD_FACTOR = 1.5;

/** What one trained entry measured (the worker's result without the curves). */
export interface CompareEntryMeasurement {
  readonly id: string;
  readonly label: string;
  readonly finalValidationLoss: number;
  readonly validationLossPerEpoch: readonly number[];
  /** Optimiser updates per epoch; 0 for a closed-form fit (ESN). */
  readonly updatesPerEpoch: number;
  readonly clippedPercent: number | null;
  readonly lambda1: number | null;
  readonly wallMilliseconds: number;
  readonly diverged: string | null;
}

export interface CompareTableRow {
  readonly id: string;
  readonly label: string;
  readonly finalValidationLoss: number;
  /** Updates until validation J ≤ J*; null when never reached. */
  readonly stepsToThreshold: number | null;
  readonly clippedPercent: number | null;
  readonly lambda1: number | null;
  readonly seconds: number;
  readonly diverged: string | null;
  /** Lowest final validation J of the line-up. */
  readonly best: boolean;
}

/** J* for the line-up, or NaN when no entry has a finite final validation J. */
export function lossThreshold(entries: readonly Pick<CompareEntryMeasurement, 'finalValidationLoss'>[], factor = COMPARE_THRESHOLD_FACTOR): number {
  let best = Number.POSITIVE_INFINITY;
  for (const entry of entries) if (Number.isFinite(entry.finalValidationLoss) && entry.finalValidationLoss < best) best = entry.finalValidationLoss;
  return Number.isFinite(best) ? factor * best : Number.NaN;
}

/** Updates until the validation J first reaches J* (≤), or null. */
export function stepsToThreshold(validationLossPerEpoch: readonly number[], updatesPerEpoch: number, threshold: number): number | null {
  if (!Number.isFinite(threshold)) return null;
  for (let epoch = 0; epoch < validationLossPerEpoch.length; epoch++) {
    const loss = validationLossPerEpoch[epoch]!;
    if (Number.isFinite(loss) && loss <= threshold) return (epoch + 1) * updatesPerEpoch;
  }
  return null;
}

export function compareTableRows(entries: readonly CompareEntryMeasurement[], threshold = lossThreshold(entries)): CompareTableRow[] {
  const bestLoss = lossThreshold(entries, 1);
  return entries.map((entry) => ({
    id: entry.id,
    label: entry.label,
    finalValidationLoss: entry.finalValidationLoss,
    stepsToThreshold: stepsToThreshold(entry.validationLossPerEpoch, entry.updatesPerEpoch, threshold),
    clippedPercent: entry.clippedPercent,
    lambda1: entry.lambda1,
    seconds: entry.wallMilliseconds / 1000,
    diverged: entry.diverged,
    best: Number.isFinite(bestLoss) && entry.finalValidationLoss === bestLoss,
  }));
}
