// Strings of the training panel's "Text sample" card (character models, issue 6 chart 6), localised in the host and
// sent with the card's state. Spanish terms follow the course glossary (temperatura, muestrear). The parameter is
// named `l10n` so `vscode-l10n-dev export` extracts the calls.
import type { TextSampleStrings } from '../../protocol/textSampleProtocol';
import type { Translator } from '../platform/translator';

export function textSampleStrings(l10n: Translator): TextSampleStrings {
  return {
    title: l10n.t('Text sample'),
    intro: l10n.t('The trained model writes text one character at a time: it reads the prime, then at every step draws the next character from softmax(ŷ/τ) and feeds it back in as its next input. A low temperature τ picks the most likely characters; a high one approaches uniform chance.'),
    temperatureLabel: l10n.t('Temperature τ'),
    temperatureHint: l10n.t('τ < 1 sharpens the distribution, τ > 1 flattens it'),
    primeLabel: l10n.t('Prime text (optional)'),
    primePlaceholder: l10n.t('e.g. the first words of a sentence'),
    lengthLabel: l10n.t('Characters'),
    sampleButton: l10n.t('Sample'),
    sampling: l10n.t('Sampling in a worker…'),
    waiting: l10n.t('Text sampling is available when training ends.'),
    noModel: l10n.t('This run saved no model, so there is nothing to sample from.'),
    resultLabel: l10n.t('Sampled text'),
    resultCaption: l10n.t('{0} characters at temperature τ = {1}, seed {2}, in {3} ms.'),
    skippedNote: l10n.t('Left out of the prime (not in the training text): {0}'),
    failed: l10n.t('Could not sample text: {0}'),
    empty: l10n.t('Press "Sample" to let the model write.'),
  };
}
