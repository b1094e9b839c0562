// Every string the topology webview shows, localised here in the host (the webview has no l10n API) and sent in the
// state message. Spanish terms follow the course glossary (uno a uno, codificador–decodificador, paso de tiempo …).
// Takes the translator as a parameter (vscode.l10n in the extension) so the screenshot harness can build the same
// state outside VS Code. The parameter is named `l10n`, so the calls read `l10n.t('…')`, which is what
// `vscode-l10n-dev export` extracts.
import type { TopologyPanelStrings } from '../../protocol/topologyProtocol';
import type { Translator } from '../platform/translator';

/** The part of vscode.l10n this module uses. */

export function topologyPanelStrings(l10n: Translator): TopologyPanelStrings {
  return {
    heading: l10n.t('Lecture topologies: recurrent networks unrolled in time'),
    intro: l10n.t(
      'Each column is one time step t. Inputs xₜ (bottom) feed hidden states hₜ (middle); the same recurrent weights W_rec carry hₜ₋₁ to hₜ at every step; outputs ŷₜ are on top.',
    ),
    focusLabel: l10n.t('Topology'),
    allTopologies: l10n.t('All five topologies'),
    inputStepsLabel: l10n.t('Input steps T'),
    outputStepsLabel: l10n.t('Output steps M'),
    fixedByTopology: l10n.t('fixed by this topology'),
    otherTopologies: l10n.t('Other topologies:'),
    encoder: l10n.t('Encoder'),
    decoder: l10n.t('Decoder'),
    context: l10n.t('context'),
    timeAxis: l10n.t('time step t'),
    legendInput: l10n.t('input xₜ'),
    legendHidden: l10n.t('hidden state hₜ'),
    legendOutput: l10n.t('output ŷₜ'),
    elidedSteps: l10n.t('{0} of {1} time steps drawn; the ellipsis stands for the rest.'),
    diagramAria: l10n.t(
      '{0}, unrolled: {1} input step(s), {2} hidden state(s) linked by the recurrent weights W_rec, {3} output step(s). {4}',
    ),
    encoderDecoderAria: l10n.t(
      '{0}, unrolled: an encoder reads {1} input step(s); its final hidden state is the context that starts a decoder, which produces {2} output step(s). {3}',
    ),
    topologies: {
      'one-to-one': {
        name: l10n.t('One-to-one'),
        caption: l10n.t('A fixed-size input mapped to a fixed-size output, with no recurrence: e.g. image classification.'),
      },
      'one-to-many': {
        name: l10n.t('One-to-many'),
        caption: l10n.t(
          'One input, a sequence out: e.g. image captioning (an image → a sentence) or OCR (an image of a line of text → its characters).',
        ),
      },
      'many-to-one': {
        name: l10n.t('Many-to-one'),
        caption: l10n.t('A sequence in, one output after the last step: e.g. sentiment analysis (a sentence → positive or negative).'),
      },
      'many-to-many-encoder-decoder': {
        name: l10n.t('Many-to-many, encoder–decoder'),
        caption: l10n.t(
          'The encoder reads the whole input sequence; its final state starts the decoder, which has its own weights W′ and writes an output sequence of possibly another length: e.g. machine translation.',
        ),
      },
      'many-to-many-synced': {
        name: l10n.t('Many-to-many, synced'),
        caption: l10n.t('An output at every input step: e.g. labelling every frame of a video (video classification).'),
      },
    },
  };
}
