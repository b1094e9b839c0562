// Small seeded problems and a one-call training helper for the remedy tests.
import type { SequenceExample } from '../../../src/engine/dataset';
import { createInitializedParameters, type InitOptions } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { createOptimizer, type OptimizerKind } from '../../../src/engine/optimizers';
import { SeededRandom } from '../../../src/engine/random';
import { resolveRemedyOptions, type RemedyOptions } from '../../../src/engine/remedies/remedyOptions';
import { train, type DiagnosticSampling, type TrainOptions, type TrainOutcome } from '../../../src/engine/training/train';

export function vanillaConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'rnn', nonlinearity: 'tanh', inputSize: 1, hiddenSize: 8, outputSize: 1, numLayers: 1,
    topology: 'many-to-one', loss: 'mse', oneToManyInput: 'first-step', outputLength: 1, ...overrides,
  };
}

/** Windows of sin(0.3 n): T inputs → the next value. */
export function sineWindows(count: number, steps: number): SequenceExample[] {
  return Array.from({ length: count }, (_, s) => {
    const values = Array.from({ length: steps + 1 }, (_, t) => Math.sin(0.3 * (s + t)));
    return { inputLength: steps, inputs: Float64Array.from(values.slice(0, steps)), targetLength: 1, targets: Float64Array.of(values[steps]!) };
  });
}

/**
 * The adding problem (Hochreiter & Schmidhuber 1997; docs/maths.md "Classic benchmark tasks"): inputs (value, marker)
 * with value ~ U(0, 1), one marker in each half of the T steps; the target is the sum of the two marked values,
 * centred by −1 (its mean) so that predicting a constant 0 scores J = Var/2 = 1/12.
 */
export function addingProblem(count: number, steps: number, seed: number): SequenceExample[] {
  const random = new SeededRandom(seed);
  const half = Math.floor(steps / 2);
  return Array.from({ length: count }, () => {
    const first = random.integer(half);
    const second = half + random.integer(steps - half);
    const inputs = new Float64Array(steps * 2);
    let sum = 0;
    for (let t = 0; t < steps; t++) {
      const value = random.nextFloat();
      inputs[2 * t] = value;
      if (t === first || t === second) {
        inputs[2 * t + 1] = 1;
        sum += value;
      }
    }
    return { inputLength: steps, inputs, targetLength: 1, targets: Float64Array.of(sum - 1) };
  });
}

export interface RemedyRun {
  readonly model: RecurrentModel;
  readonly outcome: TrainOutcome;
  readonly remedies: RemedyOptions;
}

/** Draws the parameters with `remedies.init` (seeded), then trains with the engine's `train`. */
export function trainRun(
  config: ModelConfig,
  examples: SequenceExample[],
  options: {
    remedies: Partial<RemedyOptions>;
    optimizer?: OptimizerKind;
    learningRate: number;
    epochs: number;
    batchSize: number;
    seed: number;
    validation?: SequenceExample[];
    diagnostics?: DiagnosticSampling | null;
    trainer?: Pick<TrainOptions, 'cancel' | 'onAppliedGradient' | 'onEpoch' | 'onUpdate'>;
  },
): RemedyRun {
  const remedies = resolveRemedyOptions(options.remedies, config);
  const random = new SeededRandom(options.seed);
  const model = new RecurrentModel(config, createInitializedParameters(config, remedies.init as InitOptions, random));
  const optimizer = createOptimizer(options.optimizer ?? 'sgd', { learningRate: options.learningRate }, model.parameters);
  const dataset = { inputSize: config.inputSize, outputSize: config.outputSize, examples };
  const validation = options.validation === undefined ? null : { inputSize: config.inputSize, outputSize: config.outputSize, examples: options.validation };
  const outcome = train(model, optimizer, dataset, validation, {
    epochs: options.epochs,
    batchSize: options.batchSize,
    random,
    ...options.trainer,
    remedies,
    context: { learningRate: options.learningRate, optimizer: options.optimizer ?? 'sgd' },
    diagnostics: options.diagnostics ?? null,
  });
  return { model, outcome, remedies };
}

export function snapshot(model: RecurrentModel): number[][] {
  return model.parameters.tensors.map((tensor) => Array.from(tensor.data));
}
