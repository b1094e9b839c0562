// Text as data for character-level models (min-char-rnn): a vocabulary of the distinct characters, each character
// a one-hot input vector of size V, and the class index of the next character as the target (softmax
// cross-entropy, docs/maths.md "Losses"). Also labelled sentences for many-to-one classification (sentiment).
import type { SequenceDataset, SequenceExample } from '../../engine/dataset';
import { OneHotExample } from '../../engine/oneHotExample';
import { DataError } from '../dataError';
import { CANCEL_CHECK_MASK, throwIfCancelled, type CancelSignal } from '../cancel';
import { assertPreparedDataFits } from '../memoryEstimate';
import type { ParsedTable } from '../parse/parsedTable';

export interface CharacterVocabulary {
  /** Distinct characters (Unicode code points, so "ñ" or an emoji is one character), sorted. */
  readonly characters: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

export function buildVocabulary(text: string): CharacterVocabulary {
  const characters = [...new Set(Array.from(text))].sort();
  return { characters, indexOf: new Map(characters.map((character, index) => [character, index])) };
}

/** Class index of every character of `text` (characters outside the vocabulary are an error). */
export function encodeText(text: string, vocabulary: CharacterVocabulary, source = 'text'): Int32Array {
  const characters = Array.from(text);
  const codes = new Int32Array(characters.length);
  characters.forEach((character, position) => {
    const index = vocabulary.indexOf.get(character);
    if (index === undefined) {
      throw new DataError(`the character ${JSON.stringify(character)} is not in the model's vocabulary`, {
        code: 'unknown-character',
        source,
        hint: `Use only the ${vocabulary.characters.length} characters the model was trained on.`,
      });
    }
    codes[position] = index;
  });
  return codes;
}

export interface CharacterWindowSpec {
  /** T: characters per training sequence (min-char-rnn's seq_length, 25). */
  readonly window: number;
  /** Characters between window starts; default T (consecutive, non-overlapping chunks as in min-char-rnn). */
  readonly stride?: number;
  readonly source?: string;
  /** Most bytes the windows may take (default PREPARED_DATA_BUDGET_BYTES). */
  readonly memoryBudget?: number;
  readonly cancel?: CancelSignal;
}

export interface CharacterDataset {
  readonly dataset: SequenceDataset;
  readonly vocabulary: CharacterVocabulary;
}

/**
 * Next-character prediction, synced many-to-many: input characters c[s … s+T−1] (one-hot, [T × V], kept as the
 * indices `inputClasses`) and target classes c[s+1 … s+T]. Needs at least T + 1 characters.
 */
export function makeCharacterWindows(text: string, spec: CharacterWindowSpec): CharacterDataset {
  const source = spec.source ?? 'text';
  const window = spec.window;
  const stride = spec.stride ?? window;
  if (!Number.isInteger(window) || window < 1 || !Number.isInteger(stride) || stride < 1) {
    throw new DataError(`the window (${window}) and stride (${stride}) must be whole numbers ≥ 1`, { code: 'bad-window', source, hint: 'Set --window to 1 or more.' });
  }
  const vocabulary = buildVocabulary(text);
  const codes = encodeText(text, vocabulary, source);
  const size = vocabulary.characters.length;
  if (codes.length < window + 1) {
    throw new DataError(`the text has ${codes.length} characters: too few for windows of ${window}; at least ${window + 1} characters are needed`, {
      code: 'too-little-data',
      source,
      hint: 'Use a shorter window (--window) or a longer text.',
    });
  }
  // Each window keeps its input characters' class indices (4·T bytes, the one-hot rows are built on access:
  // engine/oneHotExample.ts) and its target classes (4·T): refused before allocating when they would not fit.
  const windows = Math.floor((codes.length - window - 1) / stride) + 1;
  const noTargets = new Float64Array(0);
  assertPreparedDataFits(
    { windows, inputLength: window, inputSize: size, targetLength: window, outputSize: 0, targetClasses: window, oneHotInputs: true },
    { source, unit: 'characters' },
    spec.memoryBudget,
  );
  const examples: SequenceExample[] = [];
  for (let start = 0; start + window + 1 <= codes.length; start += stride) {
    if ((examples.length & CANCEL_CHECK_MASK) === 0) throwIfCancelled(spec.cancel, source);
    examples.push(
      new OneHotExample({
        inputClasses: codes.slice(start, start + window),
        inputSize: size,
        targetLength: window,
        targets: noTargets,
        targetClasses: codes.slice(start + 1, start + window + 1),
      }),
    );
  }
  return { dataset: { inputSize: size, outputSize: size, examples }, vocabulary };
}

export interface LabelledTextDataset extends CharacterDataset {
  /** Class names in index order (sorted distinct labels). */
  readonly labels: readonly string[];
  /** The rows kept (both text and label filled), in file order: one example each. */
  readonly rows: readonly { readonly text: string; readonly label: string }[];
}

/**
 * Many-to-one classification of short texts (sentiment): each sentence is a sequence of one-hot characters,
 * scored at its last step against the class index of its label. Sentences keep their own lengths.
 */
export function makeLabelledTextSequences(table: ParsedTable, textColumn: string, labelColumn: string, source = 'data'): LabelledTextDataset {
  const texts = textColumnValues(table, textColumn, source);
  const labelsPerRow = textColumnValues(table, labelColumn, source);
  const rows: Array<{ text: string; label: string }> = [];
  texts.forEach((text, row) => {
    const label = labelsPerRow[row] ?? '';
    if (text !== '' && label !== '') rows.push({ text, label });
  });
  if (rows.length === 0) {
    throw new DataError('no row has both a text and a label', { code: 'empty', source, hint: `Fill the columns "${textColumn}" and "${labelColumn}".` });
  }
  const labels = [...new Set(rows.map((row) => row.label))].sort();
  const vocabulary = buildVocabulary(rows.map((row) => row.text).join(''));
  const size = vocabulary.characters.length;
  const examples: SequenceExample[] = rows.map(({ text, label }) => {
    // One-hot characters kept as their class indices (engine/oneHotExample.ts).
    return new OneHotExample({
      inputClasses: encodeText(text, vocabulary, source),
      inputSize: size,
      targetLength: 1,
      targets: new Float64Array(0),
      targetClasses: Int32Array.of(labels.indexOf(label)),
    });
  });
  return { dataset: { inputSize: size, outputSize: labels.length, examples }, vocabulary, labels, rows };
}

function textColumnValues(table: ParsedTable, name: string, source: string): string[] {
  const column = table.columns.find((candidate) => candidate.name === name) ?? table.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (column === undefined) {
    throw new DataError(`there is no column "${name}"`, {
      code: 'unknown-column',
      source,
      hint: `Accepted columns: ${table.columns.map((c) => `"${c.name}"`).join(', ')}.`,
    });
  }
  if (column.texts !== undefined) return column.texts;
  if (column.values !== undefined) return Array.from(column.values, (value) => (Number.isNaN(value) ? '' : String(value)));
  throw new DataError(`column "${name}" holds dates, not text`, { code: 'not-numeric-column', source, hint: 'Choose a text column.' });
}
