import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseTableText } from '../../../src/data/parse/loadTable';
import { guessTextAndLabelColumns, prepareCharacterData, prepareLabelledTextData } from '../../../src/data/prepare/characterTrainingData';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import type { TrainingRunResult } from '../../../src/lab/training/trainingRun';
import { collectRun } from './trainingRunFixtures';

const samples = path.resolve(__dirname, '../../../../samples');

function settings(overrides: SettingsOverrides) {
  return plainSettings(resolveSettings({ args: overrides }).settings);
}

function train(prepared: ReturnType<typeof prepareCharacterData>, overrides: SettingsOverrides): { losses: number[]; run: TrainingRunResult } {
  const { epochs, run } = collectRun({ model: prepared.model, settings: settings(overrides), data: prepared.data, modelExtras: { training: { vocabulary: [...prepared.vocabulary] } } });
  return { losses: epochs.map((e) => e.trainLoss), run };
}

describe('character-level and labelled-text training data', () => {
  it('turns plain text into one-hot next-character windows and trains a synced cross-entropy model on them', () => {
    const text = 'hola mundo, hola faro. '.repeat(12);
    const table = parseTableText(text, 'cuento.txt');
    assert.strictEqual(table.format, 'text');
    const overrides: SettingsOverrides = { model: { window: 10, hiddenSize: 12 }, training: { epochs: 12, learningRate: 0.03, validationSplit: 0.2 } };
    const prepared = prepareCharacterData(table, settings(overrides), 'cuento.txt');
    const vocabularySize = new Set(text).size;
    assert.strictEqual(prepared.model.inputSize, vocabularySize);
    assert.strictEqual(prepared.model.loss, 'xent');
    assert.strictEqual(prepared.model.topology, 'many-to-many-synced');
    // 276 characters in non-overlapping windows of 10 (+1 for the last target): 27 windows, 5 for validation.
    assert.deepStrictEqual(prepared.summary.shapes.inputShape, [27, 10, vocabularySize]);
    assert.strictEqual(prepared.summary.shapes.validationWindows, 5);
    const first = prepared.data.train[0];
    assert.deepStrictEqual(Array.from(first?.targetClasses ?? []), Array.from('ola mundo,').map((c) => prepared.vocabulary.indexOf(c)));
    const { losses, run } = train(prepared, overrides);
    assert.strictEqual(run.status, 'completed');
    // Cross-entropy starts near ln V and must fall well below it on such a repetitive text.
    assert.ok(Math.abs((losses[0] ?? 0) - Math.log(vocabularySize)) < 0.6, `first loss ${losses[0]} vs ln V ${Math.log(vocabularySize)}`);
    assert.ok((losses[losses.length - 1] ?? Infinity) < 0.6 * Math.log(vocabularySize), `loss ${losses.join(', ')}`);
    assert.match(run.modelJson, /"vocabulary"/);
  });

  it('classifies the sentiment sample: text and label columns recognised, sentences shuffled with the seed before the split', () => {
    const table = parseTableText(fs.readFileSync(path.join(samples, 'sentiment.csv'), 'utf8'), 'sentiment.csv');
    assert.deepStrictEqual(guessTextAndLabelColumns(table), { text: 'text', label: 'label' });
    const prepared = prepareLabelledTextData(table, 'text', 'label', settings({ training: { seed: 3 } }), 'sentiment.csv');
    assert.deepStrictEqual(prepared.labels, ['negativo', 'positivo']);
    assert.strictEqual(prepared.model.outputSize, 2);
    assert.strictEqual(prepared.summary.shapes.trainWindows + prepared.summary.shapes.validationWindows, 40);
    const validationClasses = new Set(prepared.data.validation.map((example) => example.targetClasses?.[0]));
    assert.strictEqual(validationClasses.size, 2, 'both classes appear in validation');
    const again = prepareLabelledTextData(table, 'text', 'label', settings({ training: { seed: 3 } }), 'sentiment.csv');
    assert.deepStrictEqual(again.data.validation.map((e) => Array.from(e.inputs.subarray(0, 40))), prepared.data.validation.map((e) => Array.from(e.inputs.subarray(0, 40))));
  });
});
