// Strings of the Compare Remedies page, localised in the host (the webview has no l10n API).
import type { CompareStrings } from '../../protocol/compareRemediesProtocol';
import type { Translator } from '../platform/translator';

export function comparisonStrings(l10n: Translator): CompareStrings {
  return {
    title: l10n.t('Compare remedies'),
    intro: l10n.t('Every entry trained on the same windows with the same seed and budget; only the remedy differs.'),
    setup: l10n.t('Data: {0}. {1} epochs per BPTT model, seed {2}.'),
    decayTitle: l10n.t('Gradient decay across timesteps at the final epoch'),
    decayAria: l10n.t('Line chart: ‖∂J/∂h_k‖ on a log scale against the timestep k, one line per remedy, measured with the final parameters.'),
    decayX: l10n.t('timestep k'),
    decayY: l10n.t('‖∂J/∂h_k‖ (log)'),
    lossTitle: l10n.t('Validation loss per epoch'),
    lossAria: l10n.t('Line chart: validation loss J on a log scale against the epoch, one line per remedy.'),
    lossX: l10n.t('epoch'),
    lossY: l10n.t('validation J (log)'),
    tableCaption: l10n.t('One row per remedy; the best final validation loss is marked.'),
    entry: l10n.t('remedy'),
    finalLoss: l10n.t('final validation J'),
    steps: l10n.t('updates to reach J*'),
    clipped: l10n.t('% clipped'),
    lambda1: l10n.t('λ₁ at the end'),
    time: l10n.t('time (s)'),
    never: l10n.t('not reached'),
    notApplicable: l10n.t('—'),
    thresholdNote: l10n.t('Loss threshold J* = 1.5 × the best final validation J = {0}. "Updates to reach J*" counts gradient updates until the validation J first falls to J* or below (an echo state network fits its readout in closed form: 0 updates).'),
    diverged: l10n.t('diverged: {0}'),
  };
}
