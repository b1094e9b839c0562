// RNN Lab's side of W1/W2: the engine's own forward/backward (computeBatchGradients in bptt.ts: exact BPTT, loss J
// with the lecture's ½) and the SGD optimiser, on the many-to-one topology scoring the last step.
import { computeBatchGradients } from '../src/engine/bptt';
import { createInitializedParameters } from '../src/engine/init';
import { RecurrentModel } from '../src/engine/model';
import type { ModelConfig } from '../src/engine/modelConfig';
import { createOptimizer, type ConfigurableOptimizer } from '../src/engine/optimizers';
import { SeededRandom } from '../src/engine/random';
import type { TrainingRunner, WorkloadSpec } from './trainingRunner';
import type { BenchWindows } from './workloadData';

export function benchModelConfig(cell: 'rnn' | 'lstm', hiddenSize: number): ModelConfig {
  return {
    cell,
    nonlinearity: 'tanh',
    inputSize: 1,
    hiddenSize,
    outputSize: 1,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
}

export class RnnLabRunner implements TrainingRunner {
  readonly implementation = 'rnn-lab' as const;
  private model: RecurrentModel | null = null;
  private optimizer: ConfigurableOptimizer | null = null;
  private readonly order: Int32Array;
  private cursor = 0;
  /** Last batch loss, kept so the work cannot be optimised away and to check training stays finite. */
  lastLoss = Number.NaN;

  constructor(
    private readonly spec: WorkloadSpec,
    private readonly data: BenchWindows,
  ) {
    this.order = Int32Array.from(data.examples, (_, i) => i);
  }

  async prepare(): Promise<void> {
    const config = benchModelConfig(this.spec.cell, this.spec.hiddenSize);
    const parameters = createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(1));
    this.model = new RecurrentModel(config, parameters);
    this.optimizer = createOptimizer('sgd', { learningRate: this.spec.learningRate }, parameters);
  }

  async trainSteps(steps: number): Promise<void> {
    const model = this.model;
    const optimizer = this.optimizer;
    if (model === null || optimizer === null) throw new Error('RnnLabRunner: prepare() was not called');
    const batch = this.spec.batch;
    const examples = this.data.examples;
    for (let s = 0; s < steps; s++) {
      if (this.cursor + batch > examples.length) this.cursor = 0;
      this.lastLoss = computeBatchGradients(model, examples, this.order, this.cursor, batch);
      optimizer.step(model.parameters, model.gradients);
      this.cursor += batch;
    }
  }

  dispose(): void {
    this.model = null;
    this.optimizer = null;
  }
}
