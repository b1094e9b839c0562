// TensorFlow.js (pure-JS CPU backend) side of W1/W2: a Keras-style SimpleRNN(tanh)/LSTM + Dense(1) model, SGD with
// the same learning rate, trainOnBatch on the same windows. Keras' 'meanSquaredError' has no ½ (docs/maths.md
// "Losses"), which changes the gradient by 2× but not the work done per step.
import type { TrainingRunner, WorkloadSpec } from './trainingRunner';
import type { TfjsModule } from './optionalModules';
import type { BenchWindows } from './workloadData';
import type * as Tfjs from '@tensorflow/tfjs';

/** Distinct pre-built batches cycled through (inputs converted to tensors once, outside the timed region). */
const PREBUILT_BATCHES = 8;

export class TfjsRunner implements TrainingRunner {
  readonly implementation = 'tfjs-cpu' as const;
  private model: Tfjs.Sequential | null = null;
  private inputs: Tfjs.Tensor[] = [];
  private targets: Tfjs.Tensor[] = [];
  private cursor = 0;

  constructor(
    private readonly tf: TfjsModule,
    private readonly spec: WorkloadSpec,
    private readonly data: BenchWindows,
  ) {}

  async prepare(): Promise<void> {
    await withoutNodeBackendBanner(() => this.build());
  }

  private async build(): Promise<void> {
    const { tf, spec } = this;
    await tf.setBackend('cpu');
    await tf.ready();
    const T = spec.sequenceLength;
    const model = tf.sequential();
    const recurrent =
      spec.cell === 'rnn'
        ? tf.layers.simpleRNN({ units: spec.hiddenSize, activation: 'tanh', inputShape: [T, 1], recurrentInitializer: 'glorotUniform' })
        : tf.layers.lstm({ units: spec.hiddenSize, inputShape: [T, 1], recurrentInitializer: 'glorotUniform' });
    model.add(recurrent);
    model.add(tf.layers.dense({ units: 1 }));
    model.compile({ optimizer: tf.train.sgd(spec.learningRate), loss: 'meanSquaredError' });
    this.model = model;
    const examples = this.data.examples;
    for (let b = 0; b < PREBUILT_BATCHES; b++) {
      const inputs = new Float32Array(spec.batch * T);
      const targets = new Float32Array(spec.batch);
      for (let i = 0; i < spec.batch; i++) {
        const example = examples[(b * spec.batch + i) % examples.length];
        inputs.set(example.inputs, i * T);
        targets[i] = example.targets[0];
      }
      this.inputs.push(tf.tensor3d(inputs, [spec.batch, T, 1]));
      this.targets.push(tf.tensor2d(targets, [spec.batch, 1]));
    }
  }

  async trainSteps(steps: number): Promise<void> {
    const model = this.model;
    if (model === null) throw new Error('TfjsRunner: prepare() was not called');
    await withoutNodeBackendBanner(async () => {
      for (let s = 0; s < steps; s++) {
        const k = this.cursor++ % PREBUILT_BATCHES;
        await model.trainOnBatch(this.inputs[k], this.targets[k]);
      }
    });
  }

  dispose(): void {
    for (const tensor of [...this.inputs, ...this.targets]) tensor.dispose();
    this.inputs = [];
    this.targets = [];
    this.model?.dispose();
    this.model = null;
  }
}

/**
 * tfjs prints an "install tfjs-node" banner through console.warn on its first tensor in Node; keep the table clean.
 * (Xavier/Glorot is used for the recurrent kernel, like RNN Lab's default, instead of Keras' orthogonal, whose
 * initialisation is slow and not part of what is timed anyway.)
 */
async function withoutNodeBackendBanner(action: () => Promise<void>): Promise<void> {
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (args.some((a) => typeof a === 'string' && /tfjs-node|TensorFlow\.js in Node\.js|={10,}/.test(a))) return;
    originalWarn(...args);
  };
  try {
    await action();
  } finally {
    console.warn = originalWarn;
  }
}
