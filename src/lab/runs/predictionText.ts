// The run record's `data.predicts` line ("what is predicted"), worded per kind of data and topology (windowing.ts
// geometry). One wording for the editor, which passes `vscode.l10n` (the shape preview and the saved run read it in
// the user's language), and the CLI, which passes ENGLISH (`rnn-lab train --run-dir`). The parameter is named `l10n`
// so `@vscode/l10n-dev export` extracts these calls into l10n/bundle.l10n.json.
import type { PredictionSpec } from '../../data/intakeTypes';

/** The part of vscode.l10n used here: a message with {0}, {1} … filled from `args`. */
export interface MessageTranslator {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

/** The English source text with its {n} filled, as vscode.l10n.t gives it when no bundle applies. */
export const ENGLISH: MessageTranslator = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (args[Number(index)] === undefined ? whole : String(args[Number(index)]))),
};

/** "the value of "price" 1 step after each 20-step window", worded per topology. */
export function describePrediction(l10n: MessageTranslator, prediction: PredictionSpec): string {
  const { column, window, horizon, targetLength } = prediction;
  if (prediction.kind === 'characters') {
    return l10n.t('the next character at every one of the {0} steps of each window ({1} distinct characters)', window, prediction.vocabularySize ?? 0);
  }
  if (prediction.kind === 'labels') {
    return l10n.t('the class in "{0}" ({1} labels) after the last character of each sentence', column, prediction.vocabularySize ?? 0);
  }
  if (prediction.kind === 'sequences') {
    return prediction.topology === 'many-to-one'
      ? l10n.t('"{0}" after the last step of each sequence (one sequence per value of "{1}", up to {2} steps)', column, prediction.groupColumn ?? '', window)
      : l10n.t('"{0}" at every step of each sequence (one sequence per value of "{1}", up to {2} steps)', column, prediction.groupColumn ?? '', window);
  }
  switch (prediction.topology) {
    case 'many-to-one':
      return l10n.t('"{0}" {1} step(s) after the end of each {2}-step window', column, horizon, window);
    case 'many-to-many-synced':
      return l10n.t('"{0}" {1} step(s) ahead at every one of the {2} steps of each window', column, horizon, window);
    case 'many-to-many-encoder-decoder':
      return l10n.t('the next {0} values of "{1}" after each {2}-step window (from {3} step(s) ahead)', targetLength, column, window, horizon);
    case 'one-to-many':
      return l10n.t('the next {0} values of "{1}" from a single value', targetLength, column);
    case 'one-to-one':
      return l10n.t('"{0}" {1} step(s) after a single value', column, horizon);
  }
}
