// An RNN Lab `*.rnn.json` once read: every field present, defaults filled in (rnnConfigFields.ts), lengths and
// remedies null when the file leaves them out.
import type { TopologyId } from '../../engine/dataset';
import type { InitScheme } from '../../engine/init';
import type { LossKind, Nonlinearity } from '../../engine/modelConfig';
import type { ConfigCell, NORMALIZATION_KINDS, ONE_TO_MANY_INPUTS, OPTIMIZER_KINDS, PRECISION_KINDS } from './rnnConfigFields';

/** Truncated BPTT(k1, k2) (docs/maths.md, "Backpropagation through time"): every k1 steps, backpropagate k2 ≥ k1. */
export interface TbpttSettings {
  readonly k1: number;
  /** Defaults to k1 (the common "chunked" form). */
  readonly k2: number;
}

/** Echo state network (docs/maths.md, "Remedies → Echo state network"). */
export interface EsnSettings {
  /** Reservoir units N. */
  readonly reservoir: number;
  /** ρ of the fixed reservoir W. */
  readonly spectralRadius: number;
  /** a in x(n) = (1−a)x(n−1) + a·tanh(W_in[1; u(n)] + W x(n−1)). */
  readonly leak: number;
  /** Fraction of reservoir weights that are zero. */
  readonly sparsity: number;
  /** Scale of W_in. */
  readonly inputScale: number;
  /** β of the ridge readout W_out = Y Xᵀ (X Xᵀ + βI)⁻¹. */
  readonly ridge: number;
  /** Initial states discarded before fitting the readout. */
  readonly washout: number;
}

export interface DataSourceSettings {
  /** CSV/JSON file, relative to the config file's folder. */
  readonly path: string;
  /** Column name or 0-based index; null = the first numeric column. */
  readonly column: string | number | null;
  /** Input steps per example; null = inputLength. */
  readonly window: number | null;
  /** Steps ahead predicted. */
  readonly horizon: number;
  readonly stride: number;
  readonly normalization: (typeof NORMALIZATION_KINDS)[number];
}

export interface RnnConfig {
  readonly name: string | null;
  readonly description: string | null;
  /** As written in the file; null when absent (then inferred from inputLength/outputLength). */
  readonly topology: TopologyId | null;
  readonly cell: ConfigCell;
  readonly nonlinearity: Nonlinearity;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly inputLength: number | null;
  readonly outputLength: number | null;
  readonly loss: LossKind;
  readonly oneToManyInput: (typeof ONE_TO_MANY_INPUTS)[number];
  readonly optimizer: (typeof OPTIMIZER_KINDS)[number];
  readonly learningRate: number;
  readonly momentum: number;
  readonly epochs: number;
  readonly batch: number;
  readonly seed: number;
  /** float32 (batched WebAssembly SIMD), float64 (exact) or auto; null = not stated (rnnLab.training.precision decides). */
  readonly precision: (typeof PRECISION_KINDS)[number] | null;
  /** Worker threads sharing each mini-batch; 0 = the cores, at most 8; null = not stated (rnnLab.training.threads). */
  readonly threads: number | null;
  /** Global-norm clipping threshold τ; null = off. */
  readonly clipNorm: number | null;
  /** Element-wise clipping to [−c, c]; null = off. */
  readonly clipValue: number | null;
  readonly tbptt: TbpttSettings | null;
  /** λ of the L2 penalty λ‖θ‖²/2. */
  readonly l2: number;
  /** Weight of Pascanu's Ω regulariser; 0 = off. */
  readonly omega: number;
  readonly init: InitScheme;
  /** λ of W_hh = λI when init is identity. */
  readonly identityScale: number;
  /** Rescale W_hh to this spectral radius after initialisation; null = leave as initialised. */
  readonly spectralRadius: number | null;
  readonly forgetBias: number;
  readonly esn: EsnSettings;
  readonly data: DataSourceSettings | null;
}
