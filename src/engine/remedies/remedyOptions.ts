// The lecture's remedies as ONE engine-level options object (issue 4, "Remedies"; docs/maths.md "Remedies" and
// "Backpropagation through time"), built from the settings by lab/training/trainingSetup.ts for `rnn-lab train`
// and the extension's training worker alike. training/remedyHooks.ts turns it into the training loop's hooks; init.ts applies `init` when the parameters are drawn.
//
//   exploding gradients   clipNorm (global norm, Pascanu Alg. 1), clipValue (element-wise), truncation (TBPTT(k1, k2)),
//                         l2 (λ‖θ‖²/2 on the weight matrices), omega (α of Pascanu's Ω, vanilla RNN only)
//   vanishing gradients   init (xavier | orthogonal | identity with λ, optional spectral-radius rescale of W_hh);
//                         LSTM/GRU and echo state networks are model choices, not options here
//   divergence            gradientNormBound: without clipping, a pre-clip ‖∂J/∂θ‖ above it stops training (with
//                         clipping only a non-finite norm does: clipping exists to survive large norms)
import { DEFAULT_INIT_SCHEME, INIT_SCHEMES, type InitOptions } from '../init';
import type { ModelConfig } from '../modelConfig';
import type { TruncationOptions } from '../truncatedBptt';
import { DEFAULT_GRADIENT_NORM_BOUND } from './divergence';
import { OMEGA_VANILLA_ONLY } from './omega';

export interface RemedyOptions {
  /** τ of clipping by global norm, or null (off). */
  readonly clipNorm: number | null;
  /** c of clipping by value to [−c, c], or null (off). */
  readonly clipValue: number | null;
  /** λ of the L2 penalty λ‖θ‖²/2 (0: off). */
  readonly l2: number;
  /** α of Pascanu's Ω (0: off); the CLI's `--omega X` sets α = X (remedies/omega.ts, DEFAULT_OMEGA_WEIGHT = 2). */
  readonly omega: number;
  /** Truncated BPTT(k1, k2), or null for full BPTT. k1 = k2 = T is exactly full BPTT. */
  readonly truncation: TruncationOptions | null;
  /** How W_hh is initialised (W_ih, W_out: Xavier). */
  readonly init: InitOptions;
  /** Without clipping, a pre-clip gradient norm above this is a divergence. */
  readonly gradientNormBound: number;
}

export const DEFAULT_REMEDY_OPTIONS: RemedyOptions = {
  clipNorm: null,
  clipValue: null,
  l2: 0,
  omega: 0,
  truncation: null,
  init: { scheme: DEFAULT_INIT_SCHEME },
  gradientNormBound: DEFAULT_GRADIENT_NORM_BOUND,
};

/** True when any form of clipping is on. */
export function clippingEnabled(options: RemedyOptions): boolean {
  return options.clipNorm !== null || options.clipValue !== null;
}

/**
 * Fills the defaults and validates every field against the model it will train; throws a RangeError whose message
 * names the option (in the CLI's flag words) and what it accepts.
 */
export function resolveRemedyOptions(partial: Partial<RemedyOptions>, config: ModelConfig): RemedyOptions {
  const options: RemedyOptions = { ...DEFAULT_REMEDY_OPTIONS, ...withoutUndefined(partial) };
  const positive = (name: string, value: number | null): void => {
    if (value !== null && !(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  };
  positive('clip norm (--clip-norm)', options.clipNorm);
  positive('clip value (--clip-value)', options.clipValue);
  positive('gradient norm bound', options.gradientNormBound);
  if (!(Number.isFinite(options.l2) && options.l2 >= 0)) throw new RangeError(`L2 strength (--l2) must be a finite number ≥ 0, got ${String(options.l2)}`);
  if (!(Number.isFinite(options.omega) && options.omega >= 0)) throw new RangeError(`Ω weight α (--omega) must be a finite number ≥ 0, got ${String(options.omega)}`);
  if (options.omega > 0 && config.cell !== 'rnn') throw new RangeError(`${OMEGA_VANILLA_ONLY}; this model is ${config.cell}`);
  if (options.truncation !== null) {
    const { k1, k2 } = options.truncation;
    if (!Number.isInteger(k1) || !Number.isInteger(k2) || k1 < 1 || k2 < k1) {
      throw new RangeError(`truncated BPTT (--tbptt K1,K2) needs integers 1 ≤ k1 ≤ k2, got k1 = ${k1}, k2 = ${k2}`);
    }
    if (config.topology !== 'many-to-one' && config.topology !== 'many-to-many-synced') {
      throw new RangeError(`truncated BPTT (--tbptt) applies to many-to-one and many-to-many-synced, not ${config.topology}`);
    }
  }
  const init = options.init;
  if (!INIT_SCHEMES.includes(init.scheme)) throw new RangeError(`init (--init) must be ${INIT_SCHEMES.join('|')}, got "${String(init.scheme)}"`);
  if (init.identityScale !== undefined) {
    if (init.scheme !== 'identity') throw new RangeError('identity scale (--identity-scale) applies to --init identity only');
    if (!(Number.isFinite(init.identityScale) && init.identityScale > 0)) {
      throw new RangeError(`identity scale (--identity-scale) must be a finite number > 0, got ${String(init.identityScale)}`);
    }
  }
  if (init.spectralRadius !== undefined && !(Number.isFinite(init.spectralRadius) && init.spectralRadius > 0)) {
    throw new RangeError(`spectral radius (--spectral-radius) must be a finite number > 0, got ${String(init.spectralRadius)}`);
  }
  return options;
}

function withoutUndefined<T extends object>(partial: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}
