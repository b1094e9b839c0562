// Optimisers (issue 3: SGD — the lecture's —, momentum, Adam). Each updates the parameters in place from gradients
// with the same names, order and shapes; state (velocity, moments) is allocated once here, so `step` allocates nothing.
import type { Optimizer, ParameterSet } from './tensor';

export type OptimizerKind = Optimizer['kind'];
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam'];

/** μ of heavy-ball momentum (Polyak 1964; Sutskever et al. 2013 use 0.9). */
export const DEFAULT_MOMENTUM = 0.9;
/** Adam's decay rates and ε (Kingma & Ba 2015, Algorithm 1 defaults; also PyTorch's). */
export const DEFAULT_ADAM_BETA1 = 0.9;
export const DEFAULT_ADAM_BETA2 = 0.999;
export const DEFAULT_ADAM_EPSILON = 1e-8;

export interface OptimizerOptions {
  /** α, the step size. Must be finite and > 0. */
  readonly learningRate: number;
  /** Momentum μ ∈ [0, 1). Default `DEFAULT_MOMENTUM`. */
  readonly momentum?: number;
  /** Adam β1 ∈ [0, 1). Default `DEFAULT_ADAM_BETA1`. */
  readonly beta1?: number;
  /** Adam β2 ∈ [0, 1). Default `DEFAULT_ADAM_BETA2`. */
  readonly beta2?: number;
  /** Adam ε > 0, added to √v̂. Default `DEFAULT_ADAM_EPSILON`. */
  readonly epsilon?: number;
}

/** The optimiser contract plus what a trainer needs: a mutable α (e.g. a divergence remedy) and a step counter. */
export interface ConfigurableOptimizer extends Optimizer {
  learningRate: number;
  /** Updates applied so far (Adam's t). */
  readonly stepCount: number;
  /** Zeroes the state (velocity, moments, t), as if freshly created. */
  reset(): void;
}

export function createOptimizer(kind: OptimizerKind, options: OptimizerOptions, parameters: ParameterSet): ConfigurableOptimizer {
  validateOptions(kind, options);
  switch (kind) {
    case 'sgd':
      return new SgdOptimizer(options.learningRate, parameters);
    case 'momentum':
      return new MomentumOptimizer(options.learningRate, options.momentum ?? DEFAULT_MOMENTUM, parameters);
    case 'adam':
      return new AdamOptimizer(
        options.learningRate,
        options.beta1 ?? DEFAULT_ADAM_BETA1,
        options.beta2 ?? DEFAULT_ADAM_BETA2,
        options.epsilon ?? DEFAULT_ADAM_EPSILON,
        parameters,
      );
    default:
      throw new RangeError(`optimizer must be ${OPTIMIZER_KINDS.join('|')}, got "${String(kind)}"`);
  }
}

function validateOptions(kind: OptimizerKind, options: OptimizerOptions): void {
  if (!OPTIMIZER_KINDS.includes(kind)) {
    throw new RangeError(`optimizer must be ${OPTIMIZER_KINDS.join('|')}, got "${String(kind)}"`);
  }
  if (!(Number.isFinite(options.learningRate) && options.learningRate > 0)) {
    throw new RangeError(`learning rate must be a finite number > 0, got ${String(options.learningRate)}`);
  }
  const checkUnitInterval = (name: string, value: number | undefined): void => {
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw new RangeError(`${name} must be in [0, 1), got ${String(value)}`);
    }
  };
  checkUnitInterval('momentum', options.momentum);
  checkUnitInterval('beta1', options.beta1);
  checkUnitInterval('beta2', options.beta2);
  if (options.epsilon !== undefined && !(Number.isFinite(options.epsilon) && options.epsilon > 0)) {
    throw new RangeError(`epsilon must be a finite number > 0, got ${String(options.epsilon)}`);
  }
}

/** One Float64Array of state per parameter tensor, same lengths. */
function allocateStateLike(parameters: ParameterSet): Float64Array[] {
  return parameters.tensors.map((tensor) => new Float64Array(tensor.data.length));
}

/** Value count of every tensor, fixed at creation. */
function tensorLengths(parameters: ParameterSet): number[] {
  return parameters.tensors.map((tensor) => tensor.data.length);
}

/** Throws unless `parameters` and `gradients` match the tensors the optimiser was created for; allocation-free. */
function checkShapes(parameters: ParameterSet, gradients: ParameterSet, lengths: readonly number[]): void {
  const count = lengths.length;
  if (parameters.tensors.length !== count || gradients.tensors.length !== count) {
    throw new RangeError(
      `optimizer step: created for ${count} tensors, got ${parameters.tensors.length} parameters and ${gradients.tensors.length} gradients`,
    );
  }
  for (let i = 0; i < count; i++) {
    const parameter = parameters.tensors[i]!;
    const gradient = gradients.tensors[i]!;
    if (parameter.data.length !== lengths[i] || gradient.data.length !== lengths[i]) {
      throw new RangeError(
        `optimizer step: tensor ${i} ("${parameter.name}") has ${parameter.data.length} values and its gradient ` +
          `("${gradient.name}") ${gradient.data.length}, expected ${lengths[i]}`,
      );
    }
  }
}

/** Plain gradient descent, the lecture's update θ ← θ − α ∂J/∂θ. */
class SgdOptimizer implements ConfigurableOptimizer {
  readonly kind = 'sgd';
  stepCount = 0;
  private readonly lengths: number[];

  constructor(
    public learningRate: number,
    parameters: ParameterSet,
  ) {
    this.lengths = tensorLengths(parameters);
  }

  step(parameters: ParameterSet, gradients: ParameterSet): void {
    checkShapes(parameters, gradients, this.lengths);
    const alpha = this.learningRate;
    for (let k = 0; k < parameters.tensors.length; k++) {
      const theta = parameters.tensors[k]!.data;
      const g = gradients.tensors[k]!.data;
      for (let i = 0; i < theta.length; i++) {
        theta[i] -= alpha * g[i]!;
      }
    }
    this.stepCount++;
  }

  reset(): void {
    this.stepCount = 0;
  }
}

/**
 * Heavy-ball momentum in PyTorch's form: v ← μ v + ∂J/∂θ; θ ← θ − α v (v_0 = 0). For a constant α this equals the
 * textbook v ← μ v − α ∂J/∂θ; θ ← θ + v, and it keeps the step consistent if α is changed mid-run.
 */
class MomentumOptimizer implements ConfigurableOptimizer {
  readonly kind = 'momentum';
  stepCount = 0;
  private readonly velocity: Float64Array[];
  private readonly lengths: number[];

  constructor(
    public learningRate: number,
    private readonly momentum: number,
    parameters: ParameterSet,
  ) {
    this.velocity = allocateStateLike(parameters);
    this.lengths = tensorLengths(parameters);
  }

  step(parameters: ParameterSet, gradients: ParameterSet): void {
    checkShapes(parameters, gradients, this.lengths);
    const alpha = this.learningRate;
    const mu = this.momentum;
    for (let k = 0; k < parameters.tensors.length; k++) {
      const theta = parameters.tensors[k]!.data;
      const g = gradients.tensors[k]!.data;
      const v = this.velocity[k]!;
      for (let i = 0; i < theta.length; i++) {
        const vi = mu * v[i]! + g[i]!;
        v[i] = vi;
        theta[i] -= alpha * vi;
      }
    }
    this.stepCount++;
  }

  reset(): void {
    for (const v of this.velocity) v.fill(0);
    this.stepCount = 0;
  }
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1), t = 1, 2, …:
 *   m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  m̂ = m/(1 − β1^t);  v̂ = v/(1 − β2^t);  θ ← θ − α m̂/(√v̂ + ε).
 * The first step is therefore θ ← θ − α g/(|g| + ε): magnitude ≈ α per coordinate whatever the gradient scale.
 */
class AdamOptimizer implements ConfigurableOptimizer {
  readonly kind = 'adam';
  stepCount = 0;
  private readonly firstMoment: Float64Array[];
  private readonly secondMoment: Float64Array[];
  private readonly lengths: number[];

  constructor(
    public learningRate: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
    parameters: ParameterSet,
  ) {
    this.firstMoment = allocateStateLike(parameters);
    this.secondMoment = allocateStateLike(parameters);
    this.lengths = tensorLengths(parameters);
  }

  step(parameters: ParameterSet, gradients: ParameterSet): void {
    checkShapes(parameters, gradients, this.lengths);
    const t = this.stepCount + 1;
    const { beta1, beta2, epsilon } = this;
    const alpha = this.learningRate;
    const firstCorrection = 1 / (1 - Math.pow(beta1, t));
    const secondCorrection = 1 / (1 - Math.pow(beta2, t));
    for (let k = 0; k < parameters.tensors.length; k++) {
      const theta = parameters.tensors[k]!.data;
      const g = gradients.tensors[k]!.data;
      const m = this.firstMoment[k]!;
      const v = this.secondMoment[k]!;
      for (let i = 0; i < theta.length; i++) {
        const gi = g[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * gi;
        const vi = beta2 * v[i]! + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        theta[i] -= (alpha * (mi * firstCorrection)) / (Math.sqrt(vi * secondCorrection) + epsilon);
      }
    }
    this.stepCount = t;
  }

  reset(): void {
    for (const m of this.firstMoment) m.fill(0);
    for (const v of this.secondMoment) v.fill(0);
    this.stepCount = 0;
  }
}
