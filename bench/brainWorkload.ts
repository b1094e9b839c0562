// brain.js 1.6.1 side of W1/W2: `new brain.recurrent.RNNTimeStep({ inputSize: 1, hiddenLayers: [H], outputSize: 1 })`
// (LSTMTimeStep for W2) trained with the same learning rate on the same windows. brain.js trains a time-step network
// on a whole row x_0 … x_T by predicting each next value, i.e. T forward/backward steps per row — the same T
// timesteps RNN Lab and tfjs process per sequence. brain.js has no mini-batches, so only batch 1 is compared.
// `train` is called once in `prepare` (it initialises the model and converts the rows); the timed loop then calls
// brain's own per-row `trainPattern` (forward, backward, weight update), exactly what `train` does per row.
import type { BrainModule, BrainTimeStepNetwork } from './optionalModules';
import type { TrainingRunner, WorkloadSpec } from './trainingRunner';
import type { BenchWindows } from './workloadData';

export class BrainRunner implements TrainingRunner {
  readonly implementation = 'brain.js' as const;
  private network: BrainTimeStepNetwork | null = null;
  private rows: unknown[] = [];
  private cursor = 0;

  constructor(
    private readonly brain: BrainModule,
    private readonly spec: WorkloadSpec,
    private readonly data: BenchWindows,
  ) {
    if (spec.batch !== 1) throw new RangeError('brain.js trains one sequence at a time: batch must be 1');
  }

  async prepare(): Promise<void> {
    const options = { inputSize: 1, hiddenLayers: [this.spec.hiddenSize], outputSize: 1 };
    const network =
      this.spec.cell === 'rnn' ? new this.brain.recurrent.RNNTimeStep(options) : new this.brain.recurrent.LSTMTimeStep(options);
    const rows = this.data.rows.map((row) => [...row]);
    network.train(rows.slice(0, 1), { iterations: 1, learningRate: this.spec.learningRate, log: false, errorThresh: -1 });
    this.rows = network.formatData(rows);
    this.network = network;
  }

  async trainSteps(steps: number): Promise<void> {
    const network = this.network;
    if (network === null) throw new Error('BrainRunner: prepare() was not called');
    for (let s = 0; s < steps; s++) {
      network.trainPattern(this.rows[this.cursor], false);
      this.cursor = (this.cursor + 1) % this.rows.length;
    }
  }

  dispose(): void {
    this.network = null;
    this.rows = [];
  }
}
