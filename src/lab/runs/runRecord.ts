// What a training run is, as the host saves it (`.rnn-lab/runs/<timestamp>-<name>/run.json`) and as the panels read it
// back: the effective configuration with where each value came from, the data's fingerprint and shapes, metrics per
// epoch, and the per-timestep gradient norms ‖∂J/∂h_k‖ (docs/maths.md, "Backpropagation through time") sampled across
// epochs. Plain JSON only (no typed arrays), so a record written today is readable by every later version.
import type { RecurrentMatrixSpectrum } from '../../engine/diagnostics/spectral';
import type { DivergenceReason, RemedyId } from '../../engine/remedies/divergence';
import type { DataSummary, NormalizationKind, PreparationSettings } from '../../data/intakeTypes';
import type { EchoStateOptions } from '../../engine/esn/esnOptions';
export type { ColumnNormalization, DataOrigin, DataShapes, DataSummary, NormalizationKind } from '../../data/intakeTypes';

export const RUN_RECORD_FORMAT = 'rnn-lab.run';
/** 2: data.origin, data.choices and engineVersion make a run repeatable (`rnn-lab train --from-run`); 1 is still read. */
export const RUN_RECORD_VERSION = 2;

/** Where an effective value came from; later sources override earlier ones in this order. */
export const VALUE_SOURCES = ['default', 'setting', 'configFile', 'argument'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];
/** For `setting`: the settings level that supplied the value (VS Code's `inspect()` levels). */
export const SETTING_LEVELS = ['user', 'workspace', 'workspaceFolder'] as const;
export type SettingLevel = (typeof SETTING_LEVELS)[number];

export interface SourcedValue<T> {
  readonly value: T;
  readonly source: ValueSource;
  readonly level?: SettingLevel;
}

export type OptimizerKind = 'sgd' | 'momentum' | 'adam';
export type PrecisionSetting = 'auto' | 'float32' | 'float64';
export const PRECISION_SETTINGS: readonly PrecisionSetting[] = ['auto', 'float32', 'float64'];
export type InitKind = 'xavier' | 'orthogonal' | 'identity';

/** Every `rnnLab.*` setting, by section, as plain values (the worker receives this). */
export interface TrainingSettings {
  /** The model and how the data are windowed for it (the data part's view of them: data/intakeTypes.ts). */
  readonly model: PreparationSettings['model'];
  readonly training: {
    readonly epochs: number;
    readonly batch: number;
    readonly optimizer: OptimizerKind;
    readonly learningRate: number;
    readonly seed: number;
    /** Fraction of windows, taken from the end of the series, kept for validation (no shuffling across time). */
    readonly validationSplit: number;
    /**
     * Arithmetic of the forward/backward passes: float32 (batched WebAssembly SIMD products), float64 (exact, one
     * sequence at a time) or auto (resolved per run by lab/training/precision.ts). Absent in older run records: auto.
     */
    readonly precision: PrecisionSetting;
    /** Worker threads sharing each mini-batch (data parallel, fixed-order reduction); 0 = the cores, at most 8. */
    readonly threads: number;
  };
  readonly remedies: {
    /** Global-norm clipping threshold τ (Pascanu Alg. 1); 0 = off. */
    readonly clipNorm: number;
    /** Element-wise clipping to [−c, c]; 0 = off. */
    readonly clipValue: number;
    /** Truncated BPTT(k1, k2) (Williams & Peng 1990); 0 = full BPTT. */
    readonly tbpttK1: number;
    readonly tbpttK2: number;
    /** L2 weight decay λ in λ‖θ‖²/2; 0 = off. */
    readonly l2: number;
    /** Weight α of Pascanu's Ω regulariser; 0 = off. */
    readonly omega: number;
    readonly init: InitKind;
    /** λ of the identity initialisation W_hh = λI (with init = identity). */
    readonly identityScale: number;
    /** Rescale W_hh to this spectral radius ρ after initialisation; 0 = keep the initialiser's scale. */
    readonly spectralRadius: number;
  };
  /** The echo state network (engine/esn/esnOptions.ts). */
  readonly esn: EchoStateOptions;
  readonly charts: {
    /** Progress messages per second while training (≤ 10). */
    readonly updateRate: number;
    readonly logScale: boolean;
  };
  readonly data: {
    readonly maxSelectionSizeMB: number;
    readonly normalization: NormalizationKind;
    /** Steps between the starts of consecutive windows. */
    readonly stride: number;
  };
}

export type SettingsSection = keyof TrainingSettings;

/** The same shape as TrainingSettings, each leaf carrying its source. */
export type SourcedSettings = {
  readonly [S in SettingsSection]: { readonly [K in keyof TrainingSettings[S]]: SourcedValue<TrainingSettings[S][K]> };
};

export interface EpochMetrics {
  /** 1-based. */
  readonly epoch: number;
  readonly trainLoss: number;
  readonly validationLoss: number | null;
  /** Mean over the epoch's updates of the global gradient norm ‖∂J/∂θ‖ before clipping. */
  readonly meanGradientNorm: number;
  readonly maxGradientNorm: number;
  /** Fraction of updates whose gradient was clipped (docs/maths.md, "Remedies"). */
  readonly clippedFraction: number;
  readonly elapsedMs: number;
}

/**
 * ‖∂J/∂h_k‖ for k = 0…T−1 at one sampled epoch and layer (docs/maths.md, "Backpropagation through time"), measured on
 * the same probe sequence every time (the first validation window, else the first training window), so the curves of
 * different epochs are comparable.
 */
export interface GradientNormSample {
  readonly epoch: number;
  readonly layer: number;
  /** Total derivative ‖∂J/∂h_k‖ through all later steps (encoder steps). */
  readonly hiddenNorms: readonly number[];
  /** LSTM only: ‖∂J/∂c_k‖. */
  readonly cellNorms?: readonly number[];
  /** Encoder–decoder only: ‖∂J/∂h_j‖ over the decoder's steps. */
  readonly decoderHiddenNorms?: readonly number[];
  /** Index t of the loss term isolated below (the last scored step). */
  readonly lossTerm?: number;
  /** ‖∂J_t/∂h_k‖ of that single term: the decay with lag t − k that the bound (λ₁γ)^(t−k) is drawn against. */
  readonly lossTermHiddenNorms?: readonly number[];
}

/** λ₁, ρ, eigenvalues and the bound of every recurrent matrix at one sampled epoch (engine diagnostics/spectral.ts). */
export interface SpectralSample {
  readonly epoch: number;
  readonly matrices: readonly RecurrentMatrixSpectrum[];
}

export const RUN_MODEL_KINDS = ['bptt', 'esn'] as const;
export type RunModelKind = (typeof RUN_MODEL_KINDS)[number];

export const RUN_STATUSES = ['running', 'completed', 'cancelled', 'diverged', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Remedies the host suggests after a divergence (engine codes, localised on the host). */
export type RemedyHint = RemedyId;
export type { DivergenceReason };

export interface DivergenceInfo {
  readonly reason: DivergenceReason;
  readonly epoch: number;
  /** The loss or gradient norm that showed the divergence (NaN/±Inf or above the bound). */
  readonly value: number;
  /** English sentence from the engine, for logs and the CLI; the host localises from `reason` and `hints`. */
  readonly detail: string;
  readonly hints: readonly RemedyHint[];
  /** Healthy epochs completed before the divergence (0: it diverged in the first epoch). */
  readonly lastGoodEpoch: number;
  /** Updates contained in the kept (last good) parameters: 0 means the initial parameters were kept. */
  readonly keptUpdates?: number;
}

export interface RunRecord {
  readonly format: typeof RUN_RECORD_FORMAT;
  readonly version: number;
  readonly id: string;
  readonly name: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number;
  /** RNN Lab version that trained the run (lab/version.ts); absent in version-1 records. */
  readonly engineVersion?: string;
  readonly config: SourcedSettings;
  readonly data: DataSummary;
  readonly epochs: readonly EpochMetrics[];
  readonly gradientNormsPerTimestep: readonly GradientNormSample[];
  /** Spectra of W_rec at the sampled epochs (epoch 0 = the initial parameters). */
  readonly spectra: readonly SpectralSample[];
  /** Global gradient norm ‖∂J/∂θ‖ (before clipping) per update; long runs keep older updates thinned. */
  readonly updateGradientNorms: readonly number[];
  readonly divergence?: DivergenceInfo;
  readonly error?: string;
  /**
   * What was trained: 'bptt' an RNN, LSTM or GRU trained by BPTT (model.json in the rnn-lab-model format, PyTorch
   * names); 'esn' an echo state network whose readout was fitted in closed form (model.json in the rnn-lab-esn-model
   * format: W, W_in, leak, W_out). Absent in records written before it was recorded: 'bptt'.
   */
  readonly modelKind?: RunModelKind;
  /** File name of the saved parameters beside run.json (engine serialisation, PyTorch names). */
  readonly modelFile: string | null;
  /**
   * File name of the parameters as initialised (drawn from the seed, before the first update), beside run.json, in
   * model.json's format. Absent or null: not saved (older runs, echo state networks, runs that failed).
   */
  readonly initialModelFile?: string | null;
  /** Number series: the final model on the validation windows, in the data's units (chart 6). */
  readonly validationPredictions?: ValidationPredictions;
  /** How the run trained (lab/training/precision.ts); absent in records written before it was recorded (float64). */
  readonly arithmetic?: RunArithmetic;
}

/** The precision a run resolved to, why, on how many threads and with which float32 kernels. */
export interface RunArithmetic {
  readonly precision: 'float32' | 'float64';
  /** lab/training/precision.ts PrecisionReason: requested, auto-large, auto-small, omega, truncation, encoder-decoder. */
  readonly reason: string;
  readonly threads: number;
  /** 'wasm-simd' or 'typescript' for float32 runs; null for float64. */
  readonly kernels: string | null;
}

/**
 * Predictions of the final model on the validation windows, de-normalised with the run's stored normalisation
 * (DataSummary.normalization); the panel draws them as "predictions vs targets".
 */
export interface ValidationPredictions {
  /** Column (output feature) the values belong to, e.g. "value". */
  readonly column: string;
  /** One entry per validation window, in time order: the scored steps' targets and predictions (same length). */
  readonly windows: readonly { readonly targets: readonly number[]; readonly predictions: readonly number[] }[];
}
