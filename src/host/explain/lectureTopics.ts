// The lecture's topics as data, in the order the lecture teaches them: the formula (Unicode text, shown as is in the
// explanation panel; every formula is the one in docs/maths.md, section named beside it), the
// papers it comes from, and the experiment that shows it on a bundled sample. The words around the formula are
// localised separately (lectureTopicText.ts). No vscode import: unit tests check every topic against package.json.
import type { ExplanationTopicId } from '../../protocol/explainProtocol';
import { EXPLANATION_TOPIC_IDS } from '../../protocol/explainProtocol';
import type { SettingsOverrides } from '../../lab/settings/resolveSettings';

/** The lecture's topics in teaching order; the ids are the explanation channel's (shared with the webview). */
export const LECTURE_TOPIC_IDS = EXPLANATION_TOPIC_IDS;

export type LectureTopicId = ExplanationTopicId;

export function isLectureTopicId(value: unknown): value is LectureTopicId {
  return typeof value === 'string' && (LECTURE_TOPIC_IDS as readonly string[]).includes(value);
}

/** A publication the explanation rests on (named in the panel as "Authors (year). Title. Venue."). */
export interface LectureSource {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  readonly venue: string;
}

/**
 * What the panel's button runs: a contributed command with its arguments. `samples` maps an argument field to a path
 * under the extension's samples/ folder (e.g. `file` → `sine.csv`); each is resolved to an absolute path at run time
 * (lectureExperiment.ts), since commands such as Train on File take paths, not sample names.
 */
export interface CommandExperiment {
  readonly kind: 'command';
  readonly command: string;
  readonly args?: Readonly<Record<string, unknown>>;
  readonly samples?: Readonly<Record<string, string>>;
}

/**
 * Opens a sample in the editor, where its code lenses and hovers explain it: for what the editor does not train
 * (an echo state network's readout is fitted by ridge regression, not BPTT).
 */
export interface OpenSampleExperiment {
  readonly kind: 'openSample';
  /** Path under samples/, e.g. `configs/echo-state-network.rnn.json`. */
  readonly sample: string;
}

export type LectureExperiment = CommandExperiment | OpenSampleExperiment;

export interface LectureTopic {
  readonly id: LectureTopicId;
  /** One formula per line, Unicode maths (σ′, ∂, Σ, Π, ‖·‖, subscripts as _k when Unicode has no glyph). */
  readonly formula: readonly string[];
  readonly sources: readonly LectureSource[];
  readonly experiment: LectureExperiment;
}

/** Window of the gradient experiments: long enough that the decay over lags 1 … 60 is plain on the chart. */
const LONG_WINDOW = 60;
/** Few epochs: the gradient-decay chart tells its story in the first epochs; the run stays under a minute. */
const EXPERIMENT_EPOCHS = 15;

/** Every remedy off, so an experiment switches on exactly the one it is about (whatever the user's settings). */
function remedies(only: NonNullable<SettingsOverrides['remedies']> = {}): NonNullable<SettingsOverrides['remedies']> {
  return { clipNorm: 0, clipValue: 0, tbpttK1: 0, tbpttK2: 0, l2: 0, omega: 0, init: 'xavier', spectralRadius: 0, ...only };
}

/**
 * Train on File on a bundled sample with `settings` (EXPERIMENT_EPOCHS unless they say otherwise) and the data
 * arguments `dataArgs`; silent (the arguments answer every prompt) and alongside any run already going.
 */
function sampleRun(file: string, name: string, settings: SettingsOverrides, dataArgs: Readonly<Record<string, unknown>> = {}): CommandExperiment {
  return {
    kind: 'command',
    command: 'rnnLab.trainOnFile',
    samples: { file },
    args: {
      name,
      ...dataArgs,
      silent: true,
      whenBusy: 'both',
      settings: { ...settings, training: { epochs: EXPERIMENT_EPOCHS, ...(settings.training ?? {}) } },
    },
  };
}

/** samples/sine.csv: column `value`, the next value predicted (many-to-one). */
function sineRun(name: string, settings: SettingsOverrides): CommandExperiment {
  return sampleRun('sine.csv', name, settings, { columns: ['value'], target: 'value', topology: 'many-to-one' });
}

/** The same plain gradient descent for the vanilla RNN and the LSTM on the adding problem, so only the cell differs. */
const ADDING_TRAINING = { optimizer: 'sgd', learningRate: 0.05 } as const;

/**
 * samples/adding-problem.csv (Hochreiter & Schmidhuber 1997; docs/maths.md "Classic benchmark tasks"): 100 sequences
 * of 50 steps, grouped by their `sequence` column, the sum of the two marked values read after the last step
 * (many-to-one, decided by the data). The answer depends on steps up to 50 back, so how much gradient crosses those
 * steps is the whole story: the vanilla RNN's vanishes, the LSTM's does not. Values and markers already lie in [0, 1]
 * and the target is their sum: used as they are, as by `npm run demo`.
 */
function addingProblemRun(name: string, settings: SettingsOverrides): CommandExperiment {
  return sampleRun('adding-problem.csv', name, { ...settings, data: { normalization: 'none' } });
}

const PASCANU_2013: LectureSource = {
  authors: 'R. Pascanu, T. Mikolov, Y. Bengio',
  year: 2013,
  title: 'On the difficulty of training recurrent neural networks',
  venue: 'ICML 2013, PMLR 28(3):1310–1318',
};
const BENGIO_1994: LectureSource = {
  authors: 'Y. Bengio, P. Simard, P. Frasconi',
  year: 1994,
  title: 'Learning long-term dependencies with gradient descent is difficult',
  venue: 'IEEE Transactions on Neural Networks 5(2):157–166',
};
const RUMELHART_1986: LectureSource = {
  authors: 'D. E. Rumelhart, G. E. Hinton, R. J. Williams',
  year: 1986,
  title: 'Learning representations by back-propagating errors',
  venue: 'Nature 323:533–536',
};
const HOCHREITER_1997: LectureSource = {
  authors: 'S. Hochreiter, J. Schmidhuber',
  year: 1997,
  title: 'Long short-term memory',
  venue: 'Neural Computation 9(8):1735–1780',
};

export const LECTURE_TOPICS: readonly LectureTopic[] = [
  {
    id: 'topologies',
    // docs/maths.md "Parameter layout": the same cell and readout at every step, whatever the topology.
    formula: ['hₜ = σ(W_ih xₜ + b_ih + W_hh hₜ₋₁ + b_hh)', 'ŷₜ = W_out hₜ + b_out'],
    sources: [
      { authors: 'A. Karpathy', year: 2015, title: 'The unreasonable effectiveness of recurrent neural networks', venue: 'karpathy.github.io' },
      { authors: 'I. Sutskever, O. Vinyals, Q. V. Le', year: 2014, title: 'Sequence to sequence learning with neural networks', venue: 'NeurIPS 2014' },
    ],
    experiment: { kind: 'command', command: 'rnnLab.showTopologies' },
  },
  {
    id: 'cost-and-gradient-descent',
    // docs/maths.md "Losses": the lecture's ½, so ∂J/∂ŷᵢ = (ŷᵢ − yᵢ)/m.
    formula: ['J(θ) = 1/(2m) · Σᵢ (ŷᵢ − yᵢ)²', '∂J/∂ŷᵢ = (ŷᵢ − yᵢ)/m', 'θ ← θ − α · ∂J/∂θ'],
    sources: [RUMELHART_1986],
    experiment: sineRun('lecture: gradient descent', {
      model: { cell: 'rnn', window: 20 },
      training: { optimizer: 'sgd', learningRate: 0.05, epochs: 40 },
      remedies: remedies(),
    }),
  },
  {
    id: 'bptt',
    // docs/maths.md "Backpropagation through time" and the lecture's three equations.
    formula: [
      '∂ε/∂θ = Σₜ ∂εₜ/∂θ',
      '∂εₜ/∂θ = Σ_{k≤t} (∂εₜ/∂Xₜ) (∂Xₜ/∂Xₖ) (∂⁺Xₖ/∂θ)',
      '∂Xₜ/∂Xₖ = Π_{k<i≤t} W_recᵀ diag(σ′(x_{i−1}))',
    ],
    sources: [
      { authors: 'P. J. Werbos', year: 1990, title: 'Backpropagation through time: what it does and how to do it', venue: 'Proceedings of the IEEE 78(10):1550–1560' },
      RUMELHART_1986,
    ],
    experiment: sineRun('lecture: BPTT', {
      model: { cell: 'rnn', nonlinearity: 'tanh', window: 20 },
      remedies: remedies(),
    }),
  },
  {
    id: 'vanishing-gradient',
    // docs/maths.md "Backpropagation through time", bound of Pascanu et al. 2013.
    formula: [
      '‖∂X_{k+1}/∂X_k‖ ≤ ‖W_recᵀ‖ · ‖diag(σ′(x_k))‖ ≤ λ₁ γ',
      '‖∂Xₜ/∂Xₖ‖ ≤ (λ₁ γ)^(t−k) → 0   if λ₁ < 1/γ',
      'γ = sup|σ′|: 1 (tanh, ReLU), ¼ (sigmoid)',
    ],
    sources: [PASCANU_2013, BENGIO_1994],
    // Orthogonal W_hh scaled by 0.8: every singular value is 0.8, so λ₁ = ρ = 0.8 < 1/γ = 1 and the panel's badge
    // reads "vanishing guaranteed" beside a measured decay that follows the bound 0.8^(t−k). Plain gradient descent
    // (ADDING_TRAINING) keeps λ₁ below 1 over the 15 epochs (Adam would grow it past 1 while the decay persists).
    experiment: addingProblemRun('lecture: vanishing gradient (adding problem)', {
      model: { cell: 'rnn', nonlinearity: 'tanh' },
      training: ADDING_TRAINING,
      remedies: remedies({ init: 'orthogonal', spectralRadius: 0.8 }),
    }),
  },
  {
    id: 'exploding-gradient',
    // docs/maths.md "Backpropagation through time": λ₁ > 1/γ is necessary (not sufficient) for exploding.
    formula: ['‖∂Xₜ/∂Xₖ‖ ≤ (λ₁ γ)^(t−k)', 'λ₁ > 1/γ is necessary for ‖∂Xₜ/∂Xₖ‖ → ∞'],
    sources: [PASCANU_2013, BENGIO_1994],
    experiment: sineRun('lecture: exploding gradient', {
      model: { cell: 'rnn', nonlinearity: 'tanh', window: LONG_WINDOW },
      training: { optimizer: 'sgd', learningRate: 0.1 },
      remedies: remedies({ init: 'orthogonal', spectralRadius: 1.8 }),
    }),
  },
  {
    id: 'truncated-bptt',
    // docs/maths.md "Backpropagation through time": TBPTT(k1, k2), state carried across chunks without gradient.
    formula: [
      'every k₁ steps:  ∂ε/∂θ ≈ Σ_{t in chunk} Σ_{k=t−k₂+1}^{t} (∂εₜ/∂Xₜ)(∂Xₜ/∂Xₖ)(∂⁺Xₖ/∂θ)',
      'k₂ ≥ k₁;  h (and c) carried to the next chunk, its gradient cut',
    ],
    sources: [
      {
        authors: 'R. J. Williams, J. Peng',
        year: 1990,
        title: 'An efficient gradient-based algorithm for on-line training of recurrent network trajectories',
        venue: 'Neural Computation 2(4):490–501',
      },
    ],
    experiment: sineRun('lecture: truncated BPTT', {
      model: { cell: 'rnn', nonlinearity: 'tanh', window: LONG_WINDOW },
      remedies: remedies({ tbpttK1: 10, tbpttK2: 20 }),
    }),
  },
  {
    id: 'penalties',
    // docs/maths.md "Remedies": L2 weight decay and Pascanu's regulariser Ω (reference weight α = 2).
    formula: [
      'J′ = J + λ ‖θ‖² / 2',
      'Ω = Σₖ ( ‖(∂J/∂x_{k+1}) (∂x_{k+1}/∂x_k)‖ / ‖∂J/∂x_{k+1}‖ − 1 )²',
    ],
    sources: [
      PASCANU_2013,
      { authors: 'A. Krogh, J. A. Hertz', year: 1992, title: 'A simple weight decay can improve generalization', venue: 'NeurIPS 4:950–957' },
    ],
    // The editor's training worker applies L2 but not yet Ω (it refuses omega > 0), so the run shows weight decay.
    experiment: sineRun('lecture: L2 weight decay', {
      model: { cell: 'rnn', nonlinearity: 'tanh', window: LONG_WINDOW },
      remedies: remedies({ l2: 0.01 }),
    }),
  },
  {
    id: 'gradient-clipping',
    // docs/maths.md "Remedies": clipping by global norm (Pascanu Alg. 1) and by value.
    formula: ['g = ∂J/∂θ  (all parameters)', 'if ‖g‖ ≥ τ:  g ← τ · g / ‖g‖', 'by value:  gᵢ ← min(max(gᵢ, −c), c)'],
    sources: [
      PASCANU_2013,
      { authors: 'T. Mikolov', year: 2012, title: 'Statistical language models based on neural networks', venue: 'PhD thesis, Brno University of Technology' },
    ],
    experiment: sineRun('lecture: gradient clipping', {
      model: { cell: 'rnn', nonlinearity: 'tanh', window: LONG_WINDOW },
      training: { optimizer: 'sgd', learningRate: 0.1 },
      remedies: remedies({ clipNorm: 1, init: 'orthogonal', spectralRadius: 1.8 }),
    }),
  },
  {
    id: 'weight-initialisation',
    // docs/maths.md "Remedies": Xavier, orthogonal (every singular value 1), identity for ReLU (IRNN).
    formula: [
      'Xavier:  W ~ U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out)))',
      'orthogonal:  W = Q (QR of a Gaussian matrix),  every singular value = 1',
      'IRNN:  W_hh = I,  b = 0,  σ = ReLU',
    ],
    sources: [
      { authors: 'X. Glorot, Y. Bengio', year: 2010, title: 'Understanding the difficulty of training deep feedforward neural networks', venue: 'AISTATS 2010, PMLR 9:249–256' },
      {
        authors: 'A. M. Saxe, J. L. McClelland, S. Ganguli',
        year: 2014,
        title: 'Exact solutions to the nonlinear dynamics of learning in deep linear neural networks',
        venue: 'ICLR 2014',
      },
      { authors: 'Q. V. Le, N. Jaitly, G. E. Hinton', year: 2015, title: 'A simple way to initialize recurrent networks of rectified linear units', venue: 'arXiv:1504.00941' },
    ],
    // Le, Jaitly & Hinton train their IRNNs with gradient clipping too: unbounded ReLU states can still blow up.
    experiment: sineRun('lecture: identity initialisation (IRNN)', {
      model: { cell: 'rnn', nonlinearity: 'relu', window: LONG_WINDOW },
      remedies: remedies({ init: 'identity', clipNorm: 1 }),
    }),
  },
  {
    id: 'echo-state-networks',
    // docs/maths.md "Remedies": Jaeger's leaky reservoir and the ridge readout.
    formula: [
      'x(n) = (1−a) x(n−1) + a · tanh(W_in [1; u(n)] + W x(n−1))',
      'W fixed, random, sparse, scaled to spectral radius ρ(W) = 0.95',
      'W_out = Y Xᵀ (X Xᵀ + βI)⁻¹',
    ],
    sources: [
      {
        authors: 'H. Jaeger',
        year: 2001,
        title: 'The “echo state” approach to analysing and training recurrent neural networks',
        venue: 'GMD Report 148, German National Research Center for Information Technology',
      },
      { authors: 'M. Lukoševičius', year: 2012, title: 'A practical guide to applying echo state networks', venue: 'Neural Networks: Tricks of the Trade, LNCS 7700' },
    ],
    // The editor trains by BPTT only (an ESN has no BPTT-trained weights), so the experiment opens the bundled ESN
    // config; `rnn-lab train samples/sine.csv --cell esn` fits it in the terminal.
    experiment: { kind: 'openSample', sample: 'configs/echo-state-network.rnn.json' },
  },
  {
    id: 'lstm',
    // docs/maths.md "Parameter layout" (gate order i, f, g, o) and "Remedies" (the cell path).
    formula: [
      'i, f, o = sig(·),  g = tanh(·)',
      'cₜ = f ⊙ cₜ₋₁ + i ⊙ g',
      'hₜ = o ⊙ tanh(cₜ)',
      '∂cₜ/∂cₜ₋₁ = diag(fₜ)',
    ],
    sources: [
      HOCHREITER_1997,
      { authors: 'F. A. Gers, J. Schmidhuber, F. Cummins', year: 2000, title: 'Learning to forget: continual prediction with LSTM', venue: 'Neural Computation 12(10):2451–2471' },
      {
        authors: 'R. Jozefowicz, W. Zaremba, I. Sutskever',
        year: 2015,
        title: 'An empirical exploration of recurrent network architectures',
        venue: 'ICML 2015, PMLR 37:2342–2350',
      },
    ],
    experiment: addingProblemRun('lecture: LSTM (adding problem)', {
      model: { cell: 'lstm' },
      training: ADDING_TRAINING,
      remedies: remedies(),
    }),
  },
];

export function lectureTopic(id: LectureTopicId): LectureTopic {
  const topic = LECTURE_TOPICS.find((candidate) => candidate.id === id);
  if (topic === undefined) throw new Error(`No lecture topic "${id}"`);
  return topic;
}
