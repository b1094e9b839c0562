// The workloads of issue 15's side-by-side benchmark against PyTorch, with their RNN Lab model configs and data:
//   (a) W1 tanh RNN H=128, T=50, batch 32 (I = 1, O = 1, many-to-one MSE, SGD lr 0.01, noisy-sine windows)
//   (b) character LSTM H=256, T=100, batch 32: synced many-to-many, softmax cross-entropy, one-hot inputs, on the
//       largest .txt of samples/ (issue 15 asks for an English text ≥ 32 kB; a smaller one is used and noted)
//   (c) the batch-1 workloads of issue 4: W1 H=32, W1 H=128, W2 LSTM H=64 (RNN Lab's default float64 path)
// bench/pytorch_workloads.py builds the same shapes and data from the `python` field of each workload.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeCharacterWindows } from '../src/data/prepare/characterText';
import type { SequenceExample } from '../src/engine/dataset';
import type { ModelConfig } from '../src/engine/modelConfig';
import { benchModelConfig } from './rnnLabWorkload';
import { noisySineWindows } from './workloadData';

export const CHAR_SEQUENCE_LENGTH = 100;
export const CHAR_HIDDEN_SIZE = 256;
export const WANTED_TEXT_BYTES = 32 * 1024;
const W1_T = 50;
const LEARNING_RATE = 0.01;
const SINE_WINDOWS = 512;

/** Which RNN Lab paths a workload is timed with. */
export type RnnLabVariant = 'float64' | 'float32' | 'float32-threads';

export interface PytorchWorkloadSpec {
  readonly id: string;
  readonly cell: 'rnn' | 'lstm';
  readonly input: number;
  readonly hidden: number;
  readonly output: number;
  readonly T: number;
  readonly batch: number;
  readonly lr: number;
  readonly loss: 'mse' | 'xent';
  /** Absolute path of the text for the character workload, else null (noisy-sine windows). */
  readonly text: string | null;
}

export interface ComparisonWorkload {
  readonly id: string;
  /** 'batched' = (a)/(b), float32 vs PyTorch with GFLOP/s; 'batch-1' = (c). */
  readonly group: 'batched' | 'batch-1';
  readonly config: ModelConfig;
  readonly batch: number;
  readonly sequenceLength: number;
  readonly learningRate: number;
  readonly examples: readonly SequenceExample[];
  /** Scored values of one sequence (m of a batch = batch × this): O for many-to-one MSE, T for synced xent. */
  readonly scoredPerSequence: number;
  readonly variants: readonly RnnLabVariant[];
  readonly python: PytorchWorkloadSpec;
}

export interface CharacterText {
  readonly path: string;
  readonly bytes: number;
  readonly text: string;
  /** Set when the text is smaller than issue 15's 32 kB. */
  readonly note: string | null;
}

/** The largest .txt in samples/ (next to dist/ or in the working directory); null when there is none. */
export function findCharacterText(): CharacterText | null {
  const folders = [resolve(__dirname, '..', 'samples'), resolve(process.cwd(), 'samples')].filter((dir) => existsSync(dir));
  let best: { path: string; bytes: number } | null = null;
  for (const dir of folders) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.txt')) continue;
      const path = join(dir, name);
      const bytes = statSync(path).size;
      if (best === null || bytes > best.bytes) best = { path, bytes };
    }
    if (best !== null) break;
  }
  if (best === null) return null;
  const note =
    best.bytes >= WANTED_TEXT_BYTES
      ? null
      : `the largest text in samples/ (${best.path.split(/[\\/]/).pop() ?? ''}, ${(best.bytes / 1024).toFixed(1)} kB) is smaller than the 32 kB issue 15 asks for; its windows are cycled`;
  return { ...best, text: readFileSync(best.path, 'utf8'), note };
}

function sineWorkload(id: string, group: 'batched' | 'batch-1', cell: 'rnn' | 'lstm', hiddenSize: number, batch: number): ComparisonWorkload {
  const data = noisySineWindows(SINE_WINDOWS, W1_T, 2026);
  return {
    id,
    group,
    config: benchModelConfig(cell, hiddenSize),
    batch,
    sequenceLength: W1_T,
    learningRate: LEARNING_RATE,
    examples: data.examples,
    scoredPerSequence: 1,
    variants: group === 'batched' ? ['float32', 'float32-threads', 'float64'] : ['float64'],
    python: { id, cell, input: 1, hidden: hiddenSize, output: 1, T: W1_T, batch, lr: LEARNING_RATE, loss: 'mse', text: null },
  };
}

export function characterLstmConfig(vocabularySize: number, hiddenSize: number): ModelConfig {
  return {
    cell: 'lstm',
    nonlinearity: 'tanh',
    inputSize: vocabularySize,
    hiddenSize,
    outputSize: vocabularySize,
    numLayers: 1,
    topology: 'many-to-many-synced',
    loss: 'xent',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
}

/** Windows of T characters of `text` (the project's data path) and the config of a character LSTM over them. */
export function characterData(text: string, window: number, hiddenSize: number): { config: ModelConfig; examples: readonly SequenceExample[] } {
  const { dataset } = makeCharacterWindows(text, { window, source: 'bench text' });
  return { config: characterLstmConfig(dataset.inputSize, hiddenSize), examples: dataset.examples };
}

export function characterWorkload(text: CharacterText): ComparisonWorkload {
  const id = `char LSTM H=${CHAR_HIDDEN_SIZE} b=32`;
  const { config, examples } = characterData(text.text, CHAR_SEQUENCE_LENGTH, CHAR_HIDDEN_SIZE);
  return {
    id,
    group: 'batched',
    config,
    batch: 32,
    sequenceLength: CHAR_SEQUENCE_LENGTH,
    learningRate: LEARNING_RATE,
    examples,
    scoredPerSequence: CHAR_SEQUENCE_LENGTH,
    variants: ['float32', 'float32-threads', 'float64'],
    python: {
      id,
      cell: 'lstm',
      input: config.inputSize,
      hidden: CHAR_HIDDEN_SIZE,
      output: config.outputSize,
      T: CHAR_SEQUENCE_LENGTH,
      batch: 32,
      lr: LEARNING_RATE,
      loss: 'xent',
      text: text.path,
    },
  };
}

/** (a), (b) when a text exists, then (c). */
export function comparisonWorkloads(text: CharacterText | null): ComparisonWorkload[] {
  return [
    sineWorkload('W1 H=128 b=32', 'batched', 'rnn', 128, 32),
    ...(text === null ? [] : [characterWorkload(text)]),
    sineWorkload('W1 H=32 b=1', 'batch-1', 'rnn', 32, 1),
    sineWorkload('W1 H=128 b=1', 'batch-1', 'rnn', 128, 1),
    sineWorkload('W2 LSTM H=64 b=1', 'batch-1', 'lstm', 64, 1),
  ];
}
