// RNN Lab's side of the PyTorch comparison (issue 15): training steps through a GradientComputer, as the training
// loop does — zero the gradients, accumulate the whole mini-batch's share (m = its scored values), one SGD step.
//   float64          createGradientComputer('float64', …): the exact per-sequence path (RNN Lab's default)
//   float32          createGradientComputer('float32', …): the batched WebAssembly-SIMD path on this thread
//   float32-threads  the worker-thread computer with threads = cores (bench/threadedComputer.ts)
import { createGradientComputer } from '../src/engine/fast/computers';
import { createInitializedParameters } from '../src/engine/init';
import { RecurrentModel } from '../src/engine/model';
import { createOptimizer, type ConfigurableOptimizer } from '../src/engine/optimizers';
import { SeededRandom } from '../src/engine/random';
import type { GradientComputer } from '../src/engine/training/gradientComputer';
import type { ComparisonWorkload, RnnLabVariant } from './pytorchWorkloads';
import { createBenchThreadedComputer } from './threadedComputer';

export class ComputerRunner {
  private readonly model: RecurrentModel;
  private readonly optimizer: ConfigurableOptimizer;
  private readonly order: Int32Array;
  private cursor = 0;
  /** Last batch loss: keeps the work observable and shows training stays finite. */
  lastLoss = Number.NaN;

  private constructor(
    private readonly workload: ComparisonWorkload,
    private readonly computer: GradientComputer,
  ) {
    const parameters = createInitializedParameters(workload.config, { scheme: 'xavier' }, new SeededRandom(1));
    this.model = new RecurrentModel(workload.config, parameters);
    this.optimizer = createOptimizer('sgd', { learningRate: workload.learningRate }, parameters);
    // Cycle through the windows when there are fewer than a batch (a short sample text).
    const count = Math.max(workload.examples.length, workload.batch);
    this.order = Int32Array.from({ length: count }, (_, i) => i % workload.examples.length);
  }

  /** A runner of `variant`, or the reason it cannot run here. */
  static create(workload: ComparisonWorkload, variant: RnnLabVariant, cores: number): ComputerRunner | string {
    if (variant === 'float32-threads') {
      const threaded = createBenchThreadedComputer(cores, 'float32', workload.config, workload.examples);
      return threaded.ok ? new ComputerRunner(workload, threaded.computer) : threaded.reason;
    }
    return new ComputerRunner(workload, createGradientComputer(variant, workload.config));
  }

  get precision(): string {
    return this.computer.precision;
  }

  trainSteps(steps: number): void {
    const { batch, examples, scoredPerSequence } = this.workload;
    for (let s = 0; s < steps; s++) {
      if (this.cursor + batch > this.order.length) this.cursor = 0;
      this.model.zeroGradients();
      this.lastLoss = this.computer.accumulate(this.model, examples, this.order, this.cursor, batch, batch * scoredPerSequence);
      this.optimizer.step(this.model.parameters, this.model.gradients);
      this.cursor += batch;
    }
  }

  dispose(): void {
    this.computer.dispose();
  }
}
