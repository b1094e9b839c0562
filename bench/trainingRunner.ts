// What the benchmark times: one implementation training one workload. `trainSteps(n)` performs n optimiser updates
// (each on `batch` sequences of T steps), so timesteps = n · batch · T; everything else (model construction, data
// conversion to the library's tensors) happens in `prepare` and is not timed.

export interface TrainingRunner {
  readonly implementation: 'rnn-lab' | 'tfjs-cpu' | 'brain.js';
  prepare(): Promise<void>;
  trainSteps(steps: number): Promise<void>;
  dispose(): void;
}

export interface WorkloadSpec {
  readonly id: string;
  readonly cell: 'rnn' | 'lstm';
  readonly hiddenSize: number;
  readonly batch: number;
  readonly sequenceLength: number;
  readonly learningRate: number;
}
