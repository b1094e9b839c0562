// The localised text of a divergence: what happened and which remedy to try (docs/maths.md, "Remedies": clipping
// for exploding gradients, a smaller step, LSTM's cell path ∂c_t/∂c_{t−1} = diag(f_t), orthogonal initialisation).
import * as vscode from 'vscode';
import type { DivergenceInfo, RemedyHint } from '../../lab/runs/runRecord';

function describeReason(divergence: DivergenceInfo): string {
  const value = Number.isFinite(divergence.value) ? divergence.value.toExponential(2) : String(divergence.value);
  switch (divergence.reason) {
    case 'non-finite-loss':
      return vscode.l10n.t('the loss became {0} at epoch {1}.', value, divergence.epoch);
    case 'non-finite-gradient':
      return vscode.l10n.t('the gradient became {0} at epoch {1}.', value, divergence.epoch);
    case 'non-finite-parameters':
      return vscode.l10n.t('a parameter became NaN or infinite at epoch {0}.', divergence.epoch);
    case 'gradient-norm-above-bound':
      return vscode.l10n.t('the gradient norm exploded to {0} at epoch {1}.', value, divergence.epoch);
  }
}

export function describeRemedy(hint: RemedyHint): string {
  switch (hint) {
    case 'enable-clipping':
      return vscode.l10n.t('enable gradient clipping (rnnLab.remedies.clipNorm, e.g. 1)');
    case 'lower-clip-threshold':
      return vscode.l10n.t('lower the clipping threshold (rnnLab.remedies.clipNorm)');
    case 'lower-learning-rate':
      return vscode.l10n.t('lower the learning rate (rnnLab.training.learningRate)');
    case 'lower-identity-scale':
      return vscode.l10n.t('use orthogonal instead of identity initialisation (rnnLab.remedies.init)');
    case 'orthogonal-init':
      return vscode.l10n.t('use orthogonal initialisation (rnnLab.remedies.init)');
    case 'lower-spectral-radius':
      return vscode.l10n.t('rescale W_rec to a spectral radius below 1 (rnnLab.remedies.spectralRadius, e.g. 0.9)');
    case 'use-lstm':
      return vscode.l10n.t('use an LSTM or GRU cell (rnnLab.model.cell)');
  }
}

/** "The loss became NaN at epoch 7. Try: enable gradient clipping …; lower the learning rate …" */
export function describeDivergence(divergence: DivergenceInfo): string {
  const reason = describeReason(divergence);
  const capitalised = reason.charAt(0).toUpperCase() + reason.slice(1);
  const remedies = divergence.hints.map(describeRemedy).join('; ');
  return remedies === '' ? capitalised : vscode.l10n.t('{0} Try: {1}.', capitalised, remedies);
}
