// Builds what the explanation page shows — one topic's localised words, its formula and its sources — and the panel's
// fixed labels. Takes the translator as a parameter (vscode.l10n in the extension), so unit tests and the screenshot
// harness build the same state outside VS Code. The parameter is named `l10n`, so `vscode-l10n-dev export` recognises
// the `l10n.t('…')` calls below.
import type {
  ExperimentStatus,
  ExplanationPanelStrings,
  ExplanationStateMessage,
  ExplanationView,
} from '../../protocol/explainProtocol';
import { lectureTopicText } from './lectureTopicText';
import type { LectureSource, LectureTopicId } from './lectureTopics';
import { LECTURE_TOPIC_IDS, lectureTopic } from './lectureTopics';
import type { Translator } from '../platform/translator';

/** The part of vscode.l10n this module uses (the same shape as lectureTopicText.ts's Translator). */

/** "R. Pascanu, T. Mikolov, Y. Bengio (2013). On the difficulty … . ICML 2013 …" — citations stay in their language. */
export function formatSource(source: LectureSource): string {
  return `${source.authors} (${source.year}). ${source.title}. ${source.venue}.`;
}

/** "Jaeger 2001", "Hochreiter & Schmidhuber 1997", "Pascanu et al. 2013": how the lecture slides cite a paper. */
export function shortCitation(source: LectureSource): string {
  const surnames = source.authors.split(',').map((author) => author.trim().split(/\s+/).pop() ?? author.trim());
  const who = surnames.length === 1 ? surnames[0] : surnames.length === 2 ? `${surnames[0]} & ${surnames[1]}` : `${surnames[0]} et al.`;
  return `${who} ${source.year}`;
}

export function explanationView(id: LectureTopicId, l10n: Translator): ExplanationView {
  const topic = lectureTopic(id);
  const text = lectureTopicText(id, l10n);
  return {
    id,
    title: text.title,
    summary: text.summary,
    paragraphs: text.paragraphs,
    formula: topic.formula,
    symbols: text.symbols,
    sources: topic.sources.map(formatSource),
    experimentLabel: text.experimentLabel,
    lookFor: text.lookFor,
  };
}

export function explanationPanelStrings(l10n: Translator): ExplanationPanelStrings {
  return {
    formulaHeading: l10n.t('Formula'),
    symbolsLabel: l10n.t('Where:'),
    sourcesHeading: l10n.t('Sources'),
    experimentHeading: l10n.t('Try it on a sample'),
    lookForLabel: l10n.t('What to look for:'),
    otherTopics: l10n.t('Other lecture topics'),
    running: l10n.t('Running…'),
  };
}

export function explanationStateMessage(
  id: LectureTopicId,
  l10n: Translator,
  experiment: { readonly status: ExperimentStatus; readonly message: string } = { status: 'idle', message: '' },
): ExplanationStateMessage {
  return {
    type: 'state',
    topic: explanationView(id, l10n),
    topics: LECTURE_TOPIC_IDS.map((topicId) => ({ id: topicId, title: lectureTopicText(topicId, l10n).title })),
    strings: explanationPanelStrings(l10n),
    experiment,
  };
}
