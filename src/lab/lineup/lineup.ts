// The experiments of `rnn-lab demo` (issue 8, "The headless main job"), in the lecture's order; Compare Remedies
// (src/host/compareRemedies, trained by src/worker/compareRemediesWorker.ts) uses the sine line-up with the user's data and settings:
//   1. the adding problem (Hochreiter & Schmidhuber 1997; docs/maths.md "Classic benchmark tasks"): a vanilla tanh RNN
//      against an LSTM — the vanilla RNN's ‖∂J/∂h_k‖ vanishes across the 50 steps, the LSTM's cell path
//      ∂c_t/∂c_{t−1} = diag(f_t) keeps it alive (docs/maths.md "Remedies → LSTM");
//   2. the remedy line-up on the noisy sine series (docs/maths.md "Remedies"): the same vanilla tanh RNN with no remedy,
//      + clipping by global norm, + truncated BPTT, + L2, identity init (IRNN: relu, W_hh = I), orthogonal init, LSTM, GRU;
//   3. a small echo state network on the same sine windows (no BPTT at all).
// Every experiment has a fixed seed, so two runs print the same table. `--quick` trains fewer epochs (the tests and a
// first look); the line-up itself is the same.
import type { InitOptions } from '../../engine/init';
import type { CellKind, Nonlinearity } from '../../engine/modelConfig';
import type { OptimizerKind } from '../../engine/optimizers';
import type { EchoStateOptions } from '../../engine/esn/esnOptions';
import type { RemedyOptions } from '../../engine/remedies/remedyOptions';

export type DemoTask = 'adding' | 'sine';

/** A recurrent model trained by BPTT with one remedy configuration. */
export interface BpttExperiment {
  readonly kind: 'bptt';
  /** Folder name of its run record, e.g. "sine-clipping". */
  readonly id: string;
  /** Table and legend label. */
  readonly label: string;
  readonly task: DemoTask;
  readonly cell: CellKind;
  readonly nonlinearity: Nonlinearity;
  readonly hiddenSize: number;
  readonly init: InitOptions;
  /** Remedies other than `init` (clipping, truncation, L2). */
  readonly remedies: Partial<Omit<RemedyOptions, 'init'>>;
  readonly optimizer: OptimizerKind;
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  /** The plain vanilla tanh RNN of its task, whose bound (λ₁γ)^(t−k) the report draws. */
  readonly baseline?: boolean;
}

/** A fixed reservoir with a ridge readout (Jaeger 2001), fitted in closed form. */
export interface EchoStateExperiment {
  readonly kind: 'esn';
  readonly id: string;
  readonly label: string;
  readonly task: DemoTask;
  readonly options: Partial<EchoStateOptions>;
  readonly seed: number;
}

export type DemoExperiment = BpttExperiment | EchoStateExperiment;

/** Hidden units of every BPTT model: small, so the whole demo trains in seconds on two cores. */
export const DEMO_HIDDEN_SIZE = 16;
/** Adam with α = 0.01 for every model: the same optimiser and budget, so only the remedy differs. */
export const DEMO_OPTIMIZER: OptimizerKind = 'adam';
export const DEMO_LEARNING_RATE = 0.01;
export const DEMO_SEED = 7;
/** τ of clipping by global norm (Pascanu Alg. 1). */
export const DEMO_CLIP_NORM = 1;
/** TBPTT(k1, k2) = (10, 10): chunks of 10 steps, state carried across chunks without gradient (Williams & Peng 1990). */
export const DEMO_TRUNCATION = { k1: 10, k2: 10 } as const;
/** λ of the L2 penalty λ‖θ‖²/2. */
export const DEMO_L2 = 1e-3;
/** Reservoir units: 50 features for ≈ 190 training windows. */
export const DEMO_RESERVOIR_SIZE = 50;
/**
 * ρ = 0.95 (the default); leak a = 0.3 slows the reservoir to the sine's period of 50 steps (esnOptions.ts); ridge
 * β = 1e-2 keeps the readout from fitting the noise of so few windows (with β = 1e-6 validation J is 2–3× the training J).
 */
export const DEMO_ESN = { spectralRadius: 0.95, leak: 0.3, ridge: 1e-2 } as const;

const EPOCHS = { adding: { full: 30, quick: 6 }, sine: { full: 12, quick: 3 } } as const;
const BATCH = { adding: 10, sine: 8 } as const;

export function demoLineup(quick: boolean): DemoExperiment[] {
  const epochs = (task: DemoTask): number => (quick ? EPOCHS[task].quick : EPOCHS[task].full);
  const bptt = (
    task: DemoTask,
    id: string,
    label: string,
    fields: Partial<Pick<BpttExperiment, 'cell' | 'nonlinearity' | 'init' | 'remedies' | 'baseline'>> = {},
  ): BpttExperiment => ({
    kind: 'bptt',
    id: `${task}-${id}`,
    label,
    task,
    cell: 'rnn',
    nonlinearity: 'tanh',
    hiddenSize: DEMO_HIDDEN_SIZE,
    init: { scheme: 'xavier' },
    remedies: {},
    optimizer: DEMO_OPTIMIZER,
    learningRate: DEMO_LEARNING_RATE,
    epochs: epochs(task),
    batchSize: BATCH[task],
    seed: DEMO_SEED,
    ...fields,
  });
  return [
    bptt('adding', 'rnn', 'RNN tanh', { baseline: true }),
    bptt('adding', 'lstm', 'LSTM', { cell: 'lstm' }),
    bptt('sine', 'rnn', 'RNN tanh', { baseline: true }),
    bptt('sine', 'clipping', `RNN + clip ‖g‖ ≤ ${DEMO_CLIP_NORM}`, { remedies: { clipNorm: DEMO_CLIP_NORM } }),
    bptt('sine', 'tbptt', `RNN + TBPTT(${DEMO_TRUNCATION.k1},${DEMO_TRUNCATION.k2})`, { remedies: { truncation: DEMO_TRUNCATION } }),
    bptt('sine', 'l2', `RNN + L2 ${DEMO_L2}`, { remedies: { l2: DEMO_L2 } }),
    // Le, Jaitly & Hinton (2015) train the IRNN with gradient clipping: relu with W_hh = I passes the gradient through
    // unchanged (λ₁γ = 1), and without clipping the first updates already explode on this series.
    bptt('sine', 'irnn', `IRNN (relu, W=I) + clip`, { nonlinearity: 'relu', init: { scheme: 'identity' }, remedies: { clipNorm: DEMO_CLIP_NORM } }),
    bptt('sine', 'orthogonal', 'RNN orthogonal', { init: { scheme: 'orthogonal' } }),
    bptt('sine', 'lstm', 'LSTM', { cell: 'lstm' }),
    bptt('sine', 'gru', 'GRU', { cell: 'gru' }),
    {
      kind: 'esn',
      id: 'sine-esn',
      label: `ESN (N=${DEMO_RESERVOIR_SIZE}, ρ=${DEMO_ESN.spectralRadius}, a=${DEMO_ESN.leak})`,
      task: 'sine',
      options: { reservoirSize: DEMO_RESERVOIR_SIZE, ...DEMO_ESN },
      seed: DEMO_SEED,
    },
  ];
}
