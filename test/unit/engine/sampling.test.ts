// Text sampling from a character model (src/engine/sampling.ts): greedy decoding follows the argmax chain of a
// hand-built model; the empirical character frequencies at temperature τ match softmax(ŷ/τ); a high τ is near uniform;
// the state is carried across steps exactly as one forward pass over the whole text; bad inputs are named.
import * as assert from 'assert';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel, createZeroParameters } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { SeededRandom } from '../../../src/engine/random';
import {
  GREEDY_TEMPERATURE,
  SamplingError,
  argmax,
  createCharacterModel,
  sampleText,
  temperedSoftmax,
} from '../../../src/engine/sampling';
import { characterModelFromFile } from '../../../src/modelFiles/characterModelFile';
import { parseModel, serializeModel } from '../../../src/modelFiles/modelJson';
import { findTensor } from '../../../src/engine/tensor';

const VOCABULARY = ['a', 'b', 'c', 'd'];

function characterConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'rnn',
    nonlinearity: 'tanh',
    inputSize: VOCABULARY.length,
    hiddenSize: VOCABULARY.length,
    outputSize: VOCABULARY.length,
    numLayers: 1,
    topology: 'many-to-many-synced',
    loss: 'xent',
    oneToManyInput: 'first-step',
    outputLength: 8,
    ...overrides,
  };
}

function tensorData(model: RecurrentModel, name: string): Float64Array {
  const tensor = findTensor(model.parameters, name);
  if (tensor === undefined) throw new Error(`no ${name}`);
  return tensor.data;
}

/**
 * h_t = tanh(3·x_t) (W_ih = 3I, W_hh = 0, no bias) and ŷ_t = P h_t with P the cyclic shift a→b→c→d→a, so the largest
 * logit after character k is class k+1 (mod 4): greedy decoding must walk the cycle.
 */
function successorModel(): RecurrentModel {
  const config = characterConfig();
  const model = new RecurrentModel(config, createZeroParameters(config));
  const V = VOCABULARY.length;
  const wih = tensorData(model, 'weight_ih_l0');
  for (let k = 0; k < V; k++) wih[k * V + k] = 3;
  const wout = tensorData(model, 'weight_out');
  for (let k = 0; k < V; k++) wout[((k + 1) % V) * V + k] = 2; // row = next class, column = hidden unit of class k
  return model;
}

/** Every weight zero, b_out = `bias`: ŷ_t = bias at every step whatever the input, so draws are i.i.d. */
function constantLogitModel(bias: readonly number[]): RecurrentModel {
  const config = characterConfig();
  const model = new RecurrentModel(config, createZeroParameters(config));
  tensorData(model, 'bias_out').set(bias);
  return model;
}

function frequencies(text: string): number[] {
  const counts = VOCABULARY.map(() => 0);
  for (const character of text) counts[VOCABULARY.indexOf(character)]!++;
  return counts.map((count) => count / text.length);
}

function softmaxOf(logits: readonly number[], temperature: number): number[] {
  const out = new Float64Array(logits.length);
  temperedSoftmax(logits, temperature, out);
  return Array.from(out);
}

describe('text sampling from a character model', () => {
  it('temperedSoftmax equals exp(ŷ/τ)/Σ exp(ŷ/τ) and never overflows', () => {
    const p = softmaxOf([1, 0.5, -0.5, 2], 0.5);
    const e = [2, 1, -1, 4].map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    p.forEach((value, k) => assert.ok(Math.abs(value - e[k]! / sum) < 1e-15, `p[${k}] = ${value}`));
    const sharp = softmaxOf([1000, 999, -1000], GREEDY_TEMPERATURE * 2);
    assert.ok(sharp.every(Number.isFinite));
    assert.strictEqual(sharp[0], 1);
    assert.strictEqual(argmax([0.1, 0.7, 0.7, -3]), 1);
  });

  it('greedy decoding (τ ≤ 1e-3) follows the argmax chain a→b→c→d→a of a hand-built model', () => {
    const characterModel = createCharacterModel(successorModel(), VOCABULARY);
    for (const temperature of [GREEDY_TEMPERATURE, 1e-9]) {
      const sample = sampleText(characterModel, { prime: 'a', length: 9, temperature, seed: 1 });
      assert.strictEqual(sample.text, 'bcdabcdab');
      assert.strictEqual(sample.greedy, true);
    }
    // The prime's LAST character decides the first draw.
    assert.strictEqual(sampleText(characterModel, { prime: 'abd', length: 3, temperature: 1e-4, seed: 7 }).text, 'abc');
    // Greedy draws consume no randomness: any seed gives the same text.
    assert.strictEqual(sampleText(characterModel, { prime: 'c', length: 5, temperature: 1e-4, seed: 99 }).text, 'dabcd');
  });

  it('at τ = 0.7 and τ = 1 the empirical frequencies match softmax(ŷ/τ) within 4 standard errors', () => {
    const bias = [1, 0.5, -0.5, 2];
    const characterModel = createCharacterModel(constantLogitModel(bias), VOCABULARY);
    const draws = 10_000;
    for (const temperature of [0.7, 1]) {
      const { text } = sampleText(characterModel, { prime: 'ab', length: draws, temperature, seed: 2026 });
      assert.strictEqual(Array.from(text).length, draws);
      const expected = softmaxOf(bias, temperature);
      const observed = frequencies(text);
      expected.forEach((p, k) => {
        const standardError = Math.sqrt((p * (1 - p)) / draws);
        assert.ok(Math.abs(observed[k]! - p) < 4 * standardError, `τ=${temperature} class ${k}: observed ${observed[k]}, expected ${p} ± ${standardError}`);
      });
    }
    // At τ = 0.7 the most likely class (logit 2) has e^(2/0.7) / Σ_k e^(ŷ_k/0.7) = 0.72198 (hand-computed).
    assert.ok(Math.abs(softmaxOf(bias, 0.7)[3]! - 0.72198) < 1e-5);
  });

  it('a high temperature is near uniform, a low one near the argmax', () => {
    const characterModel = createCharacterModel(constantLogitModel([1, 0.5, -0.5, 2]), VOCABULARY);
    const hot = frequencies(sampleText(characterModel, { prime: '', length: 10_000, temperature: 100, seed: 5 }).text);
    hot.forEach((f, k) => assert.ok(Math.abs(f - 0.25) < 0.015, `τ=100 class ${k}: ${f}`));
    const cold = frequencies(sampleText(characterModel, { prime: '', length: 2_000, temperature: 0.1, seed: 5 }).text);
    // softmax(ŷ/0.1): class 3 has probability 1/(1 + e^−10 + e^−15 + e^−25) ≈ 0.99995
    assert.ok(cold[3]! > 0.998, `τ=0.1: ${cold[3]}`);
  });

  it('carries the recurrent state across steps: the greedy text is the argmax of one forward pass over prime + text', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const config = characterConfig({ cell, hiddenSize: 6, numLayers: 2 });
      const parameters = createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(11));
      for (const tensor of parameters.tensors) for (let i = 0; i < tensor.data.length; i++) tensor.data[i]! *= 3;
      const model = new RecurrentModel(config, parameters);
      const prime = 'cab';
      const { text } = sampleText(createCharacterModel(model, VOCABULARY), { prime, length: 12, temperature: 1e-4, seed: 0 });
      const whole = Array.from(prime + text.slice(0, -1), (c) => VOCABULARY.indexOf(c));
      const V = VOCABULARY.length;
      const inputs = new Float64Array(whole.length * V);
      whole.forEach((cls, t) => (inputs[t * V + cls] = 1));
      model.forward({ inputLength: whole.length, inputs, targetLength: whole.length });
      const expected = Array.from(text, (_, i) => VOCABULARY[argmax(model.outputs.subarray((prime.length - 1 + i) * V, (prime.length + i) * V))]).join('');
      assert.strictEqual(text, expected, `${cell}`);
      assert.ok(new Set(text).size > 1, `${cell}: the chain should not be constant (${text})`);
    }
  });

  it('is reproducible with a seed and differs across seeds', () => {
    const characterModel = createCharacterModel(constantLogitModel([0, 0, 0, 0]), VOCABULARY);
    const once = sampleText(characterModel, { prime: 'a', length: 200, temperature: 1, seed: 3 }).text;
    assert.strictEqual(sampleText(characterModel, { prime: 'a', length: 200, temperature: 1, seed: 3 }).text, once);
    assert.notStrictEqual(sampleText(characterModel, { prime: 'a', length: 200, temperature: 1, seed: 4 }).text, once);
  });

  it('skips unknown prime characters (reporting them) or rejects them on request', () => {
    const characterModel = createCharacterModel(successorModel(), VOCABULARY);
    const sample = sampleText(characterModel, { prime: 'xaéx', length: 2, temperature: 1e-4, seed: 1 });
    assert.strictEqual(sample.text, 'bc');
    assert.deepStrictEqual(sample.skippedPrimeCharacters, ['x', 'é']);
    assert.throws(
      () => sampleText(characterModel, { prime: 'aé', length: 2, temperature: 1, seed: 1, unknownPrimeCharacters: 'error' }),
      (error: unknown) => error instanceof SamplingError && error.field === 'prime' && /"é" is not in the model's vocabulary of 4/.test(error.message),
    );
  });

  it('rejects bad options with the field name', () => {
    const characterModel = createCharacterModel(successorModel(), VOCABULARY);
    const cases: [Partial<Parameters<typeof sampleText>[1]>, string][] = [
      [{ length: 0 }, 'length'],
      [{ length: 2.5 }, 'length'],
      [{ temperature: 0 }, 'temperature'],
      [{ temperature: -1 }, 'temperature'],
      [{ temperature: Number.NaN }, 'temperature'],
      [{ seed: 0.5 }, 'seed'],
    ];
    for (const [override, field] of cases) {
      assert.throws(
        () => sampleText(characterModel, { prime: 'a', length: 3, temperature: 1, seed: 1, ...override }),
        (error: unknown) => error instanceof SamplingError && error.field === field,
        JSON.stringify(override),
      );
    }
  });

  it('reads the vocabulary from a model file and refuses files that are not character models', () => {
    const model = successorModel();
    const text = serializeModel(model.config, model.parameters, { training: { vocabulary: VOCABULARY } });
    const loaded = characterModelFromFile(parseModel(text));
    assert.deepStrictEqual(loaded.vocabulary, VOCABULARY);
    assert.strictEqual(sampleText(loaded, { prime: 'b', length: 4, temperature: 1e-4, seed: 1 }).text, 'cdab');

    const noVocabulary = parseModel(serializeModel(model.config, model.parameters));
    assert.throws(() => characterModelFromFile(noVocabulary), /training\.vocabulary: missing/);
    const shortVocabulary = parseModel(serializeModel(model.config, model.parameters, { training: { vocabulary: ['a', 'b'] } }));
    assert.throws(() => characterModelFromFile(shortVocabulary), /has 2 characters but the model reads 4/);
    const regression = characterConfig({ topology: 'many-to-one', loss: 'mse', outputSize: 1 });
    const regressionFile = parseModel(serializeModel(regression, createZeroParameters(regression), { training: { vocabulary: VOCABULARY } }));
    assert.throws(() => characterModelFromFile(regressionFile), /not a character model: it is many-to-one with loss mse/);
  });
});
