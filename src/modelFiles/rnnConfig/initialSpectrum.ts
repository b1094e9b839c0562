// λ₁γ of the recurrent matrices as a `*.rnn.json` would initialise them (docs/maths.md, "Backpropagation through
// time": ‖∂X_{k+1}/∂X_k‖ ≤ λ₁γ, λ₁ = largest singular value of W_rec, γ = sup|σ'|). The parameters are drawn exactly as
// a training run draws them (engine init.ts: same seed, same draw order, same scheme and ρ rescaling), then λ₁ of
// every W_hh gate block is measured (engine linalg). The largest λ₁γ decides the verdict: if it is < 1 every block's
// bound decays geometrically ("vanishing guaranteed"); if it is > 1 some block lets the gradient grow ("exploding
// possible"). No vscode import: the remedy lenses and the unit tests share it.
import { NONLINEARITY_GAMMA, spectralVerdict, type SpectralVerdict } from '../../engine/diagnostics/spectral';
import { createInitializedParameters, type InitOptions } from '../../engine/init';
import { largestSingularValue } from '../../engine/linalg/singularValues';
import { modelConfigFromRnnConfig } from './modelConfigFromRnnConfig';
import type { RnnConfig } from './rnnConfig';
import type { ModelConfig, Nonlinearity } from '../../engine/modelConfig';
import { DECODER_PREFIX } from '../../engine/parameterLayout';
import { SeededRandom } from '../../engine/random';

/** Above this hidden size the lens does not measure λ₁ (O(H³) per gate block in the extension host). */
export const MAX_HIDDEN_SIZE_FOR_INIT_SPECTRUM = 256;
/**
 * Work budget in units of H³ summed over the W_hh blocks: one 256×256 block (≈ 0.3 s measured on 2 cores, engine
 * linalg). Rescaling to a spectral radius adds nonsymmetric eigenvalue solves, weighted SPECTRAL_RESCALE_COST_FACTOR.
 */
export const INIT_SPECTRUM_COST_BUDGET = 256 ** 3;
export const SPECTRAL_RESCALE_COST_FACTOR = 5;

/** Gate blocks stacked in weight_hh, with the nonlinearity after each (docs/maths.md "Parameter layout"). */
const GATED_BLOCKS: Readonly<Record<'lstm' | 'gru', readonly { readonly name: string; readonly nonlinearity: Nonlinearity }[]>> = {
  lstm: [
    { name: 'i', nonlinearity: 'sigmoid' },
    { name: 'f', nonlinearity: 'sigmoid' },
    { name: 'g', nonlinearity: 'tanh' },
    { name: 'o', nonlinearity: 'sigmoid' },
  ],
  gru: [
    { name: 'r', nonlinearity: 'sigmoid' },
    { name: 'z', nonlinearity: 'sigmoid' },
    { name: 'n', nonlinearity: 'tanh' },
  ],
};

export interface InitialSpectrum {
  readonly kind: 'measured';
  /** The block with the largest λ₁γ. */
  readonly parameter: string;
  /** "W_hh" for a plain RNN, the gate letter for LSTM/GRU. */
  readonly block: string;
  readonly largestSingularValue: number;
  readonly gamma: number;
  readonly lambdaGamma: number;
  readonly verdict: SpectralVerdict;
  /** How many W_hh blocks were measured (layers × stacks × gates). */
  readonly blocksMeasured: number;
}

export type InitialSpectrumSkip =
  | { readonly kind: 'skipped'; readonly reason: 'echo-state-network' }
  | { readonly kind: 'skipped'; readonly reason: 'too-large'; readonly hiddenSize: number; readonly blocks: number }
  | { readonly kind: 'skipped'; readonly reason: 'no-model' | 'init-failed'; readonly detail: string };

export type InitialSpectrumResult = InitialSpectrum | InitialSpectrumSkip;

/** W_hh gate blocks of the model: gates × layers × (2 stacks for encoder–decoder). */
export function recurrentBlockCount(model: ModelConfig): number {
  const gates = model.cell === 'rnn' ? 1 : GATED_BLOCKS[model.cell].length;
  const stacks = model.topology === 'many-to-many-encoder-decoder' ? 2 : 1;
  return gates * model.numLayers * stacks;
}

/** True when measuring λ₁ at init fits the budget (see INIT_SPECTRUM_COST_BUDGET). */
export function initialSpectrumIsCheap(model: ModelConfig, rescaled: boolean): boolean {
  if (model.hiddenSize > MAX_HIDDEN_SIZE_FOR_INIT_SPECTRUM) return false;
  const cost = recurrentBlockCount(model) * model.hiddenSize ** 3 * (rescaled ? SPECTRAL_RESCALE_COST_FACTOR : 1);
  return cost <= INIT_SPECTRUM_COST_BUDGET;
}

export function initialSpectrum(config: RnnConfig): InitialSpectrumResult {
  if (config.cell === 'esn') return { kind: 'skipped', reason: 'echo-state-network' };
  const built = modelConfigFromRnnConfig(config);
  if (!built.ok) return { kind: 'skipped', reason: 'no-model', detail: built.reason };
  const model = built.model;
  if (!initialSpectrumIsCheap(model, config.spectralRadius !== null)) {
    return { kind: 'skipped', reason: 'too-large', hiddenSize: model.hiddenSize, blocks: recurrentBlockCount(model) };
  }
  const options: InitOptions = {
    scheme: config.init,
    identityScale: config.identityScale,
    forgetGateBias: config.forgetBias,
    ...(config.spectralRadius !== null ? { spectralRadius: config.spectralRadius } : {}),
  };
  let tensors;
  try {
    tensors = createInitializedParameters(model, options, new SeededRandom(config.seed)).tensors;
  } catch (error) {
    return { kind: 'skipped', reason: 'init-failed', detail: error instanceof Error ? error.message : String(error) };
  }
  const H = model.hiddenSize;
  const blocks = model.cell === 'rnn' ? [{ name: 'W_hh', nonlinearity: model.nonlinearity }] : GATED_BLOCKS[model.cell];
  let worst: InitialSpectrum | null = null;
  let measured = 0;
  for (const tensor of tensors) {
    const base = tensor.name.startsWith(DECODER_PREFIX) ? tensor.name.slice(DECODER_PREFIX.length) : tensor.name;
    if (!base.startsWith('weight_hh_l')) continue;
    blocks.forEach((block, index) => {
      const w = tensor.data.subarray(index * H * H, (index + 1) * H * H);
      const lambda1 = largestSingularValue(w, H, H);
      const gamma = NONLINEARITY_GAMMA[block.nonlinearity];
      const lambdaGamma = lambda1 * gamma;
      measured++;
      if (worst === null || lambdaGamma > worst.lambdaGamma) {
        worst = {
          kind: 'measured',
          parameter: tensor.name,
          block: block.name,
          largestSingularValue: lambda1,
          gamma,
          lambdaGamma,
          verdict: spectralVerdict(lambdaGamma),
          blocksMeasured: 0,
        };
      }
    });
  }
  if (worst === null) return { kind: 'skipped', reason: 'no-model', detail: 'the model has no recurrent matrix weight_hh' };
  return { ...(worst as InitialSpectrum), blocksMeasured: measured };
}

/** The config fields λ₁γ at init depends on: equal keys give equal results (the lens cache key). */
export function initialSpectrumKey(config: RnnConfig): string {
  return JSON.stringify([
    config.cell,
    config.nonlinearity,
    config.topology,
    config.inputLength,
    config.outputLength,
    config.data?.window ?? null,
    config.layers,
    config.hiddenSize,
    config.inputSize,
    config.outputSize,
    config.init,
    config.identityScale,
    config.spectralRadius,
    config.forgetBias,
    config.seed,
    config.loss,
    config.oneToManyInput,
  ]);
}

/** A small most-recently-used cache so editing unrelated fields never recomputes λ₁. */
export class InitialSpectrumCache {
  private readonly entries = new Map<string, InitialSpectrumResult>();

  constructor(private readonly capacity = 32) {}

  /** The cached result, without computing. */
  peek(config: RnnConfig): InitialSpectrumResult | undefined {
    return this.entries.get(initialSpectrumKey(config));
  }

  get(config: RnnConfig): InitialSpectrumResult {
    const key = initialSpectrumKey(config);
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const result = initialSpectrum(config);
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return result;
  }

  get size(): number {
    return this.entries.size;
  }
}
