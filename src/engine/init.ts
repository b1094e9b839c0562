// Parameter initialisation (docs/maths.md, "Remedies → Initialisation"): the vanishing-gradient remedies that act
// before the first update. Every default is a named constant below.
//
// Rules, applied identically to the encoder stack and to the `decoder.` stack (parameterLayout.ts):
// - W_ih (every gate block) and the readout W_out: Xavier/Glorot uniform U(±√(6/(fan_in + fan_out))). Gated cells
//   stack G blocks of H rows, and each block is its own map I_l → H, so fan_out = H (not G·H) and fan_in = I_l.
// - W_hh, per gate block of H×H, by scheme:
//   xavier     — U(±√(6/(H + H))) = U(±√(3/H));
//   orthogonal — g·Q with Q from the QR of an H×H standard Gaussian matrix, column j of Q multiplied by sign(R_jj)
//                so Q is Haar-distributed (Mezzadri 2007) rather than biased by the QR's sign convention;
//   identity   — λI (IRNN, Le, Jaitly & Hinton 2015; meant for the ReLU RNN, with b = 0). For LSTM/GRU every gate
//                block becomes λI, which is what a user asking for "identity" on a gated cell would expect.
// - Optional: every W_hh gate block rescaled to a target spectral radius ρ (W ← ρ·W/ρ(W)), after the scheme.
// - Biases 0, except the LSTM forget gate (Jozefowicz, Zaremba & Sutskever 2015): PyTorch adds b_ih + b_hh in every
//   gate, so the forget bias +1 is written once, into bias_ih's f block (rows H…2H−1), with bias_hh's f block left 0;
//   the effective forget bias b_if + b_hf is then exactly +1.
import { householderQr } from './linalg/qr';
import { rescaleToSpectralRadius } from './linalg/spectralRadius';
import type { ModelConfig } from './modelConfig';
import { DECODER_PREFIX, gateCount, parameterLayout } from './parameterLayout';
import type { SeededRandom } from './random';
import type { ParameterSet, Tensor } from './tensor';
import { createTensor, findTensor } from './tensor';

export type InitScheme = 'xavier' | 'orthogonal' | 'identity';

export const INIT_SCHEMES: readonly InitScheme[] = ['xavier', 'orthogonal', 'identity'];
/** Default recurrent-matrix scheme. */
export const DEFAULT_INIT_SCHEME: InitScheme = 'xavier';
/** λ of the IRNN: W_hh = λI (Le et al. 2015 use λ = 1; smaller λ, e.g. 0.01, for long tasks). */
export const DEFAULT_IDENTITY_SCALE = 1;
/** g of the orthogonal scheme: W_hh = g·Q (1 keeps every singular value at 1). */
export const DEFAULT_ORTHOGONAL_GAIN = 1;
/** Effective LSTM forget-gate bias b_if + b_hf at initialisation (Jozefowicz et al. 2015). */
export const DEFAULT_FORGET_GATE_BIAS = 1;
/** Xavier/Glorot uniform: limit = √(XAVIER_UNIFORM_NUMERATOR / (fan_in + fan_out)). */
export const XAVIER_UNIFORM_NUMERATOR = 6;
/** LSTM gate order i, f, g, o (docs/maths.md, "Parameter layout"): the forget gate is block 1. */
export const LSTM_FORGET_GATE_BLOCK = 1;

export interface InitOptions {
  /** How W_hh is drawn (W_ih and W_out are always Xavier). Default `DEFAULT_INIT_SCHEME`. */
  readonly scheme: InitScheme;
  /** λ for `identity` (IRNN): W_hh = λI. Default `DEFAULT_IDENTITY_SCALE`. */
  readonly identityScale?: number;
  /** g for `orthogonal`: W_hh = g·Q. Default `DEFAULT_ORTHOGONAL_GAIN`. */
  readonly orthogonalGain?: number;
  /** LSTM only: the effective forget-gate bias b_if + b_hf. Default `DEFAULT_FORGET_GATE_BIAS`. */
  readonly forgetGateBias?: number;
  /**
   * If set (> 0), every W_hh gate block is rescaled after it is drawn, W ← ρ·W/ρ(W), so its spectral radius is ρ
   * (to 1e-6; eigenvalues from src/engine/linalg). ρ < 1 keeps linear dynamics contracting; ρ(W) ≤ λ₁(W), so this
   * does not by itself bound the Pascanu factor λ₁γ (docs/maths.md "Backpropagation through time").
   */
  readonly spectralRadius?: number;
}

/** √(6/(fan_in + fan_out)), the Xavier/Glorot uniform limit. */
export function xavierUniformLimit(fanIn: number, fanOut: number): number {
  return Math.sqrt(XAVIER_UNIFORM_NUMERATOR / (fanIn + fanOut));
}

/** Creates the model's tensors (parameterLayout order) and initialises them. */
export function createInitializedParameters(config: ModelConfig, options: InitOptions, rng: SeededRandom): ParameterSet {
  const parameters: ParameterSet = { tensors: parameterLayout(config).map((spec) => createTensor(spec.name, spec.shape)) };
  initializeParameters(parameters, config, options, rng);
  return parameters;
}

/**
 * Overwrites every parameter in place. Random draws happen in parameterLayout order, so the same seed, config and
 * options give bit-identical parameters.
 */
export function initializeParameters(parameters: ParameterSet, config: ModelConfig, options: InitOptions, rng: SeededRandom): void {
  validateOptions(options);
  const hidden = config.hiddenSize;
  const gates = gateCount(config.cell);
  const identityScale = options.identityScale ?? DEFAULT_IDENTITY_SCALE;
  const orthogonalGain = options.orthogonalGain ?? DEFAULT_ORTHOGONAL_GAIN;
  const forgetGateBias = options.forgetGateBias ?? DEFAULT_FORGET_GATE_BIAS;

  for (const spec of parameterLayout(config)) {
    const tensor = requireTensor(parameters, spec.name, spec.shape);
    const baseName = spec.name.startsWith(DECODER_PREFIX) ? spec.name.slice(DECODER_PREFIX.length) : spec.name;
    const data = tensor.data;
    if (baseName.startsWith('weight_ih_l')) {
      // [G·H × I_l]: each gate block maps I_l → H.
      fillUniform(data, 0, data.length, xavierUniformLimit(spec.shape[1] as number, hidden), rng);
    } else if (baseName.startsWith('weight_hh_l')) {
      for (let gate = 0; gate < gates; gate++) {
        const block = data.subarray(gate * hidden * hidden, (gate + 1) * hidden * hidden);
        switch (options.scheme) {
          case 'xavier':
            fillUniform(block, 0, block.length, xavierUniformLimit(hidden, hidden), rng);
            break;
          case 'orthogonal':
            fillOrthogonal(block, hidden, orthogonalGain, rng);
            break;
          case 'identity':
            fillIdentity(block, hidden, identityScale);
            break;
        }
        if (options.spectralRadius !== undefined) {
          rescaleBlockToSpectralRadius(block, hidden, options.spectralRadius, spec.name, gate);
        }
      }
    } else if (baseName.startsWith('bias_ih_l')) {
      data.fill(0);
      if (config.cell === 'lstm') {
        data.fill(forgetGateBias, LSTM_FORGET_GATE_BLOCK * hidden, (LSTM_FORGET_GATE_BLOCK + 1) * hidden);
      }
    } else if (baseName.startsWith('bias_hh_l') || baseName === 'bias_out') {
      data.fill(0);
    } else if (baseName === 'weight_out') {
      // [O × H]: H → O.
      fillUniform(data, 0, data.length, xavierUniformLimit(hidden, config.outputSize), rng);
    } else {
      throw new Error(`initializeParameters: no initialisation rule for parameter "${spec.name}"`);
    }
  }
}

function validateOptions(options: InitOptions): void {
  if (!INIT_SCHEMES.includes(options.scheme)) {
    throw new RangeError(`init scheme must be ${INIT_SCHEMES.join('|')}, got "${String(options.scheme)}"`);
  }
  const checkFinite = (name: string, value: number | undefined): void => {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new RangeError(`init option ${name} must be a finite number, got ${String(value)}`);
    }
  };
  checkFinite('identityScale', options.identityScale);
  checkFinite('orthogonalGain', options.orthogonalGain);
  checkFinite('forgetGateBias', options.forgetGateBias);
  if (options.spectralRadius !== undefined && !(Number.isFinite(options.spectralRadius) && options.spectralRadius > 0)) {
    throw new RangeError(`init option spectralRadius must be a finite number > 0, got ${String(options.spectralRadius)}`);
  }
}

function requireTensor(parameters: ParameterSet, name: string, shape: readonly number[]): Tensor {
  const tensor = findTensor(parameters, name);
  if (tensor === undefined) {
    throw new Error(`initializeParameters: parameter "${name}" [${shape.join(', ')}] is missing from the parameter set`);
  }
  if (tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i]) || tensor.data.length !== tensor.shape.reduce((p, d) => p * d, 1)) {
    throw new Error(`initializeParameters: parameter "${name}" has shape [${tensor.shape.join(', ')}], the model config needs [${shape.join(', ')}]`);
  }
  return tensor;
}

/** U(−limit, limit) into data[start…end). */
function fillUniform(data: Float64Array, start: number, end: number, limit: number, rng: SeededRandom): void {
  for (let i = start; i < end; i++) {
    data[i] = rng.uniform(-limit, limit);
  }
}

/** block [n×n] ← g·Q·diag(sign(diag R)), A = QR with A_ij ~ N(0, 1). */
function fillOrthogonal(block: Float64Array, n: number, gain: number, rng: SeededRandom): void {
  const gaussian = new Float64Array(n * n);
  for (let i = 0; i < gaussian.length; i++) {
    gaussian[i] = rng.nextGaussian();
  }
  const { q, r } = householderQr(gaussian, n, n);
  for (let col = 0; col < n; col++) {
    // sign(0) taken as +1: R_jj = 0 only for a singular Gaussian draw (probability 0).
    const sign = (r[col * n + col] as number) < 0 ? -1 : 1;
    for (let row = 0; row < n; row++) {
      block[row * n + col] = gain * sign * (q[row * n + col] as number);
    }
  }
}

/** block [n×n] ← λI. */
function fillIdentity(block: Float64Array, n: number, scale: number): void {
  block.fill(0);
  for (let i = 0; i < n; i++) {
    block[i * n + i] = scale;
  }
}

/** block [n×n] ← ρ_target·W/ρ(W) in place, naming the tensor and gate block if W cannot be rescaled (ρ(W) = 0). */
function rescaleBlockToSpectralRadius(block: Float64Array, n: number, target: number, name: string, gate: number): void {
  try {
    block.set(rescaleToSpectralRadius(block, n, target));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RangeError(`cannot rescale ${name} (gate block ${gate}) to spectral radius ${target}: ${reason}`);
  }
}
