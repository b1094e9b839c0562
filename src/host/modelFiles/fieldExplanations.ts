// What each field of a `*.rnn.json` means in the lecture, with its formula (docs/maths.md sections in brackets):
// the text of the hover. Formulas are language-neutral and kept apart from the localised sentence. No vscode import.
import type { JsonPath } from '../../modelFiles/json/jsonNavigation';
import type { Translator } from '../platform/translator';

/** vscode.l10n's `t` (the parameter is named l10n so `@vscode/l10n-dev export` extracts the calls). */

export interface FieldExplanation {
  /** `tbptt.k1`: the field as written in diagnostics. */
  readonly field: string;
  readonly sentence: string;
  /** The lecture formula, or null when the field has none. */
  readonly formula: string | null;
}

/** The field named by a JSON path (array indices ignored), e.g. `esn.spectralRadius`. */
export function fieldName(path: JsonPath): string {
  return path.filter((part): part is string => typeof part === 'string').join('.');
}

export function explainField(path: JsonPath, l10n: Translator): FieldExplanation | null {
  const field = fieldName(path);
  const entry = explanation(field, l10n);
  return entry === null ? null : { field, ...entry };
}

function explanation(field: string, l10n: Translator): { sentence: string; formula: string | null } | null {
  switch (field) {
    case 'topology':
      return {
        sentence: l10n.t('How inputs and outputs line up in time: one-to-one, one-to-many (image captioning), many-to-one (sentiment analysis), many-to-many encoder–decoder (machine translation) or synced (one label per video frame). Inferred from inputLength → outputLength when absent.'),
        formula: '1→1 · 1→N · T→1 · T→M (M ≠ T) · T→T',
      };
    case 'cell':
      return {
        sentence: l10n.t('The recurrent unit: plain RNN, LSTM or GRU (gates against the vanishing gradient), or an echo state network (fixed reservoir, no BPTT).'),
        formula: 'h_t = σ(W_ih x_t + b_ih + W_hh h_(t−1) + b_hh) · LSTM: c_t = f_t ⊙ c_(t−1) + i_t ⊙ g_t',
      };
    case 'nonlinearity':
      return {
        sentence: l10n.t('σ of the plain RNN. Its largest slope γ = sup|σ′| enters the bound on every step back in time: tanh 1, sigmoid ¼, ReLU 1.'),
        formula: '‖∂X_(k+1)/∂X_k‖ ≤ λ₁γ',
      };
    case 'layers':
      return { sentence: l10n.t('Stacked recurrent layers: layer l reads the hidden states of layer l − 1 at every time step.'), formula: 'h_t^(l) = σ(W_ih^(l) h_t^(l−1) + W_hh^(l) h_(t−1)^(l) + b^(l))' };
    case 'hiddenSize':
      return { sentence: l10n.t('Units H of the hidden state; W_hh is H × H (per gate for LSTM/GRU).'), formula: 'h_t ∈ ℝ^H' };
    case 'inputSize':
      return { sentence: l10n.t('Features per input step (columns of x_t).'), formula: 'x_t ∈ ℝ^I' };
    case 'outputSize':
      return { sentence: l10n.t('Outputs per scored step: regression targets, or the number of classes for cross-entropy.'), formula: 'ŷ_t = W_out h_t + b_out' };
    case 'inputLength':
      return { sentence: l10n.t('Input time steps T: how far the network is unrolled, and how many factors the BPTT product can have.'), formula: 'x_1 … x_T' };
    case 'outputLength':
      return { sentence: l10n.t('Output time steps: 1 for many-to-one, T for synced, M (another length) for encoder–decoder and one-to-many.'), formula: 'ŷ_1 … ŷ_M' };
    case 'loss':
      return {
        sentence: l10n.t('The cost function J. MSE keeps the lecture\'s ½; m counts every scored output of every sequence in the batch.'),
        formula: 'J = 1/(2m) Σ (ŷ − y)² · J = −(1/m) Σ log softmax(ŷ)_y',
      };
    case 'oneToManyInput':
      return { sentence: l10n.t('one-to-many only: feed the single input at the first step (zeros after) or at every step.'), formula: null };
    case 'optimizer':
      return { sentence: l10n.t('How each gradient step is taken: plain gradient descent, momentum or Adam.'), formula: 'θ ← θ − η ∂J/∂θ' };
    case 'learningRate':
      return { sentence: l10n.t('Learning rate η: the size of each gradient-descent step.'), formula: 'θ ← θ − η ∂J/∂θ' };
    case 'momentum':
      return { sentence: l10n.t('Momentum μ: the step keeps a fraction of the previous one.'), formula: 'v ← μv − η ∂J/∂θ; θ ← θ + v' };
    case 'epochs':
      return { sentence: l10n.t('Epochs: passes over the training data.'), formula: null };
    case 'batch':
      return { sentence: l10n.t('Sequences per gradient step (mini-batch); the gradient is averaged over them.'), formula: 'm = scored outputs in the batch' };
    case 'seed':
      return { sentence: l10n.t('Seed of the random generator: the same seed gives the same initial weights and the same run.'), formula: null };
    case 'precision':
      return { sentence: l10n.t('Arithmetic of training: float32 trains mini-batches as batched matrix products in WebAssembly SIMD (fast); float64 is exact, one sequence at a time; auto picks float32 when the batch is ≥ 8 with a hidden size ≥ 64 or character (one-hot) inputs, or the hidden size is ≥ 128. Gradient checks and the gradient-decay diagnostics are always float64.'), formula: null };
    case 'threads':
      return { sentence: l10n.t('Worker threads that share each mini-batch: each computes the gradient of its shard, and the shards are added in a fixed order (deterministic for a given count). 0 = the number of cores, at most 8.'), formula: 'g = Σ_(shard s, in order) g_s' };
    case 'clipNorm':
      return {
        sentence: l10n.t('Remedy for the exploding gradient: gradient clipping by norm over all parameters (Pascanu et al. 2013, Alg. 1). Remove the field to turn it off.'),
        formula: 'if ‖g‖ ≥ τ: g ← τ·g/‖g‖',
      };
    case 'clipValue':
      return { sentence: l10n.t('Remedy for the exploding gradient: clip every gradient component to [−c, c].'), formula: 'g_i ← max(−c, min(c, g_i))' };
    case 'tbptt':
      return {
        sentence: l10n.t('Remedy for the exploding gradient: truncated backpropagation through time (Williams & Peng 1990). Every k1 forward steps, backpropagate k2 ≥ k1 steps (or to the start), also after the last, shorter chunk; the hidden state is carried across chunks without gradient.'),
        formula: '∂ε_t/∂θ ≈ Σ_(k = t−k2+1…t) (∂ε_t/∂X_t)(∂X_t/∂X_k)(∂X_k/∂θ)',
      };
    case 'tbptt.k1':
      return { sentence: l10n.t('Forward steps between two truncated backward passes.'), formula: null };
    case 'tbptt.k2':
      return { sentence: l10n.t('Steps each truncated backward pass goes back (k2 ≥ k1; default k1).'), formula: null };
    case 'l2':
      return { sentence: l10n.t('Penalty (weight decay): adds λθ to every gradient and keeps the weights, and λ₁ of W_rec, small.'), formula: 'J + λ‖θ‖²/2' };
    case 'omega':
      return {
        sentence: l10n.t('Pascanu\'s regulariser: pushes each step of the Jacobian product to preserve the norm of the error signal, against the vanishing gradient. Weight α; 0 = off.'),
        formula: 'Ω = Σ_k (‖(∂J/∂x_(k+1))(∂x_(k+1)/∂x_k)‖ / ‖∂J/∂x_(k+1)‖ − 1)²',
      };
    case 'init':
      return {
        sentence: l10n.t('Remedy for the vanishing gradient: how W_hh starts. Xavier/Glorot uniform, orthogonal (all singular values 1) or identity (IRNN, with ReLU).'),
        formula: 'U(±√(6/(fan_in+fan_out))) · W = g·Q · W_hh = λI',
      };
    case 'identityScale':
      return { sentence: l10n.t('λ of the identity initialisation W_hh = λI (1 in Le et al. 2015; smaller for long tasks).'), formula: 'W_hh = λI' };
    case 'spectralRadius':
      return {
        sentence: l10n.t('Rescale W_hh after initialisation to this spectral radius ρ. ρ ≤ λ₁, so ρ < 1 alone does not guarantee λ₁γ < 1.'),
        formula: 'W_hh ← ρ·W_hh/ρ(W_hh)',
      };
    case 'forgetBias':
      return { sentence: l10n.t('LSTM forget-gate bias at initialisation (+1, Jozefowicz et al. 2015): f_t starts near 1 so the cell path carries the gradient.'), formula: '∂c_t/∂c_(t−1) = diag(f_t)' };
    case 'esn':
      return {
        sentence: l10n.t('Echo state network (Jaeger 2001): a fixed random reservoir; only the readout is fitted, by ridge regression — no gradient travels through time.'),
        formula: 'x(n) = (1−a)x(n−1) + a·tanh(W_in[1; u(n)] + W x(n−1))',
      };
    case 'esn.reservoir':
      return { sentence: l10n.t('Reservoir units N.'), formula: 'x(n) ∈ ℝ^N' };
    case 'esn.spectralRadius':
      return { sentence: l10n.t('Spectral radius ρ the reservoir W is scaled to; ρ < 1 is the rule of thumb for the echo-state property (not a guarantee).'), formula: 'W ← ρ·W/ρ(W)' };
    case 'esn.leak':
      return { sentence: l10n.t('Leak rate a: how much of the new activation replaces the old state.'), formula: 'x(n) = (1−a)x(n−1) + a·tanh(…)' };
    case 'esn.sparsity':
      return { sentence: l10n.t('Fraction of reservoir weights that are zero.'), formula: null };
    case 'esn.inputScale':
      return { sentence: l10n.t('Scale of the input weights W_in.'), formula: null };
    case 'esn.ridge':
      return { sentence: l10n.t('Ridge β of the readout.'), formula: 'W_out = Y Xᵀ (X Xᵀ + βI)⁻¹' };
    case 'esn.washout':
      return { sentence: l10n.t('Initial reservoir states discarded before fitting the readout.'), formula: null };
    case 'data':
      return { sentence: l10n.t('Where the training data comes from: a CSV/JSON file cut into windows.'), formula: null };
    case 'data.path':
      return { sentence: l10n.t('Data file, relative to this config\'s folder.'), formula: null };
    case 'data.column':
      return { sentence: l10n.t('Column by header name or 0-based index; default the first numeric column.'), formula: null };
    case 'data.window':
      return { sentence: l10n.t('Input steps per example; default inputLength.'), formula: null };
    case 'data.horizon':
      return { sentence: l10n.t('How many steps ahead the target lies (1 = the next value).'), formula: 'y = x_(T+h)' };
    case 'data.stride':
      return { sentence: l10n.t('Steps between the starts of consecutive windows.'), formula: null };
    case 'data.normalization':
      return { sentence: l10n.t('How values are scaled before training, fitted on the training part only.'), formula: 'z = (x − μ)/σ · (x − min)/(max − min)' };
    default:
      return null;
  }
}
