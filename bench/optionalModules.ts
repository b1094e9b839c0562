// TensorFlow.js and brain.js are devDependencies used only by `rnn-lab bench`: they are marked external in the CLI
// bundle (esbuild.js) and loaded here with require at run time, so the extension never bundles them and a missing
// package becomes a clear message in the table instead of a crash.
import type * as Tfjs from '@tensorflow/tfjs';

export type TfjsModule = typeof Tfjs;

/** The part of brain.js 1.6.1's RNNTimeStep/LSTMTimeStep the benchmark uses (trainPattern and formatData are public
 * methods of the class, not declared in its index.d.ts). */
export interface BrainTimeStepNetwork {
  train(data: number[][], options: { iterations: number; learningRate: number; log: boolean; errorThresh: number }): { error: number };
  formatData(data: number[][]): unknown[];
  trainPattern(input: unknown, logErrorRate?: boolean): number | undefined;
}

export interface BrainTimeStepOptions {
  inputSize: number;
  hiddenLayers: number[];
  outputSize: number;
}

export interface BrainModule {
  recurrent: {
    RNNTimeStep: new (options: BrainTimeStepOptions) => BrainTimeStepNetwork;
    LSTMTimeStep: new (options: BrainTimeStepOptions) => BrainTimeStepNetwork;
  };
}

export type Loaded<T> = { readonly ok: true; readonly module: T } | { readonly ok: false; readonly reason: string };

function missing(name: string, error: unknown): { ok: false; reason: string } {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { ok: false, reason: `${name} is not installed (${detail}); it is a devDependency: run "npm install" in the repository to compare against it.` };
}

export function loadTfjs(): Loaded<TfjsModule> {
  try {
    // The pure-JS package, never tfjs-node (which downloads a native binary).
    return { ok: true, module: require('@tensorflow/tfjs') as TfjsModule };
  } catch (error) {
    return missing('@tensorflow/tfjs', error);
  }
}

export function loadBrain(): Loaded<BrainModule> {
  try {
    return { ok: true, module: require('brain.js') as BrainModule };
  } catch (error) {
    return missing('brain.js', error);
  }
}
