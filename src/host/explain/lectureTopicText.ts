// The words of each lecture topic, localised in the host (l10n/bundle.l10n.es.json holds the Spanish, in the course's
// terms: "gradiente que se desvanece", "retropropagación a través del tiempo", "recorte del gradiente" …). The
// translator is a parameter named `l10n` (as in topologyStrings.ts) so `vscode-l10n-dev export` finds every
// `l10n.t('…')` literal and unit tests can run this without VS Code.
import type { LectureTopicId } from './lectureTopics';
import type { Translator } from '../platform/translator';

/** The part of vscode.l10n this module uses. */

export interface LectureTopicText {
  readonly title: string;
  /** One line, shown under the title in the "Explain…" quick pick. */
  readonly summary: string;
  /** The explanation, a few short paragraphs written for students. */
  readonly paragraphs: readonly string[];
  /** What each symbol of the formula means. */
  readonly symbols: string;
  /** Label of the button that runs the experiment. */
  readonly experimentLabel: string;
  /** What to look at once the experiment runs. */
  readonly lookFor: string;
}

export function lectureTopicText(id: LectureTopicId, l10n: Translator): LectureTopicText {
  switch (id) {
    case 'topologies':
      return {
        title: l10n.t('The five topologies'),
        summary: l10n.t('One-to-one, one-to-many, many-to-one, encoder–decoder and synced many-to-many.'),
        paragraphs: [
          l10n.t(
            'A recurrent network applies the same cell at every time step: the hidden state hₜ summarises everything read so far and is passed to the next step through the recurrent weights W_hh. Unrolled in time, it is a deep network whose layers all share their weights.',
          ),
          l10n.t(
            'What changes between tasks is which steps take an input and which steps produce a scored output: one-to-many (image captioning, OCR), many-to-one (sentiment analysis), many-to-many encoder–decoder (machine translation: the encoder’s last state is the context that starts the decoder) and synced many-to-many (a label for every video frame). One-to-one is a plain feedforward network.',
          ),
        ],
        symbols: l10n.t('xₜ input, hₜ hidden state, ŷₜ output at step t; σ the nonlinearity (tanh, ReLU or sigmoid).'),
        experimentLabel: l10n.t('Show the five topologies'),
        lookFor: l10n.t('Change the input and output steps of one topology and see which outputs are scored.'),
      };
    case 'cost-and-gradient-descent':
      return {
        title: l10n.t('Cost J and gradient descent'),
        summary: l10n.t('The mean squared error with the lecture’s ½, and the update θ ← θ − α ∂J/∂θ.'),
        paragraphs: [
          l10n.t(
            'Training is supervised learning: the cost function J measures how far the predictions ŷ are from the targets y over the m scored values. The ½ only simplifies the derivative: ∂J/∂ŷᵢ = (ŷᵢ − yᵢ)/m (libraries without the ½ get twice this gradient).',
          ),
          l10n.t(
            'Gradient descent moves every parameter a small step against its gradient; the learning rate α sets the step. One update per mini-batch, one epoch per pass over the training windows. The gradient itself comes from backpropagation (through time, for a recurrent network).',
          ),
        ],
        symbols: l10n.t('m number of scored values, ŷᵢ prediction, yᵢ target, θ all the parameters, α the learning rate.'),
        experimentLabel: l10n.t('Train on the sine with plain gradient descent'),
        lookFor: l10n.t('The loss chart: training and validation loss J per epoch, falling as gradient descent proceeds.'),
      };
    case 'bptt':
      return {
        title: l10n.t('Backpropagation through time (BPTT)'),
        summary: l10n.t('The chain rule on the unrolled network: a sum over time of products of Jacobians.'),
        paragraphs: [
          l10n.t(
            'Unroll the network over the T steps of a sequence and apply backpropagation: because W_rec is shared by every step, its gradient is the sum of the contributions of every step. The error at step t reaches an earlier state Xₖ through the product of the Jacobians ∂Xᵢ/∂Xᵢ₋₁ of all the steps in between.',
          ),
          l10n.t(
            'That product is the heart of the lecture: each factor is W_recᵀ times the derivative of the nonlinearity, so the further back the step (the larger the lag t − k), the more factors are multiplied. RNN Lab measures ‖∂J/∂hₖ‖ for every step k during training.',
          ),
        ],
        symbols: l10n.t('εₜ error at step t, Xₜ state at step t, ∂⁺Xₖ/∂θ the immediate derivative (Xₖ₋₁ held constant), σ′ the derivative of the nonlinearity.'),
        experimentLabel: l10n.t('Train on the sine and show the gradient per time step'),
        lookFor: l10n.t('The gradient-decay chart: ‖∂J/∂hₖ‖ for each step k of the window, the terms BPTT adds up.'),
      };
    case 'vanishing-gradient':
      return {
        title: l10n.t('Vanishing gradient'),
        summary: l10n.t('When λ₁γ < 1 the gradient from far-away steps decays exponentially with the lag.'),
        paragraphs: [
          l10n.t(
            'Each factor of ∂Xₜ/∂Xₖ has norm at most λ₁γ, the largest singular value of W_rec times the largest slope of σ. If λ₁ < 1/γ every factor shrinks the gradient, so the contribution of step k decays like (λ₁γ)^(t−k): the network cannot learn dependencies many steps apart, because their gradient is drowned by that of nearby steps.',
          ),
          l10n.t(
            'For a sigmoid γ = ¼, so even λ₁ up to 4 vanishes; tanh saturation makes σ′ smaller still. The remedies are a good weight initialisation, echo state networks (no gradient through time at all) and the LSTM.',
          ),
        ],
        symbols: l10n.t('λ₁ largest singular value of W_rec, γ = sup|σ′|, t − k the lag between the error and the state.'),
        experimentLabel: l10n.t('Train a vanilla RNN on the adding problem (ρ = 0.8, 50 steps)'),
        lookFor: l10n.t('The gradient-decay chart on a log scale: a straight falling line, beside the bound (λ₁γ)^(t−k).'),
      };
    case 'exploding-gradient':
      return {
        title: l10n.t('Exploding gradient'),
        summary: l10n.t('When λ₁γ > 1 the product of Jacobians can grow exponentially and the updates blow up.'),
        paragraphs: [
          l10n.t(
            'The same product can also grow: λ₁ > 1/γ is necessary for that (not sufficient — saturated units have small σ′). Then a few steps produce a huge gradient, one update throws the parameters far away, and the loss jumps or becomes NaN.',
          ),
          l10n.t(
            'The remedies for exploding gradients are truncated BPTT (fewer factors in the product), penalties (keep the Jacobians near norm 1) and, above all, gradient clipping.',
          ),
        ],
        symbols: l10n.t('λ₁ largest singular value of W_rec, γ = sup|σ′| (1 for tanh).'),
        experimentLabel: l10n.t('Train with W_hh scaled to ρ = 1.8 and no clipping'),
        lookFor: l10n.t('Spikes in the gradient-norm chart and jumps in the loss; the run may stop as diverged.'),
      };
    case 'truncated-bptt':
      return {
        title: l10n.t('Truncated BPTT'),
        summary: l10n.t('Backpropagate only k₂ steps every k₁ steps; carry the state forward without its gradient.'),
        paragraphs: [
          l10n.t(
            'Instead of backpropagating through the whole sequence, TBPTT(k₁, k₂) runs k₁ steps forward and then backpropagates k₂ ≥ k₁ steps. Every backward pass reaches back k₂ steps (or to the start), also the last one when the window is not a multiple of k₁; TBPTT(K, K) with K ≥ T is full BPTT. The hidden state is carried to the next chunk, but its gradient is cut there.',
          ),
          l10n.t(
            'Fewer Jacobians are multiplied, so the gradient cannot explode over more than k₂ steps, and each update is cheaper. The price: dependencies longer than k₂ steps get no gradient at all.',
          ),
        ],
        symbols: l10n.t('k₁ steps between backward passes, k₂ steps each backward pass reaches back.'),
        experimentLabel: l10n.t('Train with TBPTT(10, 20)'),
        lookFor: l10n.t(
          'The time per epoch and the loss, against the full-BPTT run of the vanishing-gradient experiment; on the gradient-decay chart, what lies beyond lag k₂ = 20 is what truncation leaves out.',
        ),
      };
    case 'penalties':
      return {
        title: l10n.t('Penalties'),
        summary: l10n.t('L2 weight decay, and Pascanu’s regulariser Ω that keeps each Jacobian near norm 1.'),
        paragraphs: [
          l10n.t(
            'A penalty added to the cost changes what gradient descent prefers. L2 weight decay λ‖θ‖²/2 keeps the weights, and with them λ₁, small: it fights exploding gradients but pushes towards vanishing ones.',
          ),
          l10n.t(
            'Pascanu, Mikolov and Bengio’s regulariser Ω asks that backpropagating one step neither shrinks nor grows the gradient: each ratio ‖(∂J/∂xₖ₊₁)(∂xₖ₊₁/∂xₖ)‖ / ‖∂J/∂xₖ₊₁‖ should be 1. Only W_rec receives its gradient (reference weight α = 2).',
          ),
          l10n.t(
            'RNN Lab computes Ω as the authors’ released code does, not as the paper’s equation is written: with squared norms, rₖ = ‖(∂J/∂xₖ₊₁)(∂xₖ₊₁/∂xₖ)‖² / ‖∂J/∂xₖ₊₁‖², and Ω = the mean of (rₖ − 1)² over the steps kept (steps with ‖∂J/∂xₖ₊₁‖² < 1e-20 are skipped), so α does not depend on the window length. Ω is not added to the reported loss.',
          ),
        ],
        symbols: l10n.t('λ weight-decay coefficient, θ the weights, xₖ the state at step k.'),
        experimentLabel: l10n.t('Train with L2 weight decay λ = 0.01'),
        lookFor: l10n.t('The spectrum of W_rec over the epochs: weight decay holds λ₁ down, and the gradient-decay chart shows the price at long lags.'),
      };
    case 'gradient-clipping':
      return {
        title: l10n.t('Gradient clipping'),
        summary: l10n.t('Rescale the whole gradient when its norm exceeds a threshold τ.'),
        paragraphs: [
          l10n.t(
            'Clipping by norm keeps the direction of the gradient of all the parameters together and only shortens it when ‖g‖ ≥ τ, so one exploding step can no longer throw the parameters far away. It is cheap and is the standard remedy for exploding gradients.',
          ),
          l10n.t(
            'Clipping by value cuts each component to [−c, c] separately (min-char-rnn uses ±5); it is simpler but changes the direction. Clipping does nothing for vanishing gradients.',
          ),
        ],
        symbols: l10n.t('g the gradient of all parameters, τ the norm threshold, c the value bound.'),
        experimentLabel: l10n.t('Train the exploding setup with clipping τ = 1'),
        lookFor: l10n.t('The gradient-norm chart capped at τ, the share of clipped steps, and a loss that keeps falling.'),
      };
    case 'weight-initialisation':
      return {
        title: l10n.t('Weight initialisation'),
        summary: l10n.t('Start with λ₁ near 1: orthogonal W_hh, or the identity with ReLU (IRNN).'),
        paragraphs: [
          l10n.t(
            'Whether the gradient vanishes or explodes at the start depends on the singular values of W_rec. Xavier/Glorot initialisation keeps the variance of the signals equal across layers; an orthogonal matrix has every singular value equal to 1, so the linear part of each Jacobian preserves norms.',
          ),
          l10n.t(
            'Le, Jaitly and Hinton’s IRNN goes further: ReLU units, W_hh = I and zero biases, so at the start the state is simply copied forward and the gradient passes back unchanged through active units.',
          ),
        ],
        symbols: l10n.t('fan_in, fan_out inputs and outputs of the layer; Q the orthogonal factor of a QR decomposition; I the identity matrix.'),
        experimentLabel: l10n.t('Train an IRNN (ReLU, W_hh = I, clipping τ = 1)'),
        lookFor: l10n.t('The gradient-decay chart: much less decay with the lag than the vanilla tanh RNN.'),
      };
    case 'echo-state-networks':
      return {
        title: l10n.t('Echo state networks'),
        summary: l10n.t('A fixed random reservoir and a trained linear readout: no gradient through time at all.'),
        paragraphs: [
          l10n.t(
            'An echo state network (ESN) never trains its recurrent weights. The reservoir W is random and sparse, scaled to a spectral radius ρ below 1 so that the state is an “echo” of the recent inputs that fades away; the leak rate a slows it down.',
          ),
          l10n.t(
            'Only the readout W_out is learnt, by ridge regression on the collected states after a washout: a linear least-squares problem with one exact solution. No gradient flows through time, so it can neither vanish nor explode. ρ < 1 is a rule of thumb, not a guarantee of the echo state property.',
          ),
        ],
        symbols: l10n.t('u(n) input, x(n) reservoir state, a leak rate, ρ spectral radius, β ridge coefficient, X the states and Y the targets.'),
        experimentLabel: l10n.t('Open the bundled echo state network config'),
        lookFor: l10n.t(
          'Hover over the fields of "esn" (spectralRadius, leak, ridge, washout) to read what each one does. The readout is fitted in one ridge solve, so there is no BPTT run to watch.',
        ),
      };
    case 'lstm':
      return {
        title: l10n.t('LSTM: long short-term memory'),
        summary: l10n.t('Gates and a cell state whose path back in time is multiplied only by the forget gate.'),
        paragraphs: [
          l10n.t(
            'The LSTM adds a cell state cₜ that is updated additively: the forget gate f keeps part of the old cell, the input gate i adds the candidate g, the output gate o decides what is shown as hₜ.',
          ),
          l10n.t(
            'Along the cell path the Jacobian is just diag(fₜ): with forget gates near 1 the gradient crosses many steps almost unchanged, which is why the LSTM solves tasks like the adding problem. The forget-gate bias starts at +1 (Jozefowicz et al. 2015) so the cell remembers from the first update.',
          ),
        ],
        symbols: l10n.t('i, f, o input, forget and output gates; g the candidate; cₜ cell state; ⊙ element-wise product.'),
        experimentLabel: l10n.t('Train an LSTM on the adding problem (50 steps)'),
        lookFor: l10n.t('The gradient-decay chart: compare with the vanilla RNN run on the same sequences — the gradient reaches much further back.'),
      };
  }
}
