// Plain text → a character-level model (min-char-rnn): one-hot characters in, the next character out at every step
// (synced many-to-many, softmax cross-entropy, docs/maths.md "Losses"), windows of T characters cut by the data layer
// (data/characterText.ts), the last `validationSplit` of them kept for validation; and labelled sentences → a
// many-to-one classifier. The vocabulary is stored with the
// model so sampled classes can be turned back into characters. No vscode import.
import type { SequenceExample } from '../../engine/dataset';
import type { ModelConfig } from '../../engine/modelConfig';
import { SeededRandom } from '../../engine/random';
import type { CancelSignal } from '../cancel';
import { makeCharacterWindows, makeLabelledTextSequences } from './characterText';
import { DataError } from '../dataError';
import type { ParsedTable } from '../parse/parsedTable';
import { splitTrainValidation } from './windowing';
import type { PreparationSettings } from '../intakeTypes';
import type { PreparedTrainingData } from './seriesTrainingData';

/**
 * Fewest characters a character-level model is trained on: below this a "text" is a header line or a stray word
 * (`a,b` is 3 characters), and the vocabulary is most of the text.
 */
export const MIN_TRAINING_TEXT_CHARACTERS = 100;

/** Code points of `text`, counting stops at `limit`. */
function codePointsUpTo(text: string, limit: number): number {
  let count = 0;
  for (const _character of text) {
    count += 1;
    if (count >= limit) break;
  }
  return count;
}

/** The one character `text` is made of, or undefined when it has two or more (stops at the second). */
function singleCharacter(text: string): string | undefined {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  for (const character of text) if (character !== first) return undefined;
  return first;
}

export function prepareCharacterData(table: ParsedTable, settings: PreparationSettings, source: string, cancel?: CancelSignal): PreparedTrainingData & { readonly vocabulary: readonly string[] } {
  const text = table.text;
  if (text === undefined) {
    throw new DataError('this is not plain text', { code: 'no-numeric-column', source, hint: 'Select prose for a character-level model.' });
  }
  const length = codePointsUpTo(text, MIN_TRAINING_TEXT_CHARACTERS);
  if (length < MIN_TRAINING_TEXT_CHARACTERS) {
    throw new DataError(`the text has only ${length} character${length === 1 ? '' : 's'}; a character-level model needs at least ${MIN_TRAINING_TEXT_CHARACTERS} to learn from`, {
      code: 'too-little-data',
      source,
      hint: table.warnings.length > 0 ? `${table.warnings[0]}. Give a longer text, or a table with data rows.` : 'Give a longer text (a paragraph or more).',
    });
  }
  const only = singleCharacter(text);
  if (only !== undefined) {
    throw new DataError(`the text has only 1 distinct character (${JSON.stringify(only)}); a character-level model predicts the next character among at least 2`, {
      code: 'too-little-data',
      source,
      hint: 'Give a text with at least two different characters (a paragraph of prose), or a table of numbers to train a series model.',
    });
  }
  const window = settings.model.window;
  // Consecutive, non-overlapping chunks as in min-char-rnn: every character is a target exactly once per epoch.
  const { dataset, vocabulary } = makeCharacterWindows(text, { window, source, ...(cancel !== undefined ? { cancel } : {}) });
  const split = splitTrainValidation(dataset, settings.training.validationSplit);
  const size = vocabulary.characters.length;
  const model: ModelConfig = {
    cell: settings.model.cell,
    nonlinearity: settings.model.nonlinearity,
    inputSize: size,
    hiddenSize: settings.model.hiddenSize,
    outputSize: size,
    numLayers: settings.model.layers,
    topology: 'many-to-many-synced',
    loss: 'xent',
    oneToManyInput: 'first-step',
    outputLength: window,
  };
  const total = dataset.examples.length;
  return {
    model,
    data: { inputSize: size, outputSize: size, train: split.train.examples, validation: split.validation.examples },
    normalization: { kind: 'none', fittedOnRows: 0, columns: [] },
    prediction: { kind: 'characters', vocabularySize: size, column: 'text', topology: 'many-to-many-synced', window, horizon: 1, targetLength: window },
    summary: {
      source,
      shapes: {
        rowsRead: table.rows,
        columnsUsed: ['text'],
        trainWindows: split.train.examples.length,
        validationWindows: split.validation.examples.length,
        inputShape: [total, window, size],
        targetShape: [total, window, 1],
      },
      normalization: [],
    },
    vocabulary: vocabulary.characters,
    recipe: { kind: 'characters', text, vocabulary: vocabulary.characters, window, validationCount: split.validation.examples.length },
  };
}

/**
 * Labelled short texts (sentiment): each sentence is a sequence of one-hot characters, classified at its last step
 * (many-to-one, cross-entropy over the labels). Sentences are independent, not a time series, so they are shuffled
 * with the run's seed before the validation split (otherwise a file sorted by label would validate on one class).
 */
export function prepareLabelledTextData(
  table: ParsedTable,
  textColumn: string,
  labelColumn: string,
  settings: PreparationSettings,
  source: string,
): PreparedTrainingData & { readonly vocabulary: readonly string[]; readonly labels: readonly string[] } {
  const { dataset, vocabulary, labels, rows } = makeLabelledTextSequences(table, textColumn, labelColumn, source);
  if (labels.length < 2) {
    throw new DataError(`the column "${labelColumn}" has only one label (${JSON.stringify(labels[0])})`, {
      code: 'json-shape',
      source,
      hint: 'A classifier needs at least two different labels.',
    });
  }
  const order = Int32Array.from(dataset.examples, (_, index) => index);
  new SeededRandom(settings.training.seed).shuffleInPlace(order);
  const shuffled = { ...dataset, examples: Array.from(order, (index) => dataset.examples[index] as SequenceExample) };
  const split = splitTrainValidation(shuffled, settings.training.validationSplit);
  const size = vocabulary.characters.length;
  const longest = Math.max(...dataset.examples.map((example) => example.inputLength));
  const model: ModelConfig = {
    cell: settings.model.cell,
    nonlinearity: settings.model.nonlinearity,
    inputSize: size,
    hiddenSize: settings.model.hiddenSize,
    outputSize: labels.length,
    numLayers: settings.model.layers,
    topology: 'many-to-one',
    loss: 'xent',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
  const total = dataset.examples.length;
  return {
    model,
    data: { inputSize: size, outputSize: labels.length, train: split.train.examples, validation: split.validation.examples },
    normalization: { kind: 'none', fittedOnRows: 0, columns: [] },
    prediction: { kind: 'labels', vocabularySize: labels.length, column: labelColumn, topology: 'many-to-one', window: longest, horizon: 0, targetLength: 1 },
    summary: {
      source,
      shapes: {
        rowsRead: table.rows,
        columnsUsed: [textColumn, labelColumn],
        trainWindows: split.train.examples.length,
        validationWindows: split.validation.examples.length,
        inputShape: [total, longest, size],
        targetShape: [total, 1, 1],
      },
      normalization: [],
    },
    vocabulary: vocabulary.characters,
    labels,
    recipe: {
      kind: 'labelled-text',
      texts: rows.map((row) => row.text),
      labelIndices: rows.map((row) => labels.indexOf(row.label)),
      labels,
      vocabulary: vocabulary.characters,
      seed: settings.training.seed,
      validationCount: split.validation.examples.length,
    },
  };
}

/** For a table without number columns: the text column (longest cells) and the label column (fewest distinct values). */
export function guessTextAndLabelColumns(table: ParsedTable): { readonly text: string; readonly label: string } | undefined {
  const textColumns = table.columns.filter((column) => column.type === 'text' && column.texts !== undefined);
  if (textColumns.length < 2) return undefined;
  const distinct = (texts: readonly string[]): number => new Set(texts).size;
  const meanLength = (texts: readonly string[]): number => texts.reduce((sum, t) => sum + t.length, 0) / Math.max(1, texts.length);
  const label = [...textColumns].sort((a, b) => distinct(a.texts ?? []) - distinct(b.texts ?? []))[0];
  const text = textColumns.filter((column) => column !== label).sort((a, b) => meanLength(b.texts ?? []) - meanLength(a.texts ?? []))[0];
  return label && text ? { text: text.name, label: label.name } : undefined;
}
