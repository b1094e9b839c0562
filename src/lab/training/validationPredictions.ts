// "Predictions vs targets" (issue 6, chart 6): the final model's output on the validation windows, in the data's
// units. Each window contributes its last scored step — for windows cut with stride 1 those steps follow one another
// in time, so targets and predictions read as two continuous series; a grouped table gives one value per sequence.
// At most MAX_PREDICTED_WINDOWS windows, evenly spaced over the validation set, keep the message small.
import type { SequenceExample } from '../../engine/dataset';
import type { PreparedTrainingData } from '../../data/prepare/seriesTrainingData';
import type { RecurrentModel } from '../../engine/model';
import type { ValidationPredictions } from '../runs/runRecord';

/** The predicted column and its normalisation x' = (x − offset)/scale, so predictions are given in the data's units. */
export interface PredictionTarget {
  readonly column: string;
  readonly offset: number;
  readonly scale: number;
}

export const MAX_PREDICTED_WINDOWS = 400;

/** The predicted column of prepared data with its fitted normalisation (offset 0, scale 1 when it has none). */
export function predictionTargetOf(prepared: Pick<PreparedTrainingData, 'prediction' | 'normalization'>): PredictionTarget {
  const column = prepared.normalization.columns.find((entry) => entry.name === prepared.prediction.column);
  return { column: prepared.prediction.column, offset: column?.offset ?? 0, scale: column?.scale ?? 1 };
}

/** Undefined unless the model predicts one number per step (MSE on one output: a number series). */
export function validationPredictions(
  model: RecurrentModel,
  validation: readonly SequenceExample[],
  target: PredictionTarget,
  lastStepOutputs?: (examples: readonly SequenceExample[]) => Float64Array | null,
): ValidationPredictions | undefined {
  if (model.config.loss !== 'mse' || model.config.outputSize !== 1 || validation.length === 0) return undefined;
  const stride = Math.max(1, Math.ceil(validation.length / MAX_PREDICTED_WINDOWS));
  const chosen: SequenceExample[] = [];
  for (let index = 0; index < validation.length; index += stride) chosen.push(validation[index] as SequenceExample);
  // a float32 run predicts with its own batched forward pass (null: cancelled, no predictions); else float64 one by one
  const batched = lastStepOutputs?.(chosen);
  if (batched === null) return undefined;
  const windows: { targets: number[]; predictions: number[] }[] = [];
  for (const [position, example] of chosen.entries()) {
    const output = batched !== undefined ? (batched[position] as number) : (model.outputs[model.forward(example) - 1] as number);
    // x = x'·scale + offset undoes the normalisation (data/normalize.ts)
    const predicted = output * target.scale + target.offset;
    const actual = (example.targets[example.targetLength - 1] as number) * target.scale + target.offset;
    windows.push({ targets: [actual], predictions: [predicted] });
  }
  return { column: target.column, windows };
}
