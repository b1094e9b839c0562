// The training loop: epochs × seeded-shuffled mini-batches, an optimiser step per batch (gradient descent,
// docs/maths.md "Losses"), validation loss per epoch, a progress callback that may cancel, and at the end the
// per-timestep gradient norms the charts plot (docs/maths.md, "Backpropagation through time").
// No DOM or Node types: time comes from an injectable clock, cancellation from an AbortSignal-like object.
import { evaluateLoss, hiddenGradientDiagnostics, scoredValueCount, type HiddenGradientDiagnostics } from '../bptt';
import type { SequenceDataset, SequenceExample } from '../dataset';
import { checkDatasetFitsModel } from '../exampleShapes';
import type { RecurrentModel } from '../model';
import type { SeededRandom } from '../random';
import type { Optimizer, ParameterSet } from '../tensor';
import { truncatedBatchGradients, type TruncationOptions } from '../truncatedBptt';
import type { CancellationFlag } from './cancellation';
import { Float64GradientComputer, type GradientComputer } from './gradientComputer';

export type { CancellationFlag } from './cancellation';

export interface EpochProgress {
  /** 1-based. */
  readonly epoch: number;
  readonly epochs: number;
  /** Mean training loss of the epoch's mini-batches, weighted by their scored values (the loss each update saw). */
  readonly trainLoss: number;
  /** J over the validation set after the epoch; NaN without validation data. */
  readonly validationLoss: number;
  /** Training time so far (ms, excluding validation). */
  readonly trainingMilliseconds: number;
  readonly timestepsPerSecond: number;
}

export interface TrainerOptions {
  readonly epochs: number;
  /** Sequences per mini-batch (the last batch of an epoch may be smaller). */
  readonly batchSize: number;
  /** Shuffles the training examples at the start of every epoch. */
  readonly random: SeededRandom;
  /** Called after every epoch; returning false stops training after that epoch. */
  readonly onEpoch?: (progress: EpochProgress) => boolean | void;
  /** Checked between mini-batches; when set, training stops (the epoch in progress is not reported). */
  readonly cancel?: CancellationFlag;
  /** Milliseconds from an arbitrary origin (default Date.now); the CLI passes performance.now. */
  readonly clock?: () => number;
  /**
   * Called with the gradients of every mini-batch before the optimiser step (remedies such as clipping or L2 hook in
   * here); the step number counts updates from 0.
   */
  readonly beforeUpdate?: (gradients: ParameterSet, parameters: ParameterSet, step: number) => void;
  /**
   * Called after every backward pass (each sequence, or each TBPTT window), while the layers hold its h_t and ∂J/∂h_t:
   * remedies that need the per-step BPTT quantities (Pascanu's Ω, remedies/omega.ts) collect them here.
   */
  readonly afterBackward?: (() => void) | null;
  /** Truncated BPTT (Williams & Peng 1990); default full BPTT. */
  readonly truncation?: TruncationOptions | null;
  /** Loss term t for the final ‖∂J_t/∂h_k‖ diagnostic (default: none). */
  readonly diagnosticLossTerm?: number | null;
  /**
   * Computes each full-BPTT mini-batch's loss and gradients, and the validation loss (default: the exact float64
   * path). Truncated BPTT always runs in float64 (truncatedBptt.ts).
   */
  readonly computer?: GradientComputer | null;
}

export interface TrainingResult {
  /** Last completed epoch's training loss (NaN when no epoch completed). */
  readonly trainLoss: number;
  readonly validationLoss: number;
  readonly lossPerEpoch: number[];
  readonly validationLossPerEpoch: number[];
  readonly epochsCompleted: number;
  readonly cancelled: boolean;
  /** Set when the loss or a parameter became NaN/±∞: training stopped at this epoch (1-based). */
  readonly diverged: { readonly epoch: number; readonly reason: string; readonly loss: number } | null;
  readonly updates: number;
  /** Recurrent steps (encoder + decoder) forward-and-backward per second, measured over the training loop only. */
  readonly timestepsPerSecond: number;
  readonly trainingMilliseconds: number;
  /**
   * Gradient norms of the first validation sequence (the first training sequence without validation data),
   * computed with the final parameters; null when there is no data.
   */
  readonly diagnostics: HiddenGradientDiagnostics | null;
}

// a function, so that TypeScript does not narrow `aborted` across the computer call that may set it
function isAborted(cancel: CancellationFlag | undefined): boolean {
  return cancel?.aborted === true;
}

function allFinite(parameters: ParameterSet): boolean {
  for (const tensor of parameters.tensors) {
    const data = tensor.data;
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) return false;
  }
  return true;
}

/** Trains `model` in place with `optimizer` (created for model.parameters). */
export function trainModel(
  model: RecurrentModel,
  optimizer: Optimizer,
  training: SequenceDataset,
  validation: SequenceDataset | null,
  options: TrainerOptions,
): TrainingResult {
  if (!Number.isInteger(options.epochs) || options.epochs < 1) throw new Error(`epochs must be an integer ≥ 1, got ${options.epochs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new Error(`batchSize must be an integer ≥ 1, got ${options.batchSize}`);
  }
  checkDatasetFitsModel(model.config, training, 'training data');
  if (validation !== null) checkDatasetFitsModel(model.config, validation, 'validation data');
  const examples: readonly SequenceExample[] = training.examples;
  if (examples.length === 0) throw new Error('training data: no examples');
  const clock = options.clock ?? Date.now;
  const order = new Int32Array(examples.length).map((_, i) => i);
  const scoredValues = examples.map((example) => scoredValueCount(model, example));
  const recurrentSteps = examples.map((example) => model.recurrentStepsFor(example));
  const computer = options.computer ?? new Float64GradientComputer(options.afterBackward ?? null);

  const lossPerEpoch: number[] = [];
  const validationLossPerEpoch: number[] = [];
  let trainingMilliseconds = 0;
  let timesteps = 0;
  let updates = 0;
  let cancelled = false;
  let diverged: TrainingResult['diverged'] = null;

  for (let epoch = 1; epoch <= options.epochs && !cancelled && diverged === null; epoch++) {
    options.random.shuffleInPlace(order);
    let weightedLoss = 0;
    let weight = 0;
    const started = clock();
    for (let start = 0; start < order.length; start += options.batchSize) {
      if (options.cancel?.aborted === true) {
        cancelled = true;
        break;
      }
      const count = Math.min(options.batchSize, order.length - start);
      let m = 0;
      let batchSteps = 0;
      for (let b = 0; b < count; b++) {
        m += scoredValues[order[start + b]!]!;
        batchSteps += recurrentSteps[order[start + b]!]!;
      }
      let batchLoss: number;
      if (options.truncation === undefined || options.truncation === null) {
        model.zeroGradients();
        batchLoss = computer.accumulate(model, examples, order, start, count, m, options.cancel);
        // a computer may give up mid-batch when cancelled: that batch is not applied
        if (isAborted(options.cancel)) {
          cancelled = true;
          break;
        }
      } else {
        batchLoss = truncatedBatchGradients(model, examples, order, start, count, options.truncation, options.afterBackward ?? null);
      }
      timesteps += batchSteps;
      weightedLoss += batchLoss * m;
      weight += m;
      if (!Number.isFinite(batchLoss)) {
        diverged = { epoch, reason: `the training loss became ${batchLoss}`, loss: batchLoss };
        break;
      }
      options.beforeUpdate?.(model.gradients, model.parameters, updates);
      optimizer.step(model.parameters, model.gradients);
      updates++;
    }
    trainingMilliseconds += clock() - started;
    if (cancelled) break;
    if (diverged === null && !allFinite(model.parameters)) {
      diverged = { epoch, reason: 'a parameter became NaN or infinite', loss: Number.NaN };
    }
    const trainLoss = weight > 0 ? weightedLoss / weight : Number.NaN;
    const validationLoss =
      validation === null || validation.examples.length === 0
        ? Number.NaN
        : options.truncation === undefined || options.truncation === null
          ? computer.evaluate(model, validation.examples, options.cancel)
          : evaluateLoss(model, validation.examples);
    // cancelled during the validation pass: the epoch is not reported
    if (validationLoss === null) {
      cancelled = true;
      break;
    }
    lossPerEpoch.push(trainLoss);
    validationLossPerEpoch.push(validationLoss);
    const progress: EpochProgress = {
      epoch,
      epochs: options.epochs,
      trainLoss,
      validationLoss,
      trainingMilliseconds,
      timestepsPerSecond: trainingMilliseconds > 0 ? (timesteps * 1000) / trainingMilliseconds : 0,
    };
    if (options.onEpoch?.(progress) === false) cancelled = true;
  }

  const diagnosticExample = validation !== null && validation.examples.length > 0 ? validation.examples[0]! : examples[0]!;
  const diagnostics = hiddenGradientDiagnostics(model, diagnosticExample, options.diagnosticLossTerm ?? null);
  return {
    trainLoss: lossPerEpoch.length > 0 ? lossPerEpoch[lossPerEpoch.length - 1]! : Number.NaN,
    validationLoss: validationLossPerEpoch.length > 0 ? validationLossPerEpoch[validationLossPerEpoch.length - 1]! : Number.NaN,
    lossPerEpoch,
    validationLossPerEpoch,
    epochsCompleted: lossPerEpoch.length,
    cancelled,
    diverged,
    updates,
    timestepsPerSecond: trainingMilliseconds > 0 ? (timesteps * 1000) / trainingMilliseconds : 0,
    trainingMilliseconds,
    diagnostics,
  };
}
