// The benchmark's training data (issue 4, "Performance", W1): windows of a noisy sine series, T inputs and the next
// value as the target (many-to-one, MSE on the last step). The same windows feed RNN Lab, TensorFlow.js and brain.js.
import type { SequenceExample } from '../src/engine/dataset';
import { SeededRandom } from '../src/engine/random';

/** Period of the sine in samples and the standard deviation of the added Gaussian noise. */
export const SINE_PERIOD = 25;
export const SINE_NOISE_STD = 0.1;

export interface BenchWindows {
  readonly length: number;
  /** RNN Lab: inputs [T×1], target [1×1] = the value after the window. */
  readonly examples: readonly SequenceExample[];
  /** The same windows as plain numbers: T inputs followed by the target (brain.js trains on the whole row). */
  readonly rows: readonly number[][];
}

export function noisySineWindows(count: number, length: number, seed: number): BenchWindows {
  const rng = new SeededRandom(seed);
  const series = Array.from({ length: count + length }, (_, n) => Math.sin((2 * Math.PI * n) / SINE_PERIOD) + SINE_NOISE_STD * rng.nextGaussian());
  const rows: number[][] = [];
  const examples: SequenceExample[] = [];
  for (let start = 0; start < count; start++) {
    const row = series.slice(start, start + length + 1);
    rows.push(row);
    examples.push({
      inputLength: length,
      inputs: Float64Array.from(row.slice(0, length)),
      targetLength: 1,
      targets: Float64Array.of(row[length]),
    });
  }
  return { length, examples, rows };
}
