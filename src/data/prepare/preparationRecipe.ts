// How a run's examples were cut from its data, as numbers a program in another language can repeat step by step
// (the PyTorch and NumPy exports, lab/export/): the values RNN Lab read (after the missing-value answer, before
// normalisation), and the windowing, grouping or encoding that turned them into examples. The normalisation itself is
// PreparedTrainingData.normalization. Arrays are the pipeline's own (no copies).
import type { TopologyId } from '../../engine/dataset';
import type { WindowGeometry } from './windowing';

export type PreparationRecipe = SeriesRecipe | GroupedRecipe | CharacterRecipe | LabelledTextRecipe;

/** One or more series cut into windows (windowing.ts): start s = begin + i·stride within each sequence. */
export interface SeriesRecipe {
  readonly kind: 'series';
  /** The chosen columns, in input order; `values[c][row]` unnormalised. */
  readonly columns: readonly string[];
  readonly values: readonly Float64Array[];
  /** First row of each independent sequence (a JSON array of sequences); null: one sequence. */
  readonly sequenceStarts: readonly number[] | null;
  /** Index into `columns` of the predicted column. */
  readonly targetIndex: number;
  readonly topology: TopologyId;
  readonly geometry: WindowGeometry;
  readonly stride: number;
  /** The last `validationCount` windows are the validation set. */
  readonly validationCount: number;
}

/** A table of sequences (groupedSequences.ts): one example per contiguous run of the group column. */
export interface GroupedRecipe {
  readonly kind: 'grouped';
  /** Input columns, then the target column; `values[c][row]` unnormalised, every row of the table. */
  readonly columns: readonly string[];
  readonly values: readonly Float64Array[];
  /** Rows of each sequence, in file order. */
  readonly lengths: readonly number[];
  /** many-to-one: the target at the last step; synced: at every step. */
  readonly topology: 'many-to-one' | 'many-to-many-synced';
  readonly validationCount: number;
}

/** Plain text (characterText.ts): consecutive non-overlapping windows of `window` characters, next character out. */
export interface CharacterRecipe {
  readonly kind: 'characters';
  readonly text: string;
  /** Class index = position in this list. */
  readonly vocabulary: readonly string[];
  readonly window: number;
  readonly validationCount: number;
}

/** Labelled sentences (characterText.ts): one-hot characters in, the label's index at the last step. */
export interface LabelledTextRecipe {
  readonly kind: 'labelled-text';
  /** The kept rows in file order (before the seeded shuffle). */
  readonly texts: readonly string[];
  /** Index into `labels` of each row. */
  readonly labelIndices: readonly number[];
  readonly labels: readonly string[];
  readonly vocabulary: readonly string[];
  /** The rows are shuffled with SeededRandom(seed) (Fisher–Yates) before the split. */
  readonly seed: number;
  readonly validationCount: number;
}
