// The remedy flags of `rnn-lab train` (issue 4): parsing into the engine's RemedyOptions / InitOptions / echo state
// options, and the one-line exit-2 errors for values or combinations that do not apply. `--tbptt` is parsed by
// train.ts itself (it predates the other remedies) and passed into RemedyOptions.truncation there.
import { CliUsageError } from '../cliSupport';
import { enumFlag, stringFlag, type FlagSpec, type ParsedFlags } from '../flags';
import { DEFAULT_IDENTITY_SCALE, DEFAULT_INIT_SCHEME, INIT_SCHEMES, type InitOptions } from '../../engine/init';
import type { CellKind, Nonlinearity } from '../../engine/modelConfig';
import { DEFAULT_OMEGA_WEIGHT, OMEGA_VANILLA_ONLY } from '../../engine/remedies/omega';
import {
  DEFAULT_ECHO_STATE_OPTIONS,
  MAX_RESERVOIR_SIZE,
  type EchoStateOptions,
} from '../../engine/esn/esnOptions';

export const REMEDY_FLAGS = {
  'clip-norm': { type: 'string', accepts: 'τ, a number greater than 0 (clip the global gradient norm to τ)' },
  'clip-value': { type: 'string', accepts: 'c, a number greater than 0 (clip every gradient element to [−c, c])' },
  l2: { type: 'string', accepts: 'λ, a number ≥ 0' },
  omega: { type: 'string', accepts: `α, a number ≥ 0 (the reference weight is ${DEFAULT_OMEGA_WEIGHT})` },
  init: { type: 'string', accepts: INIT_SCHEMES.join('|') },
  'identity-scale': { type: 'string', accepts: 'λ, a number greater than 0 (with --init identity)' },
  'spectral-radius': { type: 'string', accepts: 'ρ, a number greater than 0' },
  reservoir: { type: 'string', accepts: `N, an integer 1–${MAX_RESERVOIR_SIZE} (with --cell esn)` },
  leak: { type: 'string', accepts: 'a, a number in (0, 1] (with --cell esn)' },
  sparsity: { type: 'string', accepts: 'S, a number in [0, 1) (with --cell esn)' },
  'input-scale': { type: 'string', accepts: 'a number greater than 0 (with --cell esn)' },
  ridge: { type: 'string', accepts: 'β, a number ≥ 0 (with --cell esn)' },
  washout: { type: 'string', accepts: 'W, an integer ≥ 0 (with --cell esn)' },
} as const satisfies Readonly<Record<string, FlagSpec>>;

export const REMEDY_HELP = `Remedies (docs/maths.md "Remedies"):
  --clip-norm X       clip the global gradient norm: if ‖g‖ ≥ X then g ← X·g/‖g‖ (Pascanu Alg. 1)
  --clip-value X      clip every gradient element to [−X, X]
  --l2 X              L2 penalty X‖θ‖²/2 on the weight matrices
  --omega X           Pascanu's Ω regulariser with weight α = X (${DEFAULT_OMEGA_WEIGHT} in the paper's code); vanilla RNN only
  --init S            W_hh initialisation: ${INIT_SCHEMES.join(' | ')} (default ${DEFAULT_INIT_SCHEME}; identity = IRNN, relu unless
                      --nonlinearity is given)
  --identity-scale X  λ of --init identity: W_hh = λI (default ${DEFAULT_IDENTITY_SCALE})
  --spectral-radius X rescale W_hh (every gate block) to spectral radius X; with --cell esn, the reservoir's ρ
Echo state network (--cell esn: fixed sparse reservoir, ridge readout in closed form, no BPTT):
  --reservoir N (default ${DEFAULT_ECHO_STATE_OPTIONS.reservoirSize})  --spectral-radius X (default ${DEFAULT_ECHO_STATE_OPTIONS.spectralRadius})  --leak A (default ${DEFAULT_ECHO_STATE_OPTIONS.leak})
  --sparsity S (default ${DEFAULT_ECHO_STATE_OPTIONS.sparsity})  --input-scale X (default ${DEFAULT_ECHO_STATE_OPTIONS.inputScale})  --ridge B (default ${DEFAULT_ECHO_STATE_OPTIONS.ridge})  --washout W (default ${DEFAULT_ECHO_STATE_OPTIONS.washout})
`;

/** Flags that only make sense for a network trained by BPTT: refused with --cell esn. */
export const BPTT_ONLY_FLAGS = [
  'clip-norm', 'clip-value', 'l2', 'omega', 'init', 'identity-scale', 'tbptt', 'nonlinearity', 'hidden', 'layers',
  'epochs', 'batch', 'optimizer', 'lr', 'save',
] as const;
const ESN_ONLY_FLAGS = ['reservoir', 'leak', 'sparsity', 'input-scale', 'ridge', 'washout'] as const;

export interface RemedyFlagValues {
  readonly clipNorm: number | null;
  readonly clipValue: number | null;
  readonly l2: number;
  readonly omega: number;
  readonly init: InitOptions;
  /** σ implied by the flags when --nonlinearity is absent: relu for --init identity (IRNN), else undefined. */
  readonly impliedNonlinearity: Nonlinearity | undefined;
  /** Set with --cell esn: the echo state options given (unset ones take the engine's defaults). */
  readonly echoState: Partial<EchoStateOptions> | null;
}

/**
 * Reads the remedy flags of `flags` for a run with `cell` (rnn | lstm | gru | esn). Throws a CliUsageError (exit 2)
 * naming the flag and the accepted values for a bad value or a flag that does not apply to the cell.
 */
export function parseRemedyFlags(flags: ParsedFlags, cell: CellKind | 'esn'): RemedyFlagValues {
  const given = (name: string): boolean => flags.values[name] !== undefined;
  if (cell === 'esn') {
    const refused = BPTT_ONLY_FLAGS.filter(given);
    if (refused.length > 0) {
      throw new CliUsageError(
        `--${refused[0]} does not apply to --cell esn: an echo state network fits its readout in closed form (no BPTT); its options are --reservoir, --spectral-radius, --leak, --sparsity, --input-scale, --ridge, --washout`,
      );
    }
    const echoState: Partial<EchoStateOptions> = {
      ...optional('reservoirSize', integerIn(flags, 'reservoir', 1, MAX_RESERVOIR_SIZE)),
      ...optional('spectralRadius', numberIn(flags, 'spectral-radius', 'a number greater than 0', (x) => x > 0)),
      ...optional('leak', numberIn(flags, 'leak', 'a number in (0, 1]', (x) => x > 0 && x <= 1)),
      ...optional('sparsity', numberIn(flags, 'sparsity', 'a number in [0, 1)', (x) => x >= 0 && x < 1)),
      ...optional('inputScale', numberIn(flags, 'input-scale', 'a number greater than 0', (x) => x > 0)),
      ...optional('ridge', numberIn(flags, 'ridge', 'a number ≥ 0', (x) => x >= 0)),
      ...optional('washout', integerIn(flags, 'washout', 0, Number.MAX_SAFE_INTEGER)),
    };
    return { clipNorm: null, clipValue: null, l2: 0, omega: 0, init: { scheme: DEFAULT_INIT_SCHEME }, impliedNonlinearity: undefined, echoState };
  }
  const esnFlag = ESN_ONLY_FLAGS.find(given);
  if (esnFlag !== undefined) throw new CliUsageError(`--${esnFlag} applies to --cell esn only (this run uses --cell ${cell})`);
  const omega = numberIn(flags, 'omega', 'α, a number ≥ 0', (x) => x >= 0) ?? 0;
  if (omega > 0 && cell !== 'rnn') throw new CliUsageError(`${OMEGA_VANILLA_ONLY}; this run uses --cell ${cell}`);
  const scheme = enumFlag(flags, 'init', INIT_SCHEMES) ?? DEFAULT_INIT_SCHEME;
  const identityScale = numberIn(flags, 'identity-scale', 'a number greater than 0', (x) => x > 0);
  if (identityScale !== undefined && scheme !== 'identity') {
    throw new CliUsageError(`--identity-scale applies to --init identity (W_hh = λI), not --init ${scheme}`);
  }
  const spectralRadius = numberIn(flags, 'spectral-radius', 'a number greater than 0', (x) => x > 0);
  return {
    clipNorm: numberIn(flags, 'clip-norm', 'a number greater than 0', (x) => x > 0) ?? null,
    clipValue: numberIn(flags, 'clip-value', 'a number greater than 0', (x) => x > 0) ?? null,
    l2: numberIn(flags, 'l2', 'a number ≥ 0', (x) => x >= 0) ?? 0,
    omega,
    init: {
      scheme,
      ...(identityScale !== undefined ? { identityScale } : {}),
      ...(spectralRadius !== undefined ? { spectralRadius } : {}),
    },
    impliedNonlinearity: scheme === 'identity' && cell === 'rnn' ? 'relu' : undefined,
    echoState: null,
  };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/** A finite number flag satisfying `ok`; undefined when absent. */
function numberIn(flags: ParsedFlags, name: string, accepts: string, ok: (value: number) => boolean): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !ok(value)) throw new CliUsageError(`--${name} must be ${accepts}, got "${raw}"`);
  return value;
}

function integerIn(flags: ParsedFlags, name: string, min: number, max: number): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*[+-]?\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
