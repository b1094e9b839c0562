// What a model is: the architecture fields every part of RNN Lab (engine, worker, CLI, config files) shares.
import type { TopologyId } from './dataset';

export type CellKind = 'rnn' | 'lstm' | 'gru';
export type Nonlinearity = 'tanh' | 'relu' | 'sigmoid';
export type LossKind = 'mse' | 'xent';

export const CELL_KINDS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
export const NONLINEARITIES: readonly Nonlinearity[] = ['tanh', 'relu', 'sigmoid'];
export const LOSS_KINDS: readonly LossKind[] = ['mse', 'xent'];
export const MAX_LAYERS = 4;
/** Largest hidden size H the settings, the CLI and `*.rnn.json` accept (one range for all three). */
export const MAX_HIDDEN_SIZE = 512;

export interface ModelConfig {
  readonly cell: CellKind;
  /** σ of the vanilla RNN (docs/maths.md: h_t = σ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)); ignored by LSTM/GRU. */
  readonly nonlinearity: Nonlinearity;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Regression outputs, or the number of classes for cross-entropy. */
  readonly outputSize: number;
  /** Stacked recurrent layers, 1…MAX_LAYERS. */
  readonly numLayers: number;
  readonly topology: TopologyId;
  readonly loss: LossKind;
  /** one-to-many: the single input vector is fed at step 1 only (zeros after) or repeated at every step. */
  readonly oneToManyInput: 'first-step' | 'every-step';
  /** Generated steps for one-to-many and encoder–decoder (M may differ from the input length). */
  readonly outputLength: number;
}
