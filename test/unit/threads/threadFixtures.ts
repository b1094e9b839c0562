// Small seeded models and datasets for the threaded gradient computer's tests: an LSTM many-to-one and a vanilla
// RNN many-to-many-synced problem, and the single-thread float64 reference of one mini-batch.
import * as fs from 'node:fs';
import type { SequenceExample } from '../../../src/engine/dataset';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import { Float64GradientComputer } from '../../../src/engine/training/gradientComputer';
import type { ParameterSet } from '../../../src/engine/tensor';
import { modelConfig } from '../engine/trainingFixtures';

export interface Problem {
  readonly name: string;
  readonly config: ModelConfig;
  readonly examples: SequenceExample[];
}

/** Sequences of T steps of 2 inputs; many-to-one scores the last step, synced every step. */
function sequences(count: number, steps: number, synced: boolean, seed: number): SequenceExample[] {
  const random = new SeededRandom(seed);
  const examples: SequenceExample[] = [];
  for (let s = 0; s < count; s++) {
    const inputs = Float64Array.from({ length: steps * 2 }, () => random.nextFloat() * 2 - 1);
    const running = (t: number): number => Math.tanh(inputs[2 * t]! - 0.5 * inputs[2 * t + 1]!);
    const targets = synced ? Float64Array.from({ length: steps }, (_, t) => running(t)) : Float64Array.of(running(steps - 1));
    examples.push({ inputLength: steps, inputs, targetLength: synced ? steps : 1, targets });
  }
  return examples;
}

export function lstmManyToOne(count = 11, steps = 6, hiddenSize = 5): Problem {
  return { name: 'LSTM many-to-one', config: modelConfig({ cell: 'lstm', inputSize: 2, hiddenSize }), examples: sequences(count, steps, false, 3) };
}

export function rnnSynced(count = 11, steps = 5): Problem {
  return {
    name: 'vanilla RNN many-to-many-synced',
    config: modelConfig({ cell: 'rnn', inputSize: 2, hiddenSize: 6, numLayers: 2, topology: 'many-to-many-synced' }),
    examples: sequences(count, steps, true, 4),
  };
}

export function initialisedModel(config: ModelConfig, seed = 7): RecurrentModel {
  return new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(seed)));
}

/** A shuffled order of `count` indices (what the training loop hands a computer). */
export function shuffledOrder(count: number, seed = 11): Int32Array {
  const order = new Int32Array(count).map((_, i) => i);
  new SeededRandom(seed).shuffleInPlace(order);
  return order;
}

export function copyGradients(gradients: ParameterSet): Float64Array[] {
  return gradients.tensors.map((tensor) => Float64Array.from(tensor.data));
}

/** J and ∂J/∂θ of one mini-batch on the calling thread, exactly as the training loop's default path computes them. */
export function referenceBatch(model: RecurrentModel, examples: readonly SequenceExample[], order: Int32Array, start: number, count: number, m: number) {
  model.zeroGradients();
  const loss = new Float64GradientComputer().accumulate(model, examples, order, start, count, m);
  return { loss, gradients: copyGradients(model.gradients) };
}

/** Threads of this process now (Linux: /proc/self/task), or null elsewhere. */
export function threadCount(): number | null {
  try {
    return fs.readdirSync('/proc/self/task').length;
  } catch {
    return null;
  }
}

/** Resolves `promise`, or rejects after `ms` with `what` (so a hang fails the test rather than the suite). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
