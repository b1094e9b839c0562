// Gradient check, docs/maths.md "Gradient check": central differences g ≈ (J(θ+ε) − J(θ−ε)) / 2ε with ε = 1e-6 in
// float64, compared with the BPTT gradient by the relative error |a − n| / max(|a|, |n|, 1e-12), which must stay
// below 1e-6 for every parameter of a small model (T ≤ 8, H ≤ 4). Used by `rnn-lab gradcheck` and by the
// extension's Gradient Check panel.
import { computeBatchGradients, evaluateLoss } from './bptt';
import type { SequenceExample, TopologyId } from './dataset';
import { dd, div, sub, toNumber } from './doubleDouble';
import { RecurrentModel, createZeroParameters, type RecurrentState } from './model';
import { referenceLoss } from './referenceLoss';
import type { CellKind, LossKind, ModelConfig, Nonlinearity } from './modelConfig';
import { SeededRandom } from './random';

/** ε of the central differences (docs/maths.md). */
export const GRADIENT_CHECK_EPSILON = 1e-6;
/** A parameter fails when its worst relative error exceeds this (docs/maths.md). */
export const GRADIENT_CHECK_TOLERANCE = 1e-6;
/** Denominator floor of the relative error, so exact zeros on both sides compare as equal. */
export const RELATIVE_ERROR_FLOOR = 1e-12;

/** |a − n| / max(|a|, |n|, 1e-12). */
export function gradientRelativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), RELATIVE_ERROR_FLOOR);
}

export interface ParameterGradientCheck {
  /** PyTorch name, e.g. `weight_hh_l0`. */
  readonly name: string;
  /** Entries compared. */
  readonly count: number;
  readonly worstRelativeError: number;
  /** Flat index of the worst entry, and its two values. */
  readonly worstIndex: number;
  readonly analytic: number;
  readonly numeric: number;
}

export interface GradientCheckReport {
  readonly parameters: ParameterGradientCheck[];
  readonly worstRelativeError: number;
  readonly passed: boolean;
  readonly epsilon: number;
  readonly tolerance: number;
  readonly precision: FiniteDifferencePrecision;
}

/**
 * How J(θ ± ε) is evaluated: 'double-double' (default) by the independent reference forward pass in ~32-digit
 * arithmetic (referenceLoss.ts), so only the O(ε²) truncation error remains; 'float64' by the engine's own forward
 * pass, whose rounding error (~1e-16·|J|/ε) shows why small gradient entries then fail a 1e-6 tolerance.
 */
export type FiniteDifferencePrecision = 'double-double' | 'float64';

export interface GradientCheckOptions {
  /** Default 'double-double'. */
  readonly precision?: FiniteDifferencePrecision;
  /** Default GRADIENT_CHECK_EPSILON. */
  readonly epsilon?: number;
  /** Default GRADIENT_CHECK_TOLERANCE. */
  readonly tolerance?: number;
  /** Encoder initial state of every sequence (default zeros). */
  readonly initialState?: RecurrentState | null;
}

/**
 * Compares the BPTT gradient of J over `examples` (one mini-batch) with central differences on EVERY entry of every
 * parameter. Parameters are restored exactly afterwards.
 */
export function checkGradients(
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  options: GradientCheckOptions = {},
): GradientCheckReport {
  const epsilon = options.epsilon ?? GRADIENT_CHECK_EPSILON;
  const tolerance = options.tolerance ?? GRADIENT_CHECK_TOLERANCE;
  const initialState = options.initialState ?? null;
  const order = examples.map((_, i) => i);
  computeBatchGradients(model, examples, order, 0, examples.length, { initialState });
  const precision = options.precision ?? 'double-double';

  const parameters: ParameterGradientCheck[] = [];
  for (const tensor of model.parameters.tensors) {
    const gradient = model.gradients.tensors.find((t) => t.name === tensor.name)!.data;
    const data = tensor.data;
    let worst = { error: -1, index: 0, analytic: 0, numeric: 0 };
    for (let i = 0; i < data.length; i++) {
      const original = data[i]!;
      data[i] = original + epsilon;
      const plus = data[i]!;
      const lossPlus = precision === 'float64' ? evaluateLoss(model, examples, initialState) : 0;
      const referencePlus = precision === 'float64' ? null : referenceLoss(model, examples, initialState);
      data[i] = original - epsilon;
      const minus = data[i]!;
      const lossMinus = precision === 'float64' ? evaluateLoss(model, examples, initialState) : 0;
      const referenceMinus = precision === 'float64' ? null : referenceLoss(model, examples, initialState);
      data[i] = original;
      // (J(θ+ε) − J(θ−ε)) / (step actually taken: θ ± ε are rounded to float64)
      const numeric =
        referencePlus === null || referenceMinus === null
          ? (lossPlus - lossMinus) / (plus - minus)
          : toNumber(div(sub(referencePlus, referenceMinus), sub(dd(plus), dd(minus))));
      const analytic = gradient[i]!;
      const error = gradientRelativeError(analytic, numeric);
      if (error > worst.error || Number.isNaN(error)) worst = { error, index: i, analytic, numeric };
    }
    parameters.push({
      name: tensor.name,
      count: data.length,
      worstRelativeError: Math.max(worst.error, 0),
      worstIndex: worst.index,
      analytic: worst.analytic,
      numeric: worst.numeric,
    });
  }
  const worstRelativeError = parameters.reduce((w, p) => (Number.isNaN(p.worstRelativeError) ? NaN : Math.max(w, p.worstRelativeError)), 0);
  return { parameters, worstRelativeError, passed: worstRelativeError <= tolerance, epsilon, tolerance, precision };
}

/** What a small random gradient-check problem looks like. Defaults are the `rnn-lab gradcheck` defaults. */
export interface GradientCheckProblemSpec {
  readonly cell: CellKind;
  readonly nonlinearity?: Nonlinearity;
  readonly numLayers?: number;
  readonly topology: TopologyId;
  readonly loss: LossKind;
  readonly seed: number;
  /** H ≤ 4 per docs/maths.md; default 3. */
  readonly hiddenSize?: number;
  /** Input steps T (≤ 8); default 5 (1 for one-to-one). */
  readonly steps?: number;
  /** Scored/generated steps for one-to-many and encoder–decoder; default 4 (≠ T, to exercise M ≠ T). */
  readonly outputSteps?: number;
  /** Sequences in the mini-batch; default 2 (exercises the batch mean). */
  readonly batchSize?: number;
  /** one-to-many input mode; default 'first-step'. */
  readonly oneToManyInput?: ModelConfig['oneToManyInput'];
  /** Draw a non-zero initial state h0 (and c0); default false. */
  readonly randomInitialState?: boolean;
}

export const GRADIENT_CHECK_DEFAULT_HIDDEN = 3;
export const GRADIENT_CHECK_DEFAULT_STEPS = 5;
export const GRADIENT_CHECK_DEFAULT_OUTPUT_STEPS = 4;
export const GRADIENT_CHECK_DEFAULT_BATCH = 2;
/** Inputs 2, outputs (or classes) 3. */
export const GRADIENT_CHECK_INPUT_SIZE = 2;
export const GRADIENT_CHECK_OUTPUT_SIZE = 3;
/** Parameters are drawn from U(−PARAMETER_RANGE, PARAMETER_RANGE), biases included, so every path is exercised. */
export const GRADIENT_CHECK_PARAMETER_RANGE = 0.8;

export interface GradientCheckProblem {
  readonly model: RecurrentModel;
  readonly examples: SequenceExample[];
  readonly initialState: RecurrentState | null;
}

/** A small float64 model with random parameters and a random mini-batch for it (seeded, reproducible). */
export function createGradientCheckProblem(spec: GradientCheckProblemSpec): GradientCheckProblem {
  const random = new SeededRandom(spec.seed);
  const steps = spec.topology === 'one-to-one' ? 1 : (spec.steps ?? GRADIENT_CHECK_DEFAULT_STEPS);
  const outputSteps = spec.outputSteps ?? GRADIENT_CHECK_DEFAULT_OUTPUT_STEPS;
  const config: ModelConfig = {
    cell: spec.cell,
    nonlinearity: spec.nonlinearity ?? 'tanh',
    inputSize: GRADIENT_CHECK_INPUT_SIZE,
    hiddenSize: spec.hiddenSize ?? GRADIENT_CHECK_DEFAULT_HIDDEN,
    outputSize: GRADIENT_CHECK_OUTPUT_SIZE,
    numLayers: spec.numLayers ?? 1,
    topology: spec.topology,
    loss: spec.loss,
    oneToManyInput: spec.oneToManyInput ?? 'first-step',
    outputLength: outputSteps,
  };
  const parameters = createZeroParameters(config);
  for (const tensor of parameters.tensors) {
    for (let i = 0; i < tensor.data.length; i++) {
      tensor.data[i] = random.uniform(-GRADIENT_CHECK_PARAMETER_RANGE, GRADIENT_CHECK_PARAMETER_RANGE);
    }
  }
  const model = new RecurrentModel(config, parameters);
  const inputLength = spec.topology === 'one-to-many' ? 1 : steps;
  const targetLength =
    spec.topology === 'one-to-many' || spec.topology === 'many-to-many-encoder-decoder'
      ? outputSteps
      : spec.topology === 'many-to-many-synced'
        ? steps
        : 1;
  const examples: SequenceExample[] = [];
  for (let b = 0; b < (spec.batchSize ?? GRADIENT_CHECK_DEFAULT_BATCH); b++) {
    const inputs = new Float64Array(inputLength * config.inputSize).map(() => awayFromZero(random));
    if (spec.loss === 'xent') {
      const classes = new Int32Array(targetLength).map(() => random.integer(config.outputSize));
      examples.push({ inputLength, inputs, targetLength, targets: new Float64Array(0), targetClasses: classes });
    } else {
      const targets = new Float64Array(targetLength * config.outputSize).map(() => random.uniform(-1, 1));
      examples.push({ inputLength, inputs, targetLength, targets });
    }
  }
  let initialState: RecurrentState | null = null;
  if (spec.randomInitialState === true) {
    const size = config.numLayers * config.hiddenSize;
    initialState = {
      hidden: new Float64Array(size).map(() => random.uniform(-0.9, 0.9)),
      cell: config.cell === 'lstm' ? new Float64Array(size).map(() => random.uniform(-1, 1)) : null,
    };
  }
  return { model, examples, initialState };
}

/** ±U(0.5, 1): inputs bounded away from 0, so no weight's gradient is tiny only because its input is. */
function awayFromZero(random: SeededRandom): number {
  const magnitude = random.uniform(0.5, 1);
  return random.nextFloat() < 0.5 ? -magnitude : magnitude;
}
