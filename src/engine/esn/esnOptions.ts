// Options of the echo state network (docs/maths.md "Echo state network"; issue 4: `--cell esn --reservoir N
// --spectral-radius X --leak A --sparsity S --input-scale X --ridge B --washout W`), with the defaults as named
// constants and one validation function that names the offending option.

/** N: reservoir units. 100 is Jaeger's tutorial size; enough for smooth series such as the noisy sine. */
export const DEFAULT_RESERVOIR_SIZE = 100;
/** ρ(W) after rescaling. < 1 is the usual rule of thumb for the echo-state property (not a guarantee). */
export const DEFAULT_ESN_SPECTRAL_RADIUS = 0.95;
/**
 * a: leaking rate. 1.0 is Jaeger's (2001) original non-leaky ESN, x(n) = tanh(W_in[1; u(n)] + W x(n−1)); smaller
 * values (e.g. 0.3) slow the reservoir down for slowly varying signals.
 */
export const DEFAULT_LEAK = 1.0;
/** S: fraction of reservoir weights that are exactly zero. */
export const DEFAULT_SPARSITY = 0.9;
/** W_in entries are uniform on [−inputScale, inputScale] (bias column included). */
export const DEFAULT_INPUT_SCALE = 1;
/** β of the ridge readout W_out = Y Xᵀ (X Xᵀ + βI)⁻¹. */
export const DEFAULT_RIDGE = 1e-6;
/** Initial steps of every sequence whose states are discarded (transient from the zero start state). */
export const DEFAULT_WASHOUT = 10;
/** Largest reservoir accepted: rescaling needs all eigenvalues of the N×N W (O(N³): about a second at N = 1000). */
export const MAX_RESERVOIR_SIZE = 1000;

export interface EchoStateOptions {
  readonly reservoirSize: number;
  readonly spectralRadius: number;
  readonly leak: number;
  readonly sparsity: number;
  readonly inputScale: number;
  readonly ridge: number;
  readonly washout: number;
}

export const DEFAULT_ECHO_STATE_OPTIONS: EchoStateOptions = {
  reservoirSize: DEFAULT_RESERVOIR_SIZE,
  spectralRadius: DEFAULT_ESN_SPECTRAL_RADIUS,
  leak: DEFAULT_LEAK,
  sparsity: DEFAULT_SPARSITY,
  inputScale: DEFAULT_INPUT_SCALE,
  ridge: DEFAULT_RIDGE,
  washout: DEFAULT_WASHOUT,
};

/** Fills unspecified options with the defaults and validates every field (RangeError naming the option). */
export function resolveEchoStateOptions(partial: Partial<EchoStateOptions> = {}): EchoStateOptions {
  const options: EchoStateOptions = { ...DEFAULT_ECHO_STATE_OPTIONS, ...stripUndefined(partial) };
  const fail = (field: string, accepts: string, value: number): never => {
    throw new RangeError(`echo state network: ${field} must be ${accepts}, got ${String(value)}`);
  };
  const { reservoirSize, spectralRadius, leak, sparsity, inputScale, ridge, washout } = options;
  if (!Number.isInteger(reservoirSize) || reservoirSize < 1 || reservoirSize > MAX_RESERVOIR_SIZE) {
    fail('reservoirSize', `an integer from 1 to ${MAX_RESERVOIR_SIZE}`, reservoirSize);
  }
  if (!Number.isFinite(spectralRadius) || spectralRadius <= 0) fail('spectralRadius', 'a positive number', spectralRadius);
  if (!Number.isFinite(leak) || leak <= 0 || leak > 1) fail('leak', 'a number in (0, 1]', leak);
  if (!Number.isFinite(sparsity) || sparsity < 0 || sparsity >= 1) fail('sparsity', 'a number in [0, 1)', sparsity);
  if (!Number.isFinite(inputScale) || inputScale <= 0) fail('inputScale', 'a positive number', inputScale);
  if (!Number.isFinite(ridge) || ridge < 0) fail('ridge', 'a number ≥ 0', ridge);
  if (!Number.isInteger(washout) || washout < 0) fail('washout', 'an integer ≥ 0', washout);
  return options;
}

function stripUndefined(partial: Partial<EchoStateOptions>): Partial<EchoStateOptions> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<EchoStateOptions>;
}
