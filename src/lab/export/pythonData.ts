// The data section of an exported script (PyTorch or NumPy): the same preparation as the run, in Python, from the
// values RNN Lab read (the sidecar's "data", data/prepare/preparationRecipe.ts): the normalisation with the fitted
// numbers written in, the windowing or grouping or character encoding, and the split by time. `prepare_examples(data)`
// returns (train, validation) lists of (x, y): x a list of T input rows (or, for text, a list of T character codes to
// one-hot encode), y a list of scored target rows (or of class indices for cross-entropy).
import type { Normalization } from '../../data/prepare/normalize';
import type { PreparationRecipe } from '../../data/prepare/preparationRecipe';
import type { JsonValue } from '../../modelFiles/modelJson';
import { pyComment, pyLiteral } from './pythonLiterals';

/** The sidecar's "data" object for a recipe: what the script reads instead of parsing the file again. */
export function sidecarData(recipe: PreparationRecipe): JsonValue {
  switch (recipe.kind) {
    case 'series':
      return { kind: 'series', columns: [...recipe.columns], values: recipe.values.map((column) => Array.from(column)), sequenceStarts: recipe.sequenceStarts === null ? null : [...recipe.sequenceStarts] };
    case 'grouped':
      return { kind: 'grouped', columns: [...recipe.columns], values: recipe.values.map((column) => Array.from(column)), lengths: [...recipe.lengths] };
    case 'characters':
      return { kind: 'characters', text: recipe.text };
    case 'labelled-text':
      return { kind: 'labelled-text', texts: [...recipe.texts], labelIndices: [...recipe.labelIndices] };
  }
}

export function pythonDataSection(recipe: PreparationRecipe, normalization: Normalization, source: string): string {
  const header = pyComment(
    `------------------------------------------------------------------ data preparation (docs/maths.md "Data preparation")\n` +
      `The run read ${source}; the sidecar's "data" holds the values RNN Lab read from it (after the answer about missing\n` +
      `values, before normalisation), so this script repeats every later step exactly.`,
  );
  return `${header}\n${body(recipe, normalization)}\n${SPLIT}`;
}

function normalizationLines(normalization: Normalization): string {
  const kind = normalization.kind;
  const explain =
    kind === 'zscore'
      ? "z-score: offset = mean, scale = standard deviation of the training rows"
      : kind === 'minmax'
        ? 'min–max: offset = minimum, scale = maximum − minimum of the training rows'
        : 'none: offset 0, scale 1';
  const rows = normalization.columns.map((column) => `    (${pyLiteral(column.name)}, ${pyLiteral(column.offset)}, ${pyLiteral(column.scale)}),`);
  return `# x' = (x − offset) / scale, fitted by RNN Lab on the training rows only (${explain})
NORMALISATION = [  # (column, offset, scale)
${rows.join('\n')}
]


def normalised_columns(values):
    return [[(x - offset) / scale for x in column] for column, (_, offset, scale) in zip(values, NORMALISATION)]

`;
}

function body(recipe: PreparationRecipe, normalization: Normalization): string {
  switch (recipe.kind) {
    case 'series': {
      const g = recipe.geometry;
      return `${normalizationLines(normalization)}
# Windows for the ${recipe.topology} topology: inputs x[s … s+${g.inputLength - 1}] of every chosen column, targets
# ${JSON.stringify(recipe.columns[recipe.targetIndex] ?? '')}[s+${g.targetOffset} … s+${g.targetOffset + g.targetLength - 1}]; window starts s advance by STRIDE inside each sequence.
INPUT_LENGTH = ${g.inputLength}
TARGET_LENGTH = ${g.targetLength}
TARGET_OFFSET = ${g.targetOffset}
SPAN = ${g.span}  # rows one window needs, from its start to its last target
STRIDE = ${recipe.stride}
TARGET_COLUMN = ${recipe.targetIndex}
VALIDATION_COUNT = ${recipe.validationCount}  # the last windows in time are the validation set
INPUT_ONE_HOT = False


def prepare_examples(data):
    columns = normalised_columns(data["values"])
    rows = len(columns[0])
    starts = data["sequenceStarts"] or [0]
    examples = []
    for index, begin in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else rows
        count = (end - begin - SPAN) // STRIDE + 1 if end - begin >= SPAN else 0
        for i in range(count):
            s = begin + i * STRIDE
            x = [[column[s + t] for column in columns] for t in range(INPUT_LENGTH)]
            y = [[columns[TARGET_COLUMN][s + TARGET_OFFSET + j]] for j in range(TARGET_LENGTH)]
            examples.append((x, y))
    return split(examples)
`;
    }
    case 'grouped':
      return `${normalizationLines(normalization)}
# A table of sequences: one example per sequence (its rows in file order); the inputs are every column but the
# last, the target is the last column ${recipe.topology === 'many-to-one' ? 'at the last step of the sequence (many-to-one)' : 'at every step (synced many-to-many)'}.
GROUPED_MANY_TO_ONE = ${recipe.topology === 'many-to-one' ? 'True' : 'False'}
VALIDATION_COUNT = ${recipe.validationCount}  # the last sequences of the file are the validation set
INPUT_ONE_HOT = False


def prepare_examples(data):
    columns = normalised_columns(data["values"])
    inputs, target = columns[:-1], columns[-1]
    examples, begin = [], 0
    for length in data["lengths"]:
        x = [[column[begin + t] for column in inputs] for t in range(length)]
        steps = [length - 1] if GROUPED_MANY_TO_ONE else range(length)
        examples.append((x, [[target[begin + t]] for t in steps]))
        begin += length
    return split(examples)
`;
    case 'characters':
      return `# Characters: class index = position in VOCABULARY (${recipe.vocabulary.length} characters); consecutive, non-overlapping windows of
# WINDOW characters, each predicting the next character at every step (min-char-rnn).
VOCABULARY = ${pyLiteral([...recipe.vocabulary])}
WINDOW = ${recipe.window}
VALIDATION_COUNT = ${recipe.validationCount}  # the last windows of the text are the validation set
INPUT_ONE_HOT = True


def prepare_examples(data):
    index = {character: i for i, character in enumerate(VOCABULARY)}
    codes = [index[character] for character in data["text"]]
    examples = []
    for start in range(0, len(codes) - WINDOW, WINDOW):
        examples.append((codes[start : start + WINDOW], codes[start + 1 : start + WINDOW + 1]))
    return split(examples)
`;
    case 'labelled-text':
      return `# Labelled sentences: each sentence is a sequence of one-hot characters, classified at its last step (many-to-one,
# cross-entropy over LABELS); the sentences are shuffled with the run's seed before the split.
VOCABULARY = ${pyLiteral([...recipe.vocabulary])}
LABELS = ${pyLiteral([...recipe.labels])}
SHUFFLE_SEED = ${recipe.seed}
VALIDATION_COUNT = ${recipe.validationCount}
INPUT_ONE_HOT = True


def prepare_examples(data):
    index = {character: i for i, character in enumerate(VOCABULARY)}
    examples = [([index[c] for c in text], [label]) for text, label in zip(data["texts"], data["labelIndices"])]
    SeededRandom.from_seed(SHUFFLE_SEED).shuffle(examples)
    return split(examples)
`;
  }
}

const SPLIT = `
def split(examples):
    """The last VALIDATION_COUNT examples validate, the rest train (no shuffling across time)."""
    cut = len(examples) - VALIDATION_COUNT
    return examples[:cut], examples[cut:]
`;
