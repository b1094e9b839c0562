// What happens to each mini-batch gradient between BPTT and the optimiser step (the trainer's `beforeUpdate` hook),
// in the order the maths needs (docs/maths.md, "Remedies"); steps 1–3 are the engine's own `penalizeAndClip`
// (remedies/trainingRemedies.ts), the worker adds the streaming of every update's norm and per-epoch statistics:
//   1. L2: ∂J/∂θ ← ∂J/∂θ + λθ on the weight matrices (the penalty is part of J, so it is clipped with the rest);
//      Ω (Pascanu): ∂J/∂W_hh ← ∂J/∂W_hh + α ∂Ω/∂W_hh, its terms collected after every backward pass (vanilla RNN only);
//   2. clipping by global norm (Pascanu Alg. 1): if ‖g‖ ≥ τ then g ← τ g/‖g‖, the norm recorded BEFORE clipping;
//   3. clipping by value to [−c, c];
//   4. divergence: a non-finite norm, or (without clipping) a norm above the engine's bound, stops the run.
// It also keeps the per-epoch statistics of the norms (mean, max, fraction clipped) and every update's norm.
import { DEFAULT_GRADIENT_NORM_BOUND, type DivergenceContext, type DivergenceReport, detectDivergence } from '../../engine/remedies/divergence';
import type { RecurrentModel } from '../../engine/model';
import { OmegaRegularizer } from '../../engine/remedies/omega';
import { penalizeAndClip, type UpdateRemedySettings } from '../../engine/remedies/trainingRemedies';
import type { ParameterSet } from '../../engine/tensor';
import type { TrainingSettings } from '../runs/runRecord';

export interface EpochGradientStatistics {
  readonly meanGradientNorm: number;
  readonly maxGradientNorm: number;
  readonly clippedFraction: number;
}

export interface GradientDivergence {
  readonly report: DivergenceReport;
  readonly gradientNorm: number;
}

export function divergenceContext(settings: TrainingSettings): DivergenceContext {
  return {
    cell: settings.model.cell,
    nonlinearity: settings.model.nonlinearity,
    optimizer: settings.training.optimizer,
    learningRate: settings.training.learningRate,
    clipNorm: settings.remedies.clipNorm > 0 ? settings.remedies.clipNorm : null,
    clipValue: settings.remedies.clipValue > 0 ? settings.remedies.clipValue : null,
    init: settings.remedies.init,
    spectralRadius: settings.remedies.spectralRadius > 0 ? settings.remedies.spectralRadius : null,
  };
}

export class UpdateRemedies {
  private normSum = 0;
  private normMax = 0;
  private updates = 0;
  private clippedUpdates = 0;
  private firstDivergence: GradientDivergence | undefined;
  private readonly context: DivergenceContext;
  /** Without clipping, a norm above the engine's bound is an explosion; with clipping only a non-finite norm is. */
  private readonly bound: number;

  /** Pascanu's Ω when rnnLab.remedies.omega > 0 (throws a RangeError naming the cause for LSTM/GRU). */
  readonly omega: OmegaRegularizer | null;

  constructor(
    model: RecurrentModel,
    private readonly settings: TrainingSettings,
    private readonly onUpdateNorm: (norm: number) => void,
  ) {
    this.omega = settings.remedies.omega > 0 ? new OmegaRegularizer(model, settings.remedies.omega) : null;
    this.context = divergenceContext(settings);
    const clipping = settings.remedies.clipNorm > 0 || settings.remedies.clipValue > 0;
    this.bound = clipping ? Number.MAX_VALUE : DEFAULT_GRADIENT_NORM_BOUND;
  }

  /** Set once a gradient diverged; the run must stop and restore its last good parameters. */
  get divergence(): GradientDivergence | undefined {
    return this.firstDivergence;
  }

  /** After every backward pass (the trainer's `afterBackward`): Ω collects the sequence's terms. */
  readonly afterBackward = (): void => {
    this.omega?.addSequence();
  };

  readonly beforeUpdate = (gradients: ParameterSet, parameters: ParameterSet): void => {
    const { l2, clipNorm, clipValue } = this.settings.remedies;
    const { norm, clipped } = this.penalizeAndClip(gradients, parameters, { l2, clipNorm: clipNorm > 0 ? clipNorm : null, clipValue: clipValue > 0 ? clipValue : null });

    this.updates++;
    if (clipped) this.clippedUpdates++;
    this.normSum += norm;
    this.normMax = Math.max(this.normMax, norm);
    this.onUpdateNorm(norm);

    if (this.firstDivergence === undefined) {
      // The loss was already checked by the trainer; here only the gradient matters (loss 0 is "healthy").
      const report = detectDivergence({ loss: 0, gradientNorm: norm }, this.context, this.bound);
      if (report !== undefined) {
        this.firstDivergence = { report, gradientNorm: norm };
        // This update must not move the parameters far: zero it (the last good parameters are restored anyway).
        for (const tensor of gradients.tensors) tensor.data.fill(0);
      }
    }
  };

  /** Ω's terms come from the trainer's `afterBackward` hook, which it must call; a failure names the setting. */
  private penalizeAndClip(gradients: ParameterSet, parameters: ParameterSet, settings: UpdateRemedySettings): { norm: number; clipped: boolean } {
    try {
      return penalizeAndClip(gradients, parameters, settings, this.omega);
    } catch (error) {
      if (this.omega === null) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Pascanu's Ω regulariser (rnnLab.remedies.omega) cannot run with this engine's trainer (${detail}); set it to 0 to train.`);
    }
  }

  /** The statistics of the updates since the last call, then resets them for the next epoch. */
  takeEpochStatistics(): EpochGradientStatistics {
    const statistics: EpochGradientStatistics = {
      meanGradientNorm: this.updates > 0 ? this.normSum / this.updates : 0,
      maxGradientNorm: this.normMax,
      clippedFraction: this.updates > 0 ? this.clippedUpdates / this.updates : 0,
    };
    this.normSum = 0;
    this.normMax = 0;
    this.updates = 0;
    this.clippedUpdates = 0;
    return statistics;
  }
}
