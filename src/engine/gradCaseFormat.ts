// The gradient case as data: one sequence, the weights in PyTorch's layout, and what one forward + backward pass
// returns (docs/grad-case.md). gradCase.ts reads it from JSON, gradCaseRunner.ts runs it.
import type { CellKind } from './modelConfig';

export type GradCaseLoss = 'mse_last' | 'mse_all';

export interface GradCaseLayer {
  /** [G·H][I_l] */
  readonly W_ih: number[][];
  readonly W_hh: number[][];
  readonly b_ih: number[];
  readonly b_hh: number[];
}

export interface GradCase {
  readonly cell: CellKind;
  readonly loss: GradCaseLoss;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  readonly numLayers: number;
  readonly layers: readonly GradCaseLayer[];
  readonly W_out: number[][];
  readonly b_out: number[];
  /** [T][I] */
  readonly inputs: number[][];
  /** Always [S][O] here (S = 1 for mse_last, T for mse_all). */
  readonly targets: number[][];
  /** [L][H] or null (zeros). */
  readonly h0: number[][] | null;
  readonly c0: number[][] | null;
}

export interface GradCaseResult {
  readonly loss: number;
  /** [O] for mse_last, [T][O] for mse_all. */
  readonly outputs: number[] | number[][];
  readonly grads: {
    readonly layers: GradCaseLayer[];
    readonly W_out: number[][];
    readonly b_out: number[];
  };
  /** [L][T][H]: ∂J/∂h_k. */
  readonly hidden_grads: number[][][];
  /** [L][T]: ‖∂J/∂h_k‖₂ (index 0 is h_1, the state after x_1). */
  readonly hidden_grad_norms: number[][];
  /** LSTM only, [L][T]: ‖∂J/∂c_k‖₂. */
  readonly cell_grad_norms?: number[][];
  /** [L][H]: h_T. */
  readonly final_hidden: number[][];
  /** LSTM only, [L][H]: c_T. */
  readonly final_cell?: number[][];
}
