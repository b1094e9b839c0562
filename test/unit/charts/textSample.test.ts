// The training panel's "Text sample" card for character models (issue 6, chart 6): which runs get it, the messages
// of both hops (page ⇄ host through the training panel's parsers, host ⇄ worker) are validated field by field, and
// the real worker_threads worker samples from a model.json on disk — greedy output is the model's argmax chain.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RecurrentModel, createZeroParameters } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { serializeModel } from '../../../src/modelFiles/modelJson';
import { findTensor } from '../../../src/engine/tensor';
import { modelJsonPathOf, sampleTextFromSavedRun, sampleTextInWorker } from '../../../src/host/trainingPanel/textSampleWorkerClient';
import { isCharacterRunRecord, textSampleAvailability } from '../../../src/host/trainingPanel/characterRun';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import {
  PANEL_MAX_SAMPLE_LENGTH,
  TEXT_SAMPLE_STRING_KEYS,
  parseSampleTextWorkerRequest,
  parseSamplingWorkerMessage,
} from '../../../src/protocol/textSampleProtocol';
import { parseTrainingHostToWebviewMessage, parseTrainingWebviewToHostMessage } from '../../../src/protocol/trainingPanelProtocol';
import { runTextSampling } from '../../../src/worker/textSampleWorker';
import { makeRecord } from './runRecordFixtures';
import { bundleWorker } from '../workerBundle';

const VOCABULARY = ['a', 'b', 'c'];

/** h = tanh(3x), ŷ = P h with P the cycle a→b→c→a: greedy text after "a" is "bcabc…". */
function cycleModelJson(): string {
  const config: ModelConfig = {
    cell: 'rnn', nonlinearity: 'tanh', inputSize: 3, hiddenSize: 3, outputSize: 3, numLayers: 1,
    topology: 'many-to-many-synced', loss: 'xent', oneToManyInput: 'first-step', outputLength: 5,
  };
  const model = new RecurrentModel(config, createZeroParameters(config));
  const wih = findTensor(model.parameters, 'weight_ih_l0')!.data;
  const wout = findTensor(model.parameters, 'weight_out')!.data;
  for (let k = 0; k < 3; k++) {
    wih[k * 3 + k] = 3;
    wout[((k + 1) % 3) * 3 + k] = 2;
  }
  return serializeModel(config, model.parameters, { training: { vocabulary: VOCABULARY } });
}

function characterRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  const base = makeRecord();
  return {
    ...base,
    config: { ...base.config, model: { ...base.config.model, topology: { value: 'many-to-many-synced', source: 'argument' } } },
    data: {
      ...base.data,
      normalization: [],
      shapes: { rowsRead: 40, columnsUsed: ['text'], trainWindows: 10, validationWindows: 2, inputShape: [12, 25, 31], targetShape: [12, 25, 1] },
    },
    modelFile: 'model.json',
    ...overrides,
  };
}

const strings = Object.fromEntries(TEXT_SAMPLE_STRING_KEYS.map((key) => [key, key]));

describe('text sample card (character models)', () => {
  describe('which runs get the card', () => {
    it('recognises a character run and says when sampling is available', () => {
      const record = characterRecord();
      assert.strictEqual(isCharacterRunRecord(record), true);
      assert.strictEqual(textSampleAvailability(record, '/runs/x/run.json'), 'ready');
      assert.strictEqual(textSampleAvailability({ ...record, status: 'running', modelFile: null }, null), 'waiting');
      assert.strictEqual(textSampleAvailability({ ...record, status: 'failed', modelFile: null }, '/runs/x/run.json'), 'noModel');
    });

    it('gives no card to number series or sentence classifiers', () => {
      const series = makeRecord();
      assert.strictEqual(isCharacterRunRecord(series), false);
      assert.strictEqual(textSampleAvailability(series, '/runs/x/run.json'), null);
      const classifier = characterRecord({ config: { ...series.config, model: { ...series.config.model, topology: { value: 'many-to-one', source: 'argument' } } } });
      assert.strictEqual(isCharacterRunRecord(classifier), false);
      const normalisedColumnNamedText = characterRecord();
      assert.strictEqual(isCharacterRunRecord({ ...normalisedColumnNamedText, data: { ...normalisedColumnNamedText.data, normalization: [{ column: 'text', kind: 'zscore', offset: 0, scale: 1 }] } }), false);
    });
  });

  describe('page ⇄ host messages', () => {
    it('accepts a well-formed sampleText and rejects each bad field with its path', () => {
      assert.deepStrictEqual(parseTrainingWebviewToHostMessage({ type: 'sampleText', temperature: 0.7, prime: 'Había', length: 300 }), {
        ok: true,
        value: { type: 'sampleText', temperature: 0.7, prime: 'Había', length: 300 },
      });
      const bad: [Record<string, unknown>, string, string][] = [
        [{ temperature: 0.05 }, 'temperature', 'outOfRange'],
        [{ temperature: 2.5 }, 'temperature', 'outOfRange'],
        [{ temperature: '1' }, 'temperature', 'wrongType'],
        [{ temperature: Number.NaN }, 'temperature', 'wrongType'],
        [{ prime: 3 }, 'prime', 'wrongType'],
        [{ prime: 'x'.repeat(501) }, 'prime', 'outOfRange'],
        [{ length: 0 }, 'length', 'outOfRange'],
        [{ length: PANEL_MAX_SAMPLE_LENGTH + 1 }, 'length', 'outOfRange'],
        [{ length: 10.5 }, 'length', 'notInteger'],
      ];
      for (const [override, field, kind] of bad) {
        const parsed = parseTrainingWebviewToHostMessage({ type: 'sampleText', temperature: 1, prime: '', length: 10, ...override });
        assert.ok(!parsed.ok, JSON.stringify(override));
        if (!parsed.ok) {
          assert.strictEqual(parsed.issue.path, field);
          assert.strictEqual(parsed.issue.kind, kind);
        }
      }
    });

    it('validates the page\'s report that the card shows a sample', () => {
      assert.deepStrictEqual(parseTrainingWebviewToHostMessage({ type: 'textSampleShown', seed: 7, characters: 300 }), { ok: true, value: { type: 'textSampleShown', seed: 7, characters: 300 } });
      const tooMany = parseTrainingWebviewToHostMessage({ type: 'textSampleShown', seed: 7, characters: PANEL_MAX_SAMPLE_LENGTH + 1 });
      assert.ok(!tooMany.ok && tooMany.issue.path === 'characters');
      const noSeed = parseTrainingWebviewToHostMessage({ type: 'textSampleShown', characters: 3 });
      assert.ok(!noSeed.ok && noSeed.issue.path === 'seed');
    });

    it('validates the host → page card messages', () => {
      const state = { type: 'textSampleState', availability: 'ready', busy: false, request: { temperature: 1, prime: '', length: 300 }, strings };
      assert.ok(parseTrainingHostToWebviewMessage(state).ok);
      const unknownAvailability = parseTrainingHostToWebviewMessage({ ...state, availability: 'later' });
      assert.ok(!unknownAvailability.ok && unknownAvailability.issue.path === 'availability');
      const missingString = parseTrainingHostToWebviewMessage({ ...state, strings: { ...strings, sampleButton: undefined } });
      assert.ok(!missingString.ok && missingString.issue.path === 'strings.sampleButton');
      const badRequest = parseTrainingHostToWebviewMessage({ ...state, request: { temperature: 1, prime: '', length: -1 } });
      assert.ok(!badRequest.ok && badRequest.issue.path === 'request.length');

      const sample = { type: 'textSample', text: 'bcab', temperature: 0.5, prime: 'a', seed: 42, greedy: false, skippedPrimeCharacters: ['é'], elapsedMs: 3.5 };
      assert.ok(parseTrainingHostToWebviewMessage(sample).ok);
      const badSkipped = parseTrainingHostToWebviewMessage({ ...sample, skippedPrimeCharacters: [1] });
      assert.ok(!badSkipped.ok && badSkipped.issue.path === 'skippedPrimeCharacters[0]');
      const badSeed = parseTrainingHostToWebviewMessage({ ...sample, seed: -1 });
      assert.ok(!badSeed.ok && badSeed.issue.path === 'seed');
      assert.ok(parseTrainingHostToWebviewMessage({ type: 'textSampleError', message: 'no' }).ok);
      assert.ok(!parseTrainingHostToWebviewMessage({ type: 'textSampleError', message: 3 }).ok);
    });
  });

  describe('host ⇄ worker', () => {
    let directory: string;
    let workerScript: string;

    before(async () => {
      directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-sampling-'));
      workerScript = await bundleWorker('textSampleWorker', directory);
    });
    after(() => fs.rmSync(directory, { recursive: true, force: true }));

    it('validates requests and answers', () => {
      const request = { type: 'sample', modelJson: '{}', prime: '', length: 5, temperature: 0.001, seed: 1 };
      assert.ok(parseSampleTextWorkerRequest(request).ok);
      for (const [field, value] of [['temperature', 0], ['length', 0], ['seed', 1.5], ['modelJson', null]] as const) {
        const parsed = parseSampleTextWorkerRequest({ ...request, [field]: value });
        assert.ok(!parsed.ok && parsed.issue.path === field, field);
      }
      assert.ok(parseSamplingWorkerMessage({ type: 'sampled', text: 'ab', greedy: true, skippedPrimeCharacters: [], elapsedMs: 1 }).ok);
      const badAnswer = parseSamplingWorkerMessage({ type: 'sampled', text: 'ab', greedy: 'yes', skippedPrimeCharacters: [], elapsedMs: 1 });
      assert.ok(!badAnswer.ok && badAnswer.issue.path === 'greedy');
    });

    it('the worker entry samples the argmax chain greedily and explains a file that is not a character model', () => {
      const answer = runTextSampling({ type: 'sample', modelJson: cycleModelJson(), prime: 'xa', length: 7, temperature: 0.001, seed: 3 });
      assert.deepStrictEqual({ ...answer, elapsedMs: 0 }, { type: 'sampled', text: 'bcabcab', greedy: true, skippedPrimeCharacters: ['x'], elapsedMs: 0 });
      const noVocabulary = JSON.parse(cycleModelJson()) as Record<string, unknown>;
      delete noVocabulary.training;
      const refused = runTextSampling({ type: 'sample', modelJson: JSON.stringify(noVocabulary), prime: '', length: 3, temperature: 1, seed: 3 });
      assert.strictEqual(refused.type, 'error');
      assert.match(refused.type === 'error' ? refused.message : '', /no character vocabulary/);
      const broken = runTextSampling({ type: 'sample', modelJson: '{"format": ', prime: '', length: 3, temperature: 1, seed: 3 });
      assert.match(broken.type === 'error' ? broken.message : '', /model\.json:1:\d+: not valid JSON/);
    });

    it('samples from a model.json on disk in a real worker; only characters of the vocabulary come back', async () => {
      const runFolder = path.join(directory, 'run');
      fs.mkdirSync(runFolder);
      fs.writeFileSync(path.join(runFolder, 'model.json'), cycleModelJson());
      const modelPath = modelJsonPathOf(path.join(runFolder, 'run.json'), 'model.json');
      const greedy = await sampleTextFromSavedRun(workerScript, modelPath, { prime: 'c', length: 6, temperature: 0.001, seed: 9 });
      assert.strictEqual(greedy.text, 'abcabc');
      const drawn = await sampleTextInWorker(workerScript, { type: 'sample', modelJson: cycleModelJson(), prime: '', length: PANEL_MAX_SAMPLE_LENGTH, temperature: 2, seed: 9 });
      assert.strictEqual(drawn.text.length, PANEL_MAX_SAMPLE_LENGTH);
      assert.ok([...drawn.text].every((c) => VOCABULARY.includes(c)));
      assert.strictEqual(new Set(drawn.text).size, 3, 'τ = 2 draws every character');
      await assert.rejects(sampleTextInWorker(workerScript, { type: 'sample', modelJson: 'null', prime: '', length: 3, temperature: 1, seed: 1 }), /expected a JSON object/);
      assert.throws(() => modelJsonPathOf('/runs/x/run.json', '../elsewhere.json'), /not a file name in the run's folder/);
    });
  });
});
