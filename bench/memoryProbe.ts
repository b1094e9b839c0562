// Memory target (issue 4): a vanilla tanh RNN with T = 1,000 and H = 256 trains in under 100 MB. Run in a fresh
// child process (`rnn-lab bench --memory-probe`, started with --expose-gc) so earlier workloads and the comparison
// libraries do not pollute the numbers. Reported: the peak resident set growth over the baseline taken after the data
// is built (process.resourceUsage().maxRSS), and the peak growth of JS heap + typed-array memory (heapUsed + external).
import { RnnLabRunner } from './rnnLabWorkload';
import { noisySineWindows } from './workloadData';

export const MEMORY_SEQUENCE_LENGTH = 1000;
export const MEMORY_HIDDEN_SIZE = 256;
export const MEMORY_TRAINING_STEPS = 6;

export interface MemoryMeasurement {
  readonly sequenceLength: number;
  readonly hiddenSize: number;
  readonly trainingSteps: number;
  /** Peak RSS during training minus RSS before the model was built, MB. */
  readonly rssDeltaMb: number;
  /** Peak (heapUsed + external) during training minus its value before the model was built, MB. */
  readonly heapDeltaMb: number;
  /** Peak RSS of the whole probe process (Node itself included), MB. */
  readonly peakRssMb: number;
}

const MB = 1024 * 1024;

export async function runMemoryProbe(): Promise<MemoryMeasurement> {
  const collect = (globalThis as { gc?: () => void }).gc;
  const data = noisySineWindows(4, MEMORY_SEQUENCE_LENGTH, 5);
  collect?.();
  const before = process.memoryUsage();
  const heapBefore = before.heapUsed + before.external;
  const runner = new RnnLabRunner(
    { id: 'memory', cell: 'rnn', hiddenSize: MEMORY_HIDDEN_SIZE, batch: 1, sequenceLength: MEMORY_SEQUENCE_LENGTH, learningRate: 0.01 },
    data,
  );
  await runner.prepare();
  let heapPeak = 0;
  let rssPeak = 0;
  for (let s = 0; s < MEMORY_TRAINING_STEPS; s++) {
    await runner.trainSteps(1);
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed + now.external);
    rssPeak = Math.max(rssPeak, now.rss);
  }
  if (!Number.isFinite(runner.lastLoss)) throw new Error('memory probe: training produced a non-finite loss');
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  runner.dispose();
  return {
    sequenceLength: MEMORY_SEQUENCE_LENGTH,
    hiddenSize: MEMORY_HIDDEN_SIZE,
    trainingSteps: MEMORY_TRAINING_STEPS,
    rssDeltaMb: (Math.max(rssPeak, maxRssBytes) - before.rss) / MB,
    heapDeltaMb: (heapPeak - heapBefore) / MB,
    peakRssMb: Math.max(rssPeak, maxRssBytes) / MB,
  };
}
