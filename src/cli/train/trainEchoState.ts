// `rnn-lab train … --cell esn`: an echo state network on the same windows the BPTT models train on (Jaeger 2001;
// docs/maths.md "Remedies → Echo state network"; src/engine/esn/). The reservoir is drawn from the run's seed, the
// readout is fitted once in closed form by ridge regression — there are no epochs, no gradients and no divergence,
// so the `--json` fields that describe BPTT are present with their "not applicable" values (see docs/train-json.md).
import { performance } from 'node:perf_hooks';
import { CliUsageError } from '../cliSupport';
import type { SequenceDataset, TopologyId } from '../../engine/dataset';
import { trainEchoStateNetwork, type EchoStateTrainingResult } from '../../engine/esn/echoStateNetwork';
import type { EchoStateOptions } from '../../engine/esn/esnOptions';
import { reservoirSpectrum } from '../../engine/esn/reservoirSpectrum';
import { MAX_HIDDEN_SIZE_FOR_EIGENVALUES } from '../../engine/diagnostics/epochDiagnostics';
import type { SeededRandom } from '../../engine/random';

export interface EchoStateRun {
  readonly trained: EchoStateTrainingResult;
  /** Reservoir steps (every input step of every training sequence) per second of wall time: reservoir draw, state
   *  collection and the readout solve. */
  readonly timestepsPerSecond: number;
  readonly milliseconds: number;
}

/** Fits the ESN; an option or topology that does not apply is a CliUsageError (exit 2) naming it. */
export function runEchoState(
  training: SequenceDataset,
  validation: SequenceDataset | null,
  topology: TopologyId,
  options: Partial<EchoStateOptions>,
  random: SeededRandom,
): EchoStateRun {
  const started = performance.now();
  let trained: EchoStateTrainingResult;
  try {
    trained = trainEchoStateNetwork(training, topology, options, random, validation);
  } catch (error) {
    if (error instanceof RangeError) {
      // the engine's messages name the option (e.g. "washout") or the topology; say it in the CLI's words
      throw new CliUsageError(`--cell esn: ${error.message.replace(/^echo state network: /, '')}`);
    }
    throw error;
  }
  const milliseconds = performance.now() - started;
  let steps = 0;
  for (const example of training.examples) steps += example.inputLength;
  return { trained, milliseconds, timestepsPerSecond: milliseconds > 0 ? (steps * 1000) / milliseconds : 0 };
}

/** The `--json` fields of an ESN run (merged with train.ts's config and data fields). */
export function echoStateJson(run: EchoStateRun, sequenceLength: number, model: Record<string, unknown>, savedTo: string | null): Record<string, unknown> {
  const { trained } = run;
  const network = trained.network;
  return {
    trainLoss: finiteOrNull(trained.trainLoss),
    validationLoss: trained.validationLoss === null ? null : finiteOrNull(trained.validationLoss),
    // one closed-form fit: a single "epoch"
    lossPerEpoch: [finiteOrNull(trained.trainLoss)],
    validationLossPerEpoch: [trained.validationLoss === null ? null : finiteOrNull(trained.validationLoss)],
    // no BPTT: no hidden-state gradients, no updates, nothing to clip, nothing that can diverge
    hidden_grad_norms: null,
    timestepsPerSecond: run.timestepsPerSecond,
    epochs: 1,
    updates: 0,
    clipping: null,
    diverged: null,
    diagnostics: [
      {
        epoch: 1,
        spectral: {
          cell: 'esn',
          nonlinearity: 'tanh',
          sequenceLength,
          matrices: [reservoirSpectrum(network.reservoir, Math.max(1, sequenceLength), network.reservoir.size <= MAX_HIDDEN_SIZE_FOR_EIGENVALUES)],
        },
      },
    ],
    echoState: {
      ...network.options,
      trainSamples: trained.trainSamples,
      readoutFeatures: 1 + network.inputSize + network.reservoir.size,
      // many-to-one and one-to-one read only the last state of each window: no washout is applied there
      washoutApplies: network.topology === 'many-to-many-synced',
      // every number of the fitted network (the saved model file's content): W, W_in, W_out, ρ achieved
      model,
      savedModel: savedTo,
    },
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
