// A real run record for the training panel's screenshots and harness: the adding problem (Hochreiter & Schmidhuber
// 1997; docs/maths.md "Classic benchmark tasks") trained by the worker's own training loop (runTraining) and collected
// by the host's RunRecordBuilder, exactly as a run in VS Code would be — nothing in it is made up.
import type { SequenceExample } from '../../src/engine/dataset';
import type { CellKind, ModelConfig } from '../../src/engine/modelConfig';
import { SeededRandom } from '../../src/engine/random';
import { plainSettings, resolveSettings } from '../../src/lab/settings/resolveSettings';
import { RunRecordBuilder } from '../../src/lab/runs/runRecordBuilder';
import type { RunRecord } from '../../src/lab/runs/runRecord';
import { runTraining, type TrainingJob } from '../../src/lab/training/trainingRun';

export interface AddingRunOptions {
  readonly cell: CellKind;
  readonly steps: number;
  readonly sequences: number;
  readonly epochs: number;
  readonly hiddenSize: number;
  readonly seed: number;
}

export const DEFAULT_ADDING_RUN: AddingRunOptions = { cell: 'rnn', steps: 30, sequences: 240, epochs: 40, hiddenSize: 12, seed: 7 };

/** Each step: (value ∈ U(0,1), marker ∈ {0,1}); exactly two markers; target = sum of the two marked values. */
export function addingProblem(count: number, steps: number, random: SeededRandom): SequenceExample[] {
  const examples: SequenceExample[] = [];
  for (let n = 0; n < count; n++) {
    const inputs = new Float64Array(steps * 2);
    const first = random.integer(Math.floor(steps / 2));
    const second = Math.floor(steps / 2) + random.integer(steps - Math.floor(steps / 2));
    let sum = 0;
    for (let t = 0; t < steps; t++) {
      const value = random.nextFloat();
      inputs[2 * t] = value;
      if (t === first || t === second) {
        inputs[2 * t + 1] = 1;
        sum += value;
      }
    }
    examples.push({ inputLength: steps, inputs, targetLength: 1, targets: Float64Array.of(sum) });
  }
  return examples;
}

export function addingRunRecord(options: AddingRunOptions = DEFAULT_ADDING_RUN): RunRecord {
  const resolved = resolveSettings({
    // A workspace setting and command arguments, so the header shows more than one source.
    readLevels: (key) => (key === 'rnnLab.remedies.clipNorm' ? { workspace: 1 } : key === 'rnnLab.training.learningRate' ? { user: 0.01 } : {}),
    args: {
      model: { cell: options.cell, hiddenSize: options.hiddenSize, window: options.steps, topology: 'many-to-one' },
      training: { epochs: options.epochs, batch: 16, seed: options.seed },
    },
  });
  const settings = plainSettings(resolved.settings);
  const model: ModelConfig = {
    cell: options.cell,
    nonlinearity: 'tanh',
    inputSize: 2,
    hiddenSize: options.hiddenSize,
    outputSize: 1,
    numLayers: 1,
    topology: 'many-to-one',
    loss: 'mse',
    oneToManyInput: 'first-step',
    outputLength: 1,
  };
  const examples = addingProblem(options.sequences, options.steps, new SeededRandom(options.seed));
  const cut = Math.floor(examples.length * 0.8);
  const job: TrainingJob = {
    model,
    settings,
    data: { inputSize: 2, outputSize: 1, train: examples.slice(0, cut), validation: examples.slice(cut) },
    modelExtras: { normalization: { kind: 'none' } },
  };
  const startedAt = new Date('2026-11-27T21:00:00Z');
  const builder = new RunRecordBuilder({
    id: `2026-11-27T21-00-00-000Z-adding-${options.cell}`,
    name: `adding problem T=${options.steps} (${options.cell.toUpperCase()})`,
    startedAt,
    config: resolved.settings,
    data: {
      source: 'samples/adding-problem.csv',
      fingerprint: '0'.repeat(64),
      shapes: {
        rowsRead: options.sequences * options.steps,
        columnsUsed: ['value', 'marker'],
        trainWindows: cut,
        validationWindows: examples.length - cut,
        inputShape: [examples.length, options.steps, 2],
        targetShape: [examples.length, 1, 1],
      },
      normalization: [],
      predicts: 'the sum of the two marked values after each sequence',
    },
  });
  let clock = 0;
  const run = runTraining(job, { clock: () => (clock += 7), ...builder.recorder() });
  return builder.finish({ status: run.status, finishedAt: new Date(startedAt.getTime() + clock), modelFile: 'model.json' });
}
