// The short lens above each remedy field of a `*.rnn.json`: which lecture problem the field addresses and, when known,
// its current effect (docs/maths.md, "Remedies" and "Backpropagation through time"):
//   exploding gradient — gradient clipping (by norm, by value), truncated BPTT, penalties (L2);
//   vanishing gradient — weight initialisation, echo state network, LSTM (and GRU), Pascanu's Ω;
//   W_hh rescaled to a spectral radius acts on both.
// The effect of init/spectralRadius/plain cell is Pascanu's per-step bound ‖∂X_{k+1}/∂X_k‖ ≤ λ₁γ measured on the
// initial W_hh (initialSpectrum.ts): λ₁γ < 1 vanishing guaranteed, > 1 exploding possible. No vscode import.
import type { RnnConfig } from '../../modelFiles/rnnConfig/rnnConfig';
import type { SpectralVerdict } from '../../engine/diagnostics/spectral';
import type { InitialSpectrumResult } from '../../modelFiles/rnnConfig/initialSpectrum';
import type { Translator } from '../platform/translator';

/** vscode.l10n's `t` (the parameter is named l10n so `@vscode/l10n-dev export` extracts the calls). */

/** Top-level fields that carry a lens, in the order the lecture lists the remedies. */
export const REMEDY_FIELDS = ['cell', 'init', 'spectralRadius', 'clipNorm', 'clipValue', 'tbptt', 'l2', 'omega'] as const;
export type RemedyField = (typeof REMEDY_FIELDS)[number];

export interface RemedyLensText {
  readonly field: RemedyField;
  readonly title: string;
  readonly tooltip: string;
}

/** λ₁γ at init: measured, being measured (computed after the lenses are shown), or not measured. */
export type SpectrumState = InitialSpectrumResult | { readonly kind: 'pending' };

/** Two decimals as the lecture writes λ₁γ ("1.31"); tiny values keep two significant digits. */
export function formatLambdaGamma(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.01) return value.toPrecision(2);
  return value.toFixed(2);
}

/** Numbers from the config as written (no trailing zeros, at most 4 significant digits). */
export function formatSetting(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

export function verdictText(verdict: SpectralVerdict, l10n: Translator): string {
  switch (verdict) {
    case 'vanishing-guaranteed':
      return l10n.t('vanishing guaranteed');
    case 'exploding-possible':
      return l10n.t('exploding possible');
    case 'critical':
      return l10n.t('critical (λ₁γ = 1)');
  }
}

/** "λ₁γ = 1.31 at init → exploding possible", or why it is not shown; null when there is nothing to say. */
export function spectrumEffect(state: SpectrumState, l10n: Translator): string | null {
  switch (state.kind) {
    case 'measured': {
      const value = formatLambdaGamma(state.lambdaGamma);
      const verdict = verdictText(state.verdict, l10n);
      return state.block === 'W_hh'
        ? l10n.t('λ₁γ = {0} at init → {1}', value, verdict)
        : l10n.t('λ₁γ = {0} at init (gate {1}) → {2}', value, state.block, verdict);
    }
    case 'pending':
      return l10n.t('λ₁γ at init: measuring…');
    case 'skipped':
      return state.reason === 'too-large' ? l10n.t('λ₁γ at init not measured in the editor (H = {0})', state.hiddenSize) : null;
  }
}

function spectrumTooltip(state: SpectrumState, l10n: Translator): string {
  switch (state.kind) {
    case 'measured':
      return l10n.t(
        'Pascanu bound ‖∂X_(k+1)/∂X_k‖ ≤ λ₁γ on the initial weights (same seed as training): λ₁ = {0} (largest singular value of {1}, block {2}), γ = sup|σ′| = {3}. λ₁γ < 1: vanishing guaranteed; λ₁γ > 1: exploding possible. Largest of {4} recurrent block(s).',
        formatLambdaGamma(state.largestSingularValue),
        state.parameter,
        state.block,
        formatSetting(state.gamma),
        state.blocksMeasured,
      );
    case 'pending':
      return l10n.t('Measuring the largest singular value λ₁ of the initial W_hh…');
    case 'skipped':
      switch (state.reason) {
        case 'too-large':
          return l10n.t('{0} recurrent block(s) of {1}×{1} are too large to measure while editing; the training panel shows λ₁ once a run starts.', state.blocks, state.hiddenSize);
        case 'echo-state-network':
          return l10n.t('An echo state network is not trained by BPTT: its reservoir stays fixed.');
        case 'no-model':
        case 'init-failed':
          return state.detail;
      }
  }
}

function withEffect(problem: string, effect: string | null, l10n: Translator): string {
  return effect === null ? problem : l10n.t('{0} · {1}', problem, effect);
}

/** One lens text per remedy field present in the file (`present`: the top-level keys written in it). */
export function remedyLensTexts(
  config: RnnConfig,
  present: ReadonlySet<string>,
  spectrum: SpectrumState,
  l10n: Translator,
): RemedyLensText[] {
  const lenses: RemedyLensText[] = [];
  const esn = config.cell === 'esn';
  const ignoredByEsn = l10n.t('ignored by an echo state network (no BPTT)');
  const add = (field: RemedyField, title: string, tooltip: string): void => {
    if (present.has(field)) lenses.push({ field, title, tooltip });
  };

  const cellLens = cellText(config, spectrum, l10n);
  add('cell', cellLens.title, cellLens.tooltip);

  if (!esn) {
    const scheme =
      config.init === 'xavier'
        ? l10n.t('Xavier/Glorot uniform')
        : config.init === 'orthogonal'
          ? l10n.t('orthogonal, W_hh = Q')
          : l10n.t('identity, W_hh = {0}·I', formatSetting(config.identityScale));
    add(
      'init',
      withEffect(l10n.t('vanishing gradient: weight initialisation ({0})', scheme), spectrumEffect(spectrum, l10n), l10n),
      `${l10n.t('Xavier U(±√(6/(fan_in+fan_out))); orthogonal W = g·Q from the QR of a Gaussian matrix; identity (IRNN, ReLU) W_hh = λI.')}\n${spectrumTooltip(spectrum, l10n)}`,
    );
    const rho = config.spectralRadius;
    add(
      'spectralRadius',
      withEffect(
        rho === null ? l10n.t('vanishing/exploding gradient: spectral radius of W_hh') : l10n.t('vanishing/exploding gradient: W_hh rescaled to ρ = {0}', formatSetting(rho)),
        spectrumEffect(spectrum, l10n),
        l10n,
      ),
      `${l10n.t('W_hh ← ρ·W_hh/ρ(W_hh) after initialisation. ρ ≤ λ₁, so ρ < 1 does not by itself bound λ₁γ.')}\n${spectrumTooltip(spectrum, l10n)}`,
    );
  }

  const tau = config.clipNorm;
  add(
    'clipNorm',
    withEffect(l10n.t('exploding gradient: gradient clipping by norm'), esn ? ignoredByEsn : tau !== null && tau > 0 ? l10n.t('‖g‖ ≥ {0} → g ← {0}·g/‖g‖', formatSetting(tau)) : null, l10n),
    l10n.t('Pascanu et al. 2013, Alg. 1: g = ∂J/∂θ over all parameters; if ‖g‖ ≥ τ then g ← τ·g/‖g‖. The direction is kept, only the step is shortened.'),
  );
  const c = config.clipValue;
  add(
    'clipValue',
    withEffect(l10n.t('exploding gradient: gradient clipping by value'), esn ? ignoredByEsn : c !== null && c > 0 ? l10n.t('each component clipped to [−{0}, {0}]', formatSetting(c)) : null, l10n),
    l10n.t('Element-wise clipping of every gradient component to [−c, c] (min-char-rnn uses ±5). Unlike clipping by norm it can change the direction of g.'),
  );
  const tbptt = config.tbptt;
  const sequence = config.inputLength ?? config.data?.window ?? null;
  let tbpttEffect: string | null = null;
  if (esn) tbpttEffect = ignoredByEsn;
  else if (tbptt !== null) {
    tbpttEffect =
      sequence !== null && tbptt.k1 >= sequence
        ? l10n.t('k1 = {0} ≥ {1} steps: full BPTT', tbptt.k1, sequence)
        : l10n.t('every {0} steps, backpropagate {1}', tbptt.k1, tbptt.k2);
  }
  add(
    'tbptt',
    withEffect(l10n.t('exploding gradient: truncated BPTT'), tbpttEffect, l10n),
    l10n.t('Truncated BPTT(k1, k2) (Williams & Peng 1990): every k1 forward steps, backpropagate k2 ≥ k1 steps; the product Π W_recᵀ diag(σ′) never has more than k2 factors.'),
  );
  add(
    'l2',
    withEffect(l10n.t('exploding gradient: L2 penalty λ‖θ‖²/2'), config.l2 > 0 ? l10n.t('λ = {0}', formatSetting(config.l2)) : l10n.t('off'), l10n),
    l10n.t('Weight decay adds λθ to every gradient and pulls the weights, and with them λ₁ of W_rec, towards 0.'),
  );
  add(
    'omega',
    withEffect(l10n.t("vanishing gradient: Pascanu's Ω penalty"), esn ? ignoredByEsn : config.omega > 0 ? l10n.t('weight α = {0}', formatSetting(config.omega)) : l10n.t('off'), l10n),
    l10n.t('Ω = Σ_k (‖(∂J/∂x_(k+1))(∂x_(k+1)/∂x_k)‖ / ‖∂J/∂x_(k+1)‖ − 1)²: keeps each step of the Jacobian product norm-preserving, so the error signal neither vanishes nor explodes.'),
  );
  return lenses;
}

function cellText(config: RnnConfig, spectrum: SpectrumState, l10n: Translator): { title: string; tooltip: string } {
  switch (config.cell) {
    case 'rnn':
      return {
        title: withEffect(l10n.t('plain RNN, no remedy in the cell: ∂X_t/∂X_k = Π W_recᵀ diag(σ′)'), spectrumEffect(spectrum, l10n), l10n),
        tooltip: `${l10n.t('Every step back multiplies the gradient by W_recᵀ diag(σ′(x)); its norm is at most λ₁γ, so over t − k steps it can shrink like (λ₁γ)^(t−k) or grow.')}\n${spectrumTooltip(spectrum, l10n)}`,
      };
    case 'lstm':
      return {
        title: l10n.t('vanishing gradient: LSTM · cell path ∂c_t/∂c_(t−1) = diag(f_t)'),
        tooltip: l10n.t('The cell state is updated additively, c_t = f_t ⊙ c_(t−1) + i_t ⊙ g_t, so the gradient along c is multiplied only by the forget gate f_t (bias +{0} at init keeps f_t near 1).', formatSetting(config.forgetBias)),
      };
    case 'gru':
      return {
        title: l10n.t('vanishing gradient: GRU · path h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1)'),
        tooltip: l10n.t('The update gate z_t interpolates with the previous state, so the gradient along h is multiplied by z_t, not only by W_recᵀ diag(σ′).'),
      };
    case 'esn':
      return {
        title: l10n.t('vanishing gradient: echo state network · fixed reservoir ρ = {0}, no BPTT', formatSetting(config.esn.spectralRadius)),
        tooltip: l10n.t('Jaeger 2001: x(n) = (1−a)x(n−1) + a·tanh(W_in[1; u(n)] + W x(n−1)) with W fixed; only the readout W_out = Y Xᵀ(X Xᵀ + βI)⁻¹ is fitted, so no gradient travels through time.'),
      };
  }
}
