// Sampling text from a trained character-level model (min-char-rnn's `sample`; issue 6, chart 6): the model reads a
// prime text one one-hot character at a time to warm up its state, then repeatedly
//   ŷ_t = W_out h_t + b_out                     (the logits, readout.ts)
//   p_t = softmax(ŷ_t / τ)                      (temperature τ: < 1 sharpens, > 1 flattens; docs/maths.md "Losses")
//   c_{t+1} ~ p_t                               (one draw of the seeded RNG, random.ts)
// and feeds the one-hot of the drawn character back in as the next input. As τ → 0 the tempered softmax tends to the
// one-hot of the largest logit, so τ ≤ GREEDY_TEMPERATURE is taken as exactly that limit (argmax, no division by a
// vanishing τ and no RNG draw): greedy decoding.
//
// The recurrent state is carried across single-step forward passes with RecurrentModel.finalState(), so sampling
// uses the very forward pass training used (model.ts), whatever the cell.
import { RecurrentModel } from './model';
import { SeededRandom } from './random';
import type { RecurrentState } from './model';

/** τ at or below this is greedy decoding (argmax): the limit of softmax(ŷ/τ) as τ → 0⁺. */
export const GREEDY_TEMPERATURE = 1e-3;
/** Longest sample one call produces (the panel caps its length field here too). */
export const MAX_SAMPLE_LENGTH = 10_000;
/** Highest temperature accepted; beyond it p_t is indistinguishable from uniform anyway. */
export const MAX_TEMPERATURE = 100;

/** A synced many-to-many cross-entropy model with its vocabulary: class k ⇄ character vocabulary[k]. */
export interface CharacterModel {
  readonly model: RecurrentModel;
  readonly vocabulary: readonly string[];
}

/** What to do with prime characters the model never saw in training. */
export type UnknownPrimeCharacters = 'skip' | 'error';

export interface TextSamplingOptions {
  /** Characters read before sampling starts (may be empty: the first input is then the zero vector). */
  readonly prime: string;
  /** Number of characters to draw, 1 … MAX_SAMPLE_LENGTH. */
  readonly length: number;
  /** τ > 0; τ ≤ GREEDY_TEMPERATURE means argmax. */
  readonly temperature: number;
  /** Seed of the RNG the draws come from (same seed, same model, same options → same text). */
  readonly seed: number;
  /** Default 'skip': unknown prime characters are left out and reported in `skippedPrimeCharacters`. */
  readonly unknownPrimeCharacters?: UnknownPrimeCharacters;
}

export interface TextSample {
  /** The drawn characters (the prime not included). */
  readonly text: string;
  /** Distinct prime characters outside the vocabulary that were skipped, in order of appearance. */
  readonly skippedPrimeCharacters: readonly string[];
  /** Whether greedy decoding was used (τ ≤ GREEDY_TEMPERATURE). */
  readonly greedy: boolean;
}

/** An input the sampler cannot use: `field` names the option, the message says what to change. */
export class SamplingError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = 'SamplingError';
  }
}

/** Pairs a model with its vocabulary after checking they fit (one class per character, input size = output size). */
export function createCharacterModel(model: RecurrentModel, vocabulary: readonly string[]): CharacterModel {
  const { inputSize, outputSize, topology, loss } = model.config;
  if (topology !== 'many-to-many-synced' || loss !== 'xent') {
    throw new SamplingError('model', `text sampling needs a many-to-many-synced cross-entropy model, got ${topology} with ${loss}`);
  }
  if (vocabulary.length !== outputSize || inputSize !== outputSize) {
    throw new SamplingError('training.vocabulary', `has ${vocabulary.length} characters but the model reads ${inputSize} and predicts ${outputSize} classes; they must all be equal`);
  }
  if (new Set(vocabulary).size !== vocabulary.length) {
    throw new SamplingError('training.vocabulary', 'lists a character twice; each class must be a distinct character');
  }
  return { model, vocabulary };
}

/** Checks the sampling options; throws a SamplingError naming the first bad one. */
export function validateSamplingOptions(options: TextSamplingOptions): void {
  if (typeof options.prime !== 'string') throw new SamplingError('prime', 'must be a string');
  if (!Number.isInteger(options.length) || options.length < 1 || options.length > MAX_SAMPLE_LENGTH) {
    throw new SamplingError('length', `must be an integer from 1 to ${MAX_SAMPLE_LENGTH}, got ${String(options.length)}`);
  }
  if (!(typeof options.temperature === 'number' && options.temperature > 0 && options.temperature <= MAX_TEMPERATURE)) {
    throw new SamplingError('temperature', `must be a number in (0, ${MAX_TEMPERATURE}], got ${String(options.temperature)} (use a small value such as 0.001 for greedy decoding)`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new SamplingError('seed', `must be an integer, got ${String(options.seed)}`);
}

/**
 * p = softmax(ŷ / τ) into `probabilities` (same length as `logits`). The largest scaled logit is subtracted before
 * exp, as in losses.ts's log-sum-exp, so no term overflows however small τ is.
 */
export function temperedSoftmax(logits: ArrayLike<number>, temperature: number, probabilities: Float64Array): void {
  let maximum = -Infinity;
  for (let k = 0; k < logits.length; k++) if (logits[k]! > maximum) maximum = logits[k]!;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp((logits[k]! - maximum) / temperature);
    probabilities[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) probabilities[k]! /= sum;
}

/** Index of the largest logit (the first one on ties): the τ → 0 limit of a draw from softmax(ŷ/τ). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/** One draw from the categorical distribution `probabilities` (inverse CDF with one uniform u ∈ [0, 1)). */
export function drawCategorical(probabilities: ArrayLike<number>, random: SeededRandom): number {
  const u = random.nextFloat();
  let cumulative = 0;
  for (let k = 0; k < probabilities.length; k++) {
    cumulative += probabilities[k]!;
    if (u < cumulative) return k;
  }
  // u lies within rounding of 1 beyond the summed probabilities: the last class with non-zero probability.
  for (let k = probabilities.length - 1; k > 0; k--) if (probabilities[k]! > 0) return k;
  return 0;
}

/**
 * The next-character class from the logits ŷ: argmax when τ ≤ GREEDY_TEMPERATURE, else a draw from softmax(ŷ/τ).
 * `scratch` holds the probabilities (length = number of classes).
 */
export function chooseNextClass(logits: ArrayLike<number>, temperature: number, random: SeededRandom, scratch: Float64Array): number {
  if (temperature <= GREEDY_TEMPERATURE) return argmax(logits);
  temperedSoftmax(logits, temperature, scratch);
  return drawCategorical(scratch, random);
}

/** Samples `length` characters after warming the state up on `prime` (see the top of this file). */
export function sampleText(characterModel: CharacterModel, options: TextSamplingOptions): TextSample {
  validateSamplingOptions(options);
  const { model, vocabulary } = characterModel;
  const V = vocabulary.length;
  const indexOf = new Map(vocabulary.map((character, index) => [character, index]));
  // Prime → class indices (Array.from splits by code point, as the vocabulary was built).
  const primeClasses: number[] = [];
  const skipped: string[] = [];
  for (const character of Array.from(options.prime)) {
    const index = indexOf.get(character);
    if (index !== undefined) primeClasses.push(index);
    else if ((options.unknownPrimeCharacters ?? 'skip') === 'error') {
      throw new SamplingError('prime', `the character ${JSON.stringify(character)} is not in the model's vocabulary of ${V} characters; use only characters of the training text`);
    } else if (!skipped.includes(character)) skipped.push(character);
  }

  const random = new SeededRandom(options.seed);
  const probabilities = new Float64Array(V);
  const logits = new Float64Array(V);
  const greedy = options.temperature <= GREEDY_TEMPERATURE;
  let state: RecurrentState | null = null;

  // Warm-up: the whole prime in one forward pass (synced: ŷ_t at every step); the last step's logits predict the
  // first sampled character. Without a prime, one step on the zero vector (no character) gives the first logits.
  const warmUpSteps = Math.max(1, primeClasses.length);
  const warmUp = new Float64Array(warmUpSteps * V);
  primeClasses.forEach((cls, t) => {
    warmUp[t * V + cls] = 1;
  });
  model.forward({ inputLength: warmUpSteps, inputs: warmUp, targetLength: warmUpSteps }, state);
  logits.set(model.outputs.subarray((warmUpSteps - 1) * V, warmUpSteps * V));
  state = model.finalState();

  const input = new Float64Array(V);
  const drawn: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const next = chooseNextClass(logits, options.temperature, random, probabilities);
    drawn.push(vocabulary[next]!);
    if (i === options.length - 1) break;
    // feed the drawn character back in: x_{t+1} = onehot(c_{t+1}), h_t carried over from the previous step
    input.fill(0);
    input[next] = 1;
    model.forward({ inputLength: 1, inputs: input, targetLength: 1 }, state);
    logits.set(model.outputs.subarray(0, V));
    state = model.finalState();
  }
  return { text: drawn.join(''), skippedPrimeCharacters: skipped, greedy };
}
