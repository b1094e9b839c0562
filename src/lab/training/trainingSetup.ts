// From the effective settings and the data's model shape to everything training needs: the remedy options, the
// seeded generator, the initialised model and its optimiser. The training worker and `rnn-lab train` both start here,
// so a run and its headless re-run draw the same parameters and shuffle the same way.
import { createInitializedParameters } from '../../engine/init';
import { RecurrentModel } from '../../engine/model';
import type { ModelConfig } from '../../engine/modelConfig';
import { createOptimizer } from '../../engine/optimizers';
import { SeededRandom } from '../../engine/random';
import type { DivergenceContext } from '../../engine/remedies/divergence';
import { resolveRemedyOptions, type RemedyOptions } from '../../engine/remedies/remedyOptions';
import type { Optimizer } from '../../engine/tensor';
import type { TrainingSettings } from '../runs/runRecord';

export interface TrainingSetup {
  readonly model: RecurrentModel;
  readonly optimizer: Optimizer;
  /** Drew the initial parameters; shuffles the mini-batches next. */
  readonly random: SeededRandom;
  readonly remedies: RemedyOptions;
  readonly context: DivergenceContext;
}

/**
 * The remedies of the settings (0 means off): clipping by norm τ and by value c, TBPTT(k1, k2) with k2 = 0 meaning k2 = k1
 * (docs/maths.md "Truncated BPTT"), L2 λ, Ω weight α, and the initialisation of W_hh. Throws a RangeError naming the
 * option when it does not fit the model (Ω on an LSTM, TBPTT on an encoder–decoder, …).
 */
export function remedyOptionsFor(settings: TrainingSettings, config: ModelConfig): RemedyOptions {
  const { clipNorm, clipValue, tbpttK1, tbpttK2, l2, omega, init, identityScale, spectralRadius } = settings.remedies;
  return resolveRemedyOptions(
    {
      clipNorm: clipNorm > 0 ? clipNorm : null,
      clipValue: clipValue > 0 ? clipValue : null,
      truncation: tbpttK1 > 0 ? { k1: tbpttK1, k2: Math.max(tbpttK1, tbpttK2) } : null,
      l2,
      omega,
      init: {
        scheme: init,
        ...(init === 'identity' ? { identityScale } : {}),
        ...(spectralRadius > 0 ? { spectralRadius } : {}),
      },
    },
    config,
  );
}

/** What the divergence hint needs beyond the model and its remedies (train() reads those itself). */
export function divergenceContextFor(settings: TrainingSettings): DivergenceContext {
  return { optimizer: settings.training.optimizer, learningRate: settings.training.learningRate };
}

export function setUpTraining(settings: TrainingSettings, config: ModelConfig): TrainingSetup {
  const remedies = remedyOptionsFor(settings, config);
  const random = new SeededRandom(settings.training.seed);
  const parameters = createInitializedParameters(config, remedies.init, random);
  const model = new RecurrentModel(config, parameters);
  const optimizer = createOptimizer(settings.training.optimizer, { learningRate: settings.training.learningRate }, model.parameters);
  return { model, optimizer, random, remedies, context: divergenceContextFor(settings) };
}
