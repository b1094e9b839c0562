// Memory targets, each measured in a fresh child process (`rnn-lab bench --memory-probe --probe <variant>`, started
// with --expose-gc) so earlier workloads and the comparison libraries do not pollute the numbers:
//   rnn-b1                 issue 4: a vanilla tanh RNN, T = 1,000, H = 256, batch 1 (float64) trains in < 100 MB
//   rnn-b32-float32        issue 15: the same RNN at batch 32 on the float32 path (target: the whole process < 300 MB)
//   char-lstm-b32-float32  issue 15: a character LSTM, T = 1,000, H = 256, batch 32, float32 (same target)
// Reported: the peak resident set growth over the baseline taken after the data is built, the peak growth of JS heap
// + typed-array memory (heapUsed + external), and the peak RSS of the whole probe process (process.resourceUsage()
// .maxRSS, Node itself included).
import { ComputerRunner } from './computerRunner';
import { characterData, findCharacterText, type ComparisonWorkload } from './pytorchWorkloads';
import { benchModelConfig, RnnLabRunner } from './rnnLabWorkload';
import { noisySineWindows } from './workloadData';

export const MEMORY_SEQUENCE_LENGTH = 1000;
export const MEMORY_HIDDEN_SIZE = 256;
export const MEMORY_TRAINING_STEPS = 6;
/** Training steps of the batch-32 probes (one step is ~13 GFLOP for the RNN, ~4× that for the LSTM). */
export const BATCHED_MEMORY_TRAINING_STEPS = { 'rnn-b32-float32': 2, 'char-lstm-b32-float32': 1 } as const;

export const MEMORY_PROBE_VARIANTS = ['rnn-b1', 'rnn-b32-float32', 'char-lstm-b32-float32'] as const;
export type MemoryProbeVariant = (typeof MEMORY_PROBE_VARIANTS)[number];

export interface MemoryMeasurement {
  readonly variant: MemoryProbeVariant;
  readonly cell: 'rnn' | 'lstm';
  readonly precision: 'float32' | 'float64';
  readonly batch: number;
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

/** A batch-32 float32 memory probe of issue 15 (null measurement with the error when it failed). */
export interface BatchedMemoryResult {
  readonly variant: MemoryProbeVariant;
  readonly measurement: MemoryMeasurement | null;
  readonly error: string | null;
}

const MB = 1024 * 1024;

interface ProbeTraining {
  readonly cell: 'rnn' | 'lstm';
  readonly precision: 'float32' | 'float64';
  readonly batch: number;
  readonly steps: number;
  train(): void;
  lastLoss(): number;
  dispose(): void;
}

function batchedWorkload(variant: 'rnn-b32-float32' | 'char-lstm-b32-float32'): ComparisonWorkload {
  const T = MEMORY_SEQUENCE_LENGTH;
  const common = { group: 'batched' as const, batch: 32, sequenceLength: T, learningRate: 0.01, variants: ['float32' as const] };
  if (variant === 'rnn-b32-float32') {
    const python = { id: variant, cell: 'rnn' as const, input: 1, hidden: MEMORY_HIDDEN_SIZE, output: 1, T, batch: 32, lr: 0.01, loss: 'mse' as const, text: null };
    return { ...common, id: variant, config: benchModelConfig('rnn', MEMORY_HIDDEN_SIZE), examples: noisySineWindows(32, T, 5).examples, scoredPerSequence: 1, python };
  }
  const text = findCharacterText();
  if (text === null) throw new Error('no .txt in samples/ for the character LSTM');
  const { config, examples } = characterData(text.text, T, MEMORY_HIDDEN_SIZE);
  const python = { id: variant, cell: 'lstm' as const, input: config.inputSize, hidden: MEMORY_HIDDEN_SIZE, output: config.outputSize, T, batch: 32, lr: 0.01, loss: 'xent' as const, text: text.path };
  return { ...common, id: variant, config, examples, scoredPerSequence: T, python };
}

function probeTraining(variant: MemoryProbeVariant): ProbeTraining {
  if (variant === 'rnn-b1') {
    const data = noisySineWindows(4, MEMORY_SEQUENCE_LENGTH, 5);
    const runner = new RnnLabRunner({ id: 'memory', cell: 'rnn', hiddenSize: MEMORY_HIDDEN_SIZE, batch: 1, sequenceLength: MEMORY_SEQUENCE_LENGTH, learningRate: 0.01 }, data);
    void runner.prepare();
    return {
      cell: 'rnn',
      precision: 'float64',
      batch: 1,
      steps: MEMORY_TRAINING_STEPS,
      train: () => void runner.trainSteps(1),
      lastLoss: () => runner.lastLoss,
      dispose: () => runner.dispose(),
    };
  }
  const workload = batchedWorkload(variant);
  const runner = ComputerRunner.create(workload, 'float32', 1);
  if (typeof runner === 'string') throw new Error(runner);
  return {
    cell: workload.config.cell === 'lstm' ? 'lstm' : 'rnn',
    precision: 'float32',
    batch: workload.batch,
    steps: BATCHED_MEMORY_TRAINING_STEPS[variant],
    train: () => runner.trainSteps(1),
    lastLoss: () => runner.lastLoss,
    dispose: () => runner.dispose(),
  };
}

export function runMemoryProbe(variant: MemoryProbeVariant = 'rnn-b1'): MemoryMeasurement {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const before = process.memoryUsage();
  const heapBefore = before.heapUsed + before.external;
  const training = probeTraining(variant);
  let heapPeak = 0;
  let rssPeak = 0;
  for (let s = 0; s < training.steps; s++) {
    training.train();
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed + now.external);
    rssPeak = Math.max(rssPeak, now.rss);
  }
  if (!Number.isFinite(training.lastLoss())) throw new Error('memory probe: training produced a non-finite loss');
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  training.dispose();
  return {
    variant,
    cell: training.cell,
    precision: training.precision,
    batch: training.batch,
    sequenceLength: MEMORY_SEQUENCE_LENGTH,
    hiddenSize: MEMORY_HIDDEN_SIZE,
    trainingSteps: training.steps,
    rssDeltaMb: (Math.max(rssPeak, maxRssBytes) - before.rss) / MB,
    heapDeltaMb: (heapPeak - heapBefore) / MB,
    peakRssMb: Math.max(rssPeak, maxRssBytes) / MB,
  };
}
