// Strings of the Gradient Check page, localised in the host (the webview has no l10n API).
import type { GradientCheckStrings } from '../../protocol/gradientCheckProtocol';
import type { Translator } from '../platform/translator';

export function gradientCheckStrings(l10n: Translator): GradientCheckStrings {
  return {
    title: l10n.t('Gradient check'),
    intro: l10n.t(
      'Backpropagation through time gives the analytic gradient ∂J/∂θ. Central differences (J(θ+ε) − J(θ−ε)) / 2ε with ε = {0} give a numeric one for every entry of every parameter. They agree when the relative error |a − n| / max(|a|, |n|, 1e-12) stays below {1}.',
    ),
    running: l10n.t('Checking every parameter entry in a worker…'),
    failed: l10n.t('The gradient check could not run: {0}'),
    modelLine: l10n.t('Model: {0} cell, σ = {1}, {2} layer(s), {3}, hidden size H = {4}, T = {5} steps, seed {6}, a mini-batch of 2 sequences. Took {7} ms.'),
    summaryPassed: l10n.t('Passed: the worst relative error is {0} (tolerance {1}).'),
    summaryFailed: l10n.t('Failed: the worst relative error is {0}, above the tolerance {1}.'),
    parameter: l10n.t('parameter'),
    shape: l10n.t('shape'),
    entries: l10n.t('entries'),
    worstEntry: l10n.t('worst entry'),
    analytic: l10n.t('analytic (BPTT)'),
    numeric: l10n.t('numeric (finite differences)'),
    relativeError: l10n.t('relative error'),
    verdict: l10n.t('verdict'),
    pass: l10n.t('ok'),
    fail: l10n.t('above tolerance'),
    precisionNote: l10n.t('J(θ ± ε) is evaluated in double-double (≈ 32-digit) arithmetic, so only the O(ε²) truncation error remains.'),
    runAgain: l10n.t('Run again with the current settings'),
    tableCaption: l10n.t('Per parameter matrix: the entry with the largest relative error, its analytic and numeric gradient.'),
  };
}
