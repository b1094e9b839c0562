// RemedyOptions → the training loop's hooks (trainLoop.ts `beforeUpdate`, `afterBackward`, `cancel`, `onEpoch`), plus the
// bookkeeping the diagnostics report: every update's pre-clip norm (ClippingStats), the divergence report, and the
// last good parameters.
//
// Per mini-batch, in the order the maths needs (docs/maths.md "Remedies"; the reference code of Pascanu et al. adds
// α∂Ω/∂W_hh BEFORE measuring and clipping the norm, so penalties are clipped with the rest of ∂J/∂θ):
//   after every backward pass   Ω: collect the sequence's terms (the layers' stored h and ∂J/∂h_k)
//   before the optimiser step   1. the parameters this batch was computed with gave a finite loss (the trainer checks)
//                                  — after the checks below they become the "last good" copy;
//                               2. L2: g ← g + λθ on the weight matrices;   3. Ω: g_Whh ← g_Whh + α ∂Ω/∂W_hh;
//                               4. ‖g‖ recorded, then clipping by global norm (if ‖g‖ ≥ τ, g ← τg/‖g‖), then by value;
//                               5. divergence: a non-finite ‖g‖ or parameter, or (without clipping) ‖g‖ above the
//                                  bound → the gradient is zeroed, training is stopped through the cancel flag, and
//                                  `finish` restores the last good parameters.
// The trainer itself stops on a non-finite loss (or non-finite parameters at the end of an epoch); `finish` turns
// that into the same report and restores the same way.
import type { RecurrentModel } from '../model';
import type { ParameterSet } from '../tensor';
import type { CancellationFlag, EpochProgress, TrainerOptions, TrainingResult } from './trainLoop';
import { clipGradientsByGlobalNorm, clipGradientsByValue, ClippingStats, globalGradientNorm, type ClippingSummary } from '../remedies/clipping';
import { detectDivergence, firstNonFiniteParameter, LastGoodParameters, type DivergenceContext, type DivergenceReport } from '../remedies/divergence';
import { OmegaRegularizer } from '../remedies/omega';
import { applyL2Penalty } from '../remedies/penalties';
import { clippingEnabled, type RemedyOptions } from '../remedies/remedyOptions';

/** What `--json` prints as "diverged" (plus the stable remedy codes and the sentence with the numbers). */
export interface DivergenceOutcome {
  /** 1-based epoch in which training diverged. */
  readonly epoch: number;
  /** Stable code: non-finite-loss | non-finite-parameters | non-finite-gradient | gradient-norm-above-bound. */
  readonly reason: DivergenceReport['reason'];
  /** What happened, with the numbers. */
  readonly detail: string;
  /** Which remedy to try, one sentence. */
  readonly hint: string;
  readonly remedies: DivergenceReport['remedies'];
  /** The loss, gradient norm or parameter value that showed the divergence (NaN, ±∞ or above the bound). */
  readonly value: number;
  /** Updates contained in the restored (last good) parameters: 0 means the initial parameters were restored. */
  readonly keptUpdates: number;
  /** Epochs completed (and reported) before the one that diverged. */
  readonly completedEpochs: number;
}

/** The gradient norms of one epoch's updates, before clipping (what the update-norm chart summarises per epoch). */
export interface EpochGradientStatistics {
  readonly meanGradientNorm: number;
  readonly maxGradientNorm: number;
  /** Share of the epoch's updates that clipping changed. */
  readonly clippedFraction: number;
}

export interface RemedyOutcome {
  readonly diverged: DivergenceOutcome | null;
  readonly clipping: ClippingSummary;
  /** Whether each update was clipped, in the order of clipping.preClipNorms. */
  readonly clippedPerUpdate: boolean[];
}

export class TrainingRemedies {
  readonly clipping = new ClippingStats();
  readonly omega: OmegaRegularizer | null;
  private readonly lastGood: LastGoodParameters;
  /** Updates applied to the parameters lastGood holds (0: the initial parameters). */
  private lastGoodUpdates = 0;
  private epochInProgress = 1;
  private report: { epoch: number; report: DivergenceReport; value: number } | null = null;
  private readonly bound: number;
  private epochNormSum = 0;
  private epochNormMax = 0;
  private epochUpdates = 0;
  private epochClipped = 0;

  constructor(
    private readonly model: RecurrentModel,
    readonly options: RemedyOptions,
    private readonly context: DivergenceContext = {},
    /** Told every update's pre-clip norm ‖∂J/∂θ‖ and whether clipping changed the gradient. */
    private readonly onUpdate: ((norm: number, clipped: boolean) => void) | null = null,
  ) {
    this.omega = options.omega > 0 ? new OmegaRegularizer(model, options.omega) : null;
    this.lastGood = new LastGoodParameters(model.parameters);
    this.bound = clippingEnabled(options) ? Number.POSITIVE_INFINITY : options.gradientNormBound;
  }

  /** The divergence detected by the hooks so far (null while healthy). */
  get divergence(): DivergenceReport | null {
    return this.report?.report ?? null;
  }

  /** After every backward pass (trainer `afterBackward`): collects Ω's terms of the sequence. */
  readonly afterBackward = (): void => {
    this.omega?.addSequence();
  };

  /** Before every optimiser step (trainer `beforeUpdate`); see the header for the order. */
  readonly beforeUpdate = (gradients: ParameterSet, parameters: ParameterSet, step: number): void => {
    if (this.report !== null) {
      zero(gradients);
      return;
    }
    const { norm, clipped } = penalizeAndClip(gradients, parameters, this.options, this.omega);
    this.clipping.record({ normBeforeClip: norm, clipped });
    this.epochUpdates++;
    if (clipped) this.epochClipped++;
    this.epochNormSum += norm;
    this.epochNormMax = Math.max(this.epochNormMax, norm);
    this.onUpdate?.(norm, clipped);
    // loss 0: the trainer has already checked this batch's loss; here the gradient and the parameters matter
    const report = detectDivergence({ loss: 0, gradientNorm: norm, parameters }, this.context, this.bound);
    if (report !== undefined) {
      const value = report.reason === 'non-finite-parameters' ? (firstNonFiniteParameter(parameters)?.value ?? Number.NaN) : norm;
      this.report = { epoch: this.epochInProgress, report, value };
      // this update must not move the parameters (they are restored anyway; momentum/Adam may still move them)
      zero(gradients);
      return;
    }
    // these parameters (after `step` updates) gave a finite loss, gradient and norm: the last good ones
    this.lastGood.save(parameters);
    this.lastGoodUpdates = step;
  };

  /** The statistics of the updates since the last call, then resets them for the next epoch. */
  takeEpochStatistics(): EpochGradientStatistics {
    const statistics: EpochGradientStatistics = {
      meanGradientNorm: this.epochUpdates > 0 ? this.epochNormSum / this.epochUpdates : 0,
      maxGradientNorm: this.epochNormMax,
      clippedFraction: this.epochUpdates > 0 ? this.epochClipped / this.epochUpdates : 0,
    };
    this.epochNormSum = 0;
    this.epochNormMax = 0;
    this.epochUpdates = 0;
    this.epochClipped = 0;
    return statistics;
  }

  /** The trainer options with the remedy hooks composed around `base`'s own callbacks. */
  trainerOptions(base: TrainerOptions): TrainerOptions {
    const userCancel = base.cancel;
    const diverged = (): boolean => this.report !== null;
    const cancel: CancellationFlag = {
      get aborted(): boolean {
        return userCancel?.aborted === true || diverged();
      },
    };
    return {
      ...base,
      truncation: this.options.truncation ?? base.truncation ?? null,
      cancel,
      beforeUpdate: (gradients, parameters, step) => {
        this.beforeUpdate(gradients, parameters, step);
        if (!diverged()) base.beforeUpdate?.(gradients, parameters, step);
      },
      ...(this.omega !== null ? { afterBackward: this.afterBackward } : {}),
      onEpoch: (progress: EpochProgress) => {
        this.epochInProgress = progress.epoch + 1;
        const keepGoing = base.onEpoch?.(progress);
        return diverged() ? false : keepGoing;
      },
    };
  }

  /**
   * After trainModel: on divergence (found by the hooks or by the trainer), restores the last good parameters into
   * the model and reports what happened and which remedy to try.
   */
  finish(result: TrainingResult): RemedyOutcome {
    let diverged: { epoch: number; report: DivergenceReport; value: number } | null = this.report;
    if (diverged === null && result.diverged !== null) {
      const badParameter = firstNonFiniteParameter(this.model.parameters);
      const fromParameters = detectDivergence({ loss: 0, parameters: this.model.parameters }, this.context);
      const lossReport = detectDivergence({ loss: Number.NaN }, this.context)!;
      const fromLoss = result.diverged.reason.startsWith('the training loss');
      const report = fromLoss ? { ...lossReport, detail: result.diverged.reason } : (fromParameters ?? lossReport);
      const value = !fromLoss && badParameter !== undefined ? badParameter.value : result.diverged.loss;
      diverged = { epoch: result.diverged.epoch, report, value };
    }
    if (diverged === null) return { diverged: null, clipping: this.clipping.summary(), clippedPerUpdate: this.clipping.clippedPerUpdate() };
    this.lastGood.restore(this.model.parameters);
    const { reason, detail, hint, remedies } = diverged.report;
    return {
      diverged: {
        epoch: diverged.epoch,
        reason,
        detail,
        hint,
        remedies,
        value: diverged.value,
        keptUpdates: this.lastGoodUpdates,
        completedEpochs: diverged.epoch - 1,
      },
      clipping: this.clipping.summary(),
      clippedPerUpdate: this.clipping.clippedPerUpdate(),
    };
  }
}

/** The penalty and clipping settings one update needs (null: that clipping is off). */
export interface UpdateRemedySettings {
  readonly l2: number;
  readonly clipNorm: number | null;
  readonly clipValue: number | null;
}

/**
 * Steps 2–4 of the header on one mini-batch gradient, in that order: L2 (g ← g + λθ on the weight matrices), Ω
 * (g_Whh ← g_Whh + α ∂Ω/∂W_hh), then ‖g‖ measured and clipped by global norm (if ‖g‖ ≥ τ, g ← τg/‖g‖), then by value
 * to [−c, c]. Returns the norm BEFORE clipping and whether either clipping changed g. Shared by this class and the
 * extension's training worker, which streams every update's norm.
 */
export function penalizeAndClip(
  gradients: ParameterSet,
  parameters: ParameterSet,
  settings: UpdateRemedySettings,
  omega: OmegaRegularizer | null,
): { readonly norm: number; readonly clipped: boolean } {
  if (settings.l2 > 0) applyL2Penalty(parameters, gradients, settings.l2);
  omega?.applyToGradients();
  let norm: number;
  let clipped = false;
  if (settings.clipNorm !== null) {
    const result = clipGradientsByGlobalNorm(gradients, settings.clipNorm);
    norm = result.normBeforeClip;
    clipped = result.clipped;
  } else {
    norm = globalGradientNorm(gradients);
  }
  if (settings.clipValue !== null) clipped = clipGradientsByValue(gradients, settings.clipValue).clipped || clipped;
  return { norm, clipped };
}

function zero(gradients: ParameterSet): void {
  for (const tensor of gradients.tensors) tensor.data.fill(0);
}
