// Small seeded problems shared by the training tests.
import type { SequenceExample } from '../../../src/engine/dataset';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { createOptimizer, type OptimizerKind } from '../../../src/engine/optimizers';
import { SeededRandom } from '../../../src/engine/random';
import { trainModel, type TrainerOptions, type TrainingResult } from '../../../src/engine/training/trainLoop';

export function modelConfig(overrides: Partial<ModelConfig>): ModelConfig {
  return {
    cell: 'rnn',
    nonlinearity: 'tanh',
    inputSize: 1,
    hiddenSize: 8,
    outputSize: 1,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
    ...overrides,
  };
}

/** Windows of sin(0.3 n): T inputs → the next value. */
export function sineWindows(count: number, steps: number, offset = 0): SequenceExample[] {
  const examples: SequenceExample[] = [];
  for (let s = 0; s < count; s++) {
    const values = Array.from({ length: steps + 1 }, (_, t) => Math.sin(0.3 * (s + offset + t)));
    examples.push({ inputLength: steps, inputs: Float64Array.from(values.slice(0, steps)), targetLength: 1, targets: Float64Array.of(values[steps]!) });
  }
  return examples;
}

export interface TrainedModel {
  readonly model: RecurrentModel;
  readonly result: TrainingResult;
}

export function trainSeeded(
  config: ModelConfig,
  examples: SequenceExample[],
  options: { optimizer: OptimizerKind; learningRate: number; epochs: number; batchSize: number; seed: number; validation?: SequenceExample[] } & Partial<TrainerOptions>,
): TrainedModel {
  const random = new SeededRandom(options.seed);
  const parameters = createInitializedParameters(config, { scheme: 'xavier' }, random);
  const model = new RecurrentModel(config, parameters);
  const optimizer = createOptimizer(options.optimizer, { learningRate: options.learningRate }, parameters);
  const dataset = { inputSize: config.inputSize, outputSize: config.outputSize, examples };
  const validation = options.validation === undefined ? null : { inputSize: config.inputSize, outputSize: config.outputSize, examples: options.validation };
  const result = trainModel(model, optimizer, dataset, validation, { ...options, random });
  return { model, result };
}
