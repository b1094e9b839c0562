// The topology lens above a model: "⟲ many-to-one · sentiment analysis (sequence in → one output)", its tooltip,
// and the focus `{ topology, inputLength, outputLength }` handed to "Show Lecture Topologies". Built from the engine's
// recognition (src/modelFiles), localised through the translator. No vscode import.
import type { TopologyId } from '../../engine/dataset';
import type { TopologyRecognition } from '../../modelFiles/topologyRecognition';
import type { Translator } from '../platform/translator';

/** vscode.l10n's `t` (the parameter is named l10n so `@vscode/l10n-dev export` extracts the calls). */

/** The argument `rnnLab.showTopologies` accepts (shared/protocol/topologyProtocol.ts). */
export interface TopologyLensFocus {
  readonly topology: TopologyId;
  readonly inputLength?: number;
  readonly outputLength?: number;
}

export interface TopologyLensContent {
  readonly title: string;
  readonly tooltip: string;
  /** null: the topology is undecided, the lens opens the panel on all five. */
  readonly focus: TopologyLensFocus | null;
}

/** Longest reason shown in the lens itself; the whole reason is in the tooltip. */
export const MAX_REASON_IN_TITLE = 80;
/** Largest step count `rnnLab.showTopologies` accepts (topologyProtocol MAX_SEQUENCE_STEPS). */
const MAX_FOCUS_STEPS = 1_000_000;

export interface LectureTopologyText {
  readonly name: string;
  readonly example: string;
  readonly shape: string;
}

/** The lecture's name, example and input/output shape of each topology (English source strings = engine's table). */
export function lectureTopologyText(topology: TopologyId, l10n: Translator): LectureTopologyText {
  switch (topology) {
    case 'one-to-one':
      return { name: l10n.t('one-to-one'), example: l10n.t('image classification'), shape: l10n.t('one input → one output') };
    case 'one-to-many':
      return { name: l10n.t('one-to-many'), example: l10n.t('image captioning, OCR'), shape: l10n.t('one input → sequence out') };
    case 'many-to-one':
      return { name: l10n.t('many-to-one'), example: l10n.t('sentiment analysis'), shape: l10n.t('sequence in → one output') };
    case 'many-to-many-encoder-decoder':
      return {
        name: l10n.t('many-to-many-encoder-decoder'),
        example: l10n.t('machine translation'),
        shape: l10n.t('sequence in → encoder state → sequence out of another length'),
      };
    case 'many-to-many-synced':
      return { name: l10n.t('many-to-many-synced'), example: l10n.t('video frame labelling'), shape: l10n.t('one output for every input step') };
  }
}

/** null when the document holds no model (not a model file, or malformed JSON): then no lens at all. */
export function topologyLensContent(recognition: TopologyRecognition, l10n: Translator): TopologyLensContent | null {
  if (recognition.error !== null || recognition.format === null) return null;
  const cells = recognition.cells.length === 0 ? l10n.t('none') : recognition.cells.join(' → ');
  if (recognition.topology === null) {
    return {
      title: l10n.t('⟲ no lecture topology: {0}', shorten(recognition.reason, MAX_REASON_IN_TITLE)),
      tooltip: l10n.t('{0}\nRecurrent layers: {1}\nClick to open the five lecture topologies.', recognition.reason, cells),
      focus: null,
    };
  }
  const text = lectureTopologyText(recognition.topology, l10n);
  const steps = (n: number | null): string => (n === null ? '?' : String(n));
  return {
    title: l10n.t('⟲ {0} · {1} ({2})', text.name, text.example, text.shape),
    tooltip: l10n.t(
      '{0}\nSteps: {1} in → {2} out · recurrent layers: {3}\nClick to open this topology in the lecture diagram.',
      recognition.reason,
      steps(recognition.inputLength),
      steps(recognition.outputLength),
      cells,
    ),
    focus: topologyFocus(recognition.topology, recognition.inputLength, recognition.outputLength),
  };
}

/**
 * The focus argument with the file's step counts, keeping only lengths the panel accepts for the topology
 * (one-to-one 1 → 1, one-to-many 1 → N, many-to-one T → 1, synced T → T); a length it would reject is left out and
 * the panel draws its default for it.
 */
export function topologyFocus(topology: TopologyId, inputLength: number | null, outputLength: number | null): TopologyLensFocus {
  const usable = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 1 && n <= MAX_FOCUS_STEPS;
  let input = usable(inputLength) ? inputLength : undefined;
  let output = usable(outputLength) ? outputLength : undefined;
  if ((topology === 'one-to-one' || topology === 'one-to-many') && input !== 1) input = undefined;
  if ((topology === 'one-to-one' || topology === 'many-to-one') && output !== 1) output = undefined;
  if (topology === 'many-to-many-synced' && input !== undefined && output !== undefined && input !== output) output = undefined;
  return {
    topology,
    ...(input !== undefined ? { inputLength: input } : {}),
    ...(output !== undefined ? { outputLength: output } : {}),
  };
}

/** The text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const firstLine = text.split('\n')[0] ?? '';
  if (firstLine.length <= max) return firstLine;
  const cut = firstLine.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
