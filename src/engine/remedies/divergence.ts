// Divergence detection (issue 4, "Divergence"): a NaN/Inf loss or parameter, or a gradient norm above a bound, stops
// training; the trainer keeps the last good parameters (LastGoodParameters below) and reports which remedy to try.
// The exploding-gradient analysis behind the hints is docs/maths.md "Backpropagation through time" (λ₁γ > 1 is
// necessary for explosion) and "Remedies" (clipping, smaller steps, orthogonal/scaled W_rec, LSTM's cell path).
//
// Texts here are English (CLI output, `--json`); `reason` and `remedies` are stable codes a host can localise itself.
import type { InitScheme } from '../init';
import type { CellKind, Nonlinearity } from '../modelConfig';
import type { OptimizerKind } from '../optimizers';
import type { ParameterSet } from '../tensor';

/** Gradient norm above which training is declared diverged when no bound is given: far beyond any useful update. */
export const DEFAULT_GRADIENT_NORM_BOUND = 1e6;

export const DIVERGENCE_REASONS = ['non-finite-loss', 'non-finite-parameters', 'non-finite-gradient', 'gradient-norm-above-bound'] as const;
export type DivergenceReason = (typeof DIVERGENCE_REASONS)[number];

/** Remedies a hint can propose, most effective first. */
export const REMEDY_IDS = [
  'enable-clipping',
  'lower-clip-threshold',
  'lower-learning-rate',
  'lower-identity-scale',
  'orthogonal-init',
  'lower-spectral-radius',
  'use-lstm',
] as const;
export type RemedyId = (typeof REMEDY_IDS)[number];

export interface DivergenceReport {
  readonly reason: DivergenceReason;
  /** What happened, one English sentence with the numbers. */
  readonly detail: string;
  /** What to try, one English sentence (the remedies below, in order). */
  readonly hint: string;
  readonly remedies: readonly RemedyId[];
  /** The first non-finite tensor, for non-finite parameters. */
  readonly tensorName?: string;
}

/** What the run was doing; shapes the hint. Every field optional: omit what is unknown. */
export interface DivergenceContext {
  readonly cell?: CellKind | 'esn';
  readonly nonlinearity?: Nonlinearity;
  readonly optimizer?: OptimizerKind;
  readonly learningRate?: number;
  /** Global-norm clip τ, or null/undefined when off. */
  readonly clipNorm?: number | null;
  /** Element-wise clip c, or null/undefined when off. */
  readonly clipValue?: number | null;
  readonly init?: InitScheme;
  readonly identityScale?: number;
  /** Target ρ of W_hh, or null/undefined when not rescaled. */
  readonly spectralRadius?: number | null;
}

export interface DivergenceCheck {
  /** Training loss of the step (or epoch). */
  readonly loss: number;
  /** Pre-clip global gradient norm ‖∂J/∂θ‖, if known. */
  readonly gradientNorm?: number;
  /** Parameters after the update, to scan for NaN/Inf (skipped if omitted). */
  readonly parameters?: ParameterSet;
}

/**
 * The first sign of divergence, or undefined when the step is healthy. Order: non-finite loss, non-finite gradient,
 * gradient norm above `gradientNormBound`, non-finite parameters.
 */
export function detectDivergence(
  check: DivergenceCheck,
  context: DivergenceContext = {},
  gradientNormBound: number = DEFAULT_GRADIENT_NORM_BOUND,
): DivergenceReport | undefined {
  if (!(gradientNormBound > 0)) {
    throw new RangeError(`gradient norm bound must be a number > 0, got ${String(gradientNormBound)}`);
  }
  if (!Number.isFinite(check.loss)) {
    return report('non-finite-loss', `the training loss became ${check.loss}`, context);
  }
  if (check.gradientNorm !== undefined) {
    if (!Number.isFinite(check.gradientNorm)) {
      return report('non-finite-gradient', `the gradient norm ‖∂J/∂θ‖ became ${check.gradientNorm}`, context);
    }
    if (check.gradientNorm > gradientNormBound) {
      return report(
        'gradient-norm-above-bound',
        `the gradient norm ‖∂J/∂θ‖ = ${check.gradientNorm.toPrecision(3)} exceeded the bound ${gradientNormBound} (exploding gradients)`,
        context,
      );
    }
  }
  if (check.parameters !== undefined) {
    const bad = firstNonFiniteParameter(check.parameters);
    if (bad !== undefined) {
      return report('non-finite-parameters', `parameter ${bad.name}[${bad.index}] became ${bad.value}`, context, bad.name);
    }
  }
  return undefined;
}

/** The first NaN/±Inf among the parameters, or undefined. */
export function firstNonFiniteParameter(parameters: ParameterSet): { name: string; index: number; value: number } | undefined {
  for (const tensor of parameters.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      if (!Number.isFinite(value)) return { name: tensor.name, index: i, value };
    }
  }
  return undefined;
}

/** Remedies in the order worth trying for this run, derived from what is already in use. */
export function suggestRemedies(context: DivergenceContext): RemedyId[] {
  const remedies: RemedyId[] = [];
  const clipping = (context.clipNorm ?? null) !== null || (context.clipValue ?? null) !== null;
  // Clipping bounds every update whatever W_rec does (Pascanu et al. 2013): first, if it is off.
  remedies.push(clipping ? 'lower-clip-threshold' : 'enable-clipping');
  remedies.push('lower-learning-rate');
  if (context.cell === 'rnn' || context.cell === undefined) {
    if (context.init === 'identity' && (context.identityScale ?? 1) >= 1) {
      remedies.push('lower-identity-scale'); // λI with relu: ‖∂h_{k+1}/∂h_k‖ can reach λ > 1 per step
    } else if (context.init !== 'orthogonal' && (context.spectralRadius ?? null) === null) {
      remedies.push('orthogonal-init'); // all singular values 1: λ₁γ ≤ 1 for tanh/relu at initialisation
    }
    if ((context.spectralRadius ?? 0) >= 1) {
      remedies.push('lower-spectral-radius');
    }
    remedies.push('use-lstm');
  }
  return remedies;
}

function remedyText(remedy: RemedyId, context: DivergenceContext): string {
  switch (remedy) {
    case 'enable-clipping':
      return 'enable gradient clipping by global norm (e.g. --clip-norm 1)';
    case 'lower-clip-threshold': {
      const tau = context.clipNorm ?? null;
      return tau !== null ? `lower the clipping threshold (--clip-norm ${formatSmaller(tau)})` : 'lower the clipping threshold';
    }
    case 'lower-learning-rate': {
      const lr = context.learningRate;
      return lr !== undefined && lr > 0 ? `lower the learning rate (e.g. --lr ${formatSmaller(lr)})` : 'lower the learning rate';
    }
    case 'lower-identity-scale':
      return 'use a smaller identity scale λ < 1 (e.g. --identity-scale 0.5)';
    case 'orthogonal-init':
      return 'use orthogonal initialisation (--init orthogonal) or a spectral radius below 1 (--spectral-radius 0.9)';
    case 'lower-spectral-radius':
      return 'rescale W_rec to a spectral radius below 1 (--spectral-radius 0.9)';
    case 'use-lstm':
      return 'use an LSTM or GRU cell (--cell lstm)';
  }
}

/** One tenth, printed without floating-point noise (0.1 → 0.01, not 0.010000000000000002). */
function formatSmaller(value: number): string {
  return String(Number((value / 10).toPrecision(6)));
}

function report(reason: DivergenceReason, detail: string, context: DivergenceContext, tensorName?: string): DivergenceReport {
  const remedies = suggestRemedies(context);
  const texts = remedies.map((remedy) => remedyText(remedy, context));
  const hint = `Training diverged: try to ${joinAlternatives(texts)}.`;
  return tensorName === undefined ? { reason, detail, hint, remedies } : { reason, detail, hint, remedies, tensorName };
}

function joinAlternatives(texts: readonly string[]): string {
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join('; ')}; or ${texts[texts.length - 1]}`;
}

/**
 * A preallocated copy of the parameters, so a trainer can keep the last good values and restore them on divergence
 * without allocating per step. Created holding a copy of `parameters` (the initial values are "good").
 */
export class LastGoodParameters {
  private readonly saved: Float64Array[];

  constructor(parameters: ParameterSet) {
    this.saved = parameters.tensors.map((tensor) => Float64Array.from(tensor.data));
  }

  /** Copies the current (healthy) parameters. */
  save(parameters: ParameterSet): void {
    this.checkShapes(parameters);
    for (let k = 0; k < this.saved.length; k++) this.saved[k]!.set(parameters.tensors[k]!.data);
  }

  /** Writes the saved values back into `parameters`. */
  restore(parameters: ParameterSet): void {
    this.checkShapes(parameters);
    for (let k = 0; k < this.saved.length; k++) parameters.tensors[k]!.data.set(this.saved[k]!);
  }

  private checkShapes(parameters: ParameterSet): void {
    const tensors = parameters.tensors;
    let matches = tensors.length === this.saved.length;
    for (let k = 0; matches && k < tensors.length; k++) matches = tensors[k]!.data.length === this.saved[k]!.length;
    if (!matches) throw new RangeError('LastGoodParameters: the parameter set does not match the one it was created for');
  }
}
