// The exact data each chart of the training panel draws, taken from a run record (saved, or the live partial one).
// Pure functions, no DOM: the page draws these series as they are, unit tests check them against runs whose decay is
// known by hand. Nothing here computes a gradient or a spectrum — those are the engine's measurements
// (docs/maths.md, "Backpropagation through time"); here they are only selected, paired with their axes, and the bound
// (λ₁γ)^(t−k) is anchored on the measured curve.
import type { SpectralVerdict } from '../../engine/diagnostics/spectral';
import type { DecayAxis, DecayTerm, TrainingView } from './chartView';
import type { RunRecord } from '../runs/runRecord';
import type { GradientNormSample, SpectralSample } from '../runs/runRecord';

/** One point; y null is a gap (a non-finite norm of a diverged run, or ≤ 0 on a log axis). */
export interface SeriesPoint {
  readonly x: number;
  readonly y: number | null;
}

/** A measured norm that a chart can draw: finite and, on a log axis, positive. */
function drawable(value: number | null | undefined, logScale: boolean): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return logScale && value <= 0 ? null : value;
}

// ——— 1. gradient decay across timesteps ———

export interface DecayLine {
  readonly epoch: number;
  /** hidden: ‖∂J/∂h_k‖ (or ‖∂J_t/∂h_k‖); cell: LSTM ‖∂J/∂c_k‖. */
  readonly quantity: 'hidden' | 'cell';
  readonly points: readonly SeriesPoint[];
}

export interface DecayBound {
  /** Epoch of the spectrum used (the latest sampled one not after the newest drawn curve). */
  readonly epoch: number;
  readonly parameter: string;
  readonly block: string;
  readonly lambda1: number;
  readonly gamma: number;
  readonly lambdaGamma: number;
  readonly verdict: SpectralVerdict;
  /** Measured norm at the loss term's own step (lag 0) of the newest curve: the bound's scale. */
  readonly anchor: number;
  /** anchor · (λ₁γ)^(t−k), for the same x as the curves. */
  readonly points: readonly SeriesPoint[];
}

export interface DecaySeries {
  readonly layer: number;
  readonly layers: readonly number[];
  /** The term actually drawn: lossTerm falls back to total when the run has no single-term norms. */
  readonly term: DecayTerm;
  readonly axis: DecayAxis;
  /** The encoder timestep t of the loss term the lag is measured from. */
  readonly lossStep: number;
  /** Encoder steps T. */
  readonly steps: number;
  /** Every sampled epoch of this layer, ascending (for the epochs-shown control and the colour scale). */
  readonly sampledEpochs: readonly number[];
  readonly lines: readonly DecayLine[];
  readonly bound: DecayBound | null;
}

/** Layers that have gradient samples, ascending. */
export function sampledLayers(record: RunRecord): number[] {
  return [...new Set(record.gradientNormsPerTimestep.map((sample) => sample.layer))].sort((a, b) => a - b);
}

/**
 * `count` of `epochs` spread evenly, first and last included (0 or ≥ length: all). The index of the i-th pick is
 * round(i·(n−1)/(count−1)), so picks are distinct and ordered.
 */
export function pickEvenly<T>(items: readonly T[], count: number): T[] {
  if (count <= 0 || count >= items.length) return [...items];
  if (count === 1) return [items[items.length - 1]!];
  const picked: T[] = [];
  for (let i = 0; i < count; i++) picked.push(items[Math.round((i * (items.length - 1)) / (count - 1))]!);
  return picked;
}

/**
 * The encoder step t that the single loss term J_t sits at. The worker records `lossTerm` as an index among the
 * SCORED steps: for synced many-to-many scored step j is input step j; many-to-one scores only after the last input
 * step; encoder–decoder and one-to-many score decoder steps, which all come after the last encoder step T−1.
 */
export function lossTermEncoderStep(record: RunRecord, sample: GradientNormSample): number {
  const steps = sample.hiddenNorms.length;
  const topology = record.config.model.topology.value;
  if (topology === 'many-to-many-synced' && sample.lossTerm !== undefined) return Math.min(sample.lossTerm, steps - 1);
  return steps - 1;
}

/** The spectrum block the bound uses for `layer`: W_hh for a vanilla RNN; for gated cells the whole stacked W_hh (γ = 1). */
export function boundMatrix(spectral: SpectralSample, layer: number, cell: string) {
  const block = cell === 'rnn' ? 'W_hh' : 'stacked';
  return spectral.matrices.find((m) => m.stack === 'encoder' && m.layer === layer && m.block === block);
}

/** The latest spectral sample whose epoch is ≤ `epoch` (spectra are sampled at the same epochs as the norms). */
export function spectrumAtOrBefore(record: RunRecord, epoch: number): SpectralSample | undefined {
  let found: SpectralSample | undefined;
  for (const sample of record.spectra) if (sample.epoch <= epoch && (found === undefined || sample.epoch >= found.epoch)) found = sample;
  return found;
}

export function decaySeries(record: RunRecord, view: TrainingView): DecaySeries {
  const layers = sampledLayers(record);
  const layer = layers.includes(view.layer) ? view.layer : (layers[0] ?? 0);
  const samples = record.gradientNormsPerTimestep.filter((sample) => sample.layer === layer).sort((a, b) => a.epoch - b.epoch);
  const hasLossTerm = samples.length > 0 && samples.every((sample) => sample.lossTermHiddenNorms !== undefined);
  const term: DecayTerm = view.term === 'lossTerm' && hasLossTerm ? 'lossTerm' : 'total';
  const logScale = view.decayScale === 'log';
  const shown = pickEvenly(samples, view.epochsShown);
  const newest = shown[shown.length - 1];
  const steps = newest?.hiddenNorms.length ?? 0;
  const lossStep = newest === undefined ? 0 : lossTermEncoderStep(record, newest);
  // Lag axis: x = t − k; steps after t do not reach J_t (their ∂J_t/∂h_k is 0) and are left out.
  const x = (k: number): number | null => (view.axis === 'timestep' ? k : k <= lossStep ? lossStep - k : null);
  const toPoints = (norms: readonly (number | null)[]): SeriesPoint[] => {
    const points: SeriesPoint[] = [];
    norms.forEach((norm, k) => {
      const position = x(k);
      if (position !== null) points.push({ x: position, y: drawable(norm, logScale) });
    });
    return view.axis === 'lag' ? points.sort((a, b) => a.x - b.x) : points;
  };
  const topology = record.config.model.topology.value;
  const singleScoredStep = topology === 'many-to-one' || topology === 'one-to-one';
  const lines: DecayLine[] = [];
  for (const sample of shown) {
    const hidden = term === 'lossTerm' ? sample.lossTermHiddenNorms! : sample.hiddenNorms;
    lines.push({ epoch: sample.epoch, quantity: 'hidden', points: toPoints(hidden) });
    // ‖∂J/∂c_k‖ is recorded for the whole loss only: shown with the total-gradient view, and whenever a single step is
    // scored (many-to-one, one-to-one), where J is its only term J_t.
    if (sample.cellNorms !== undefined && (term === 'total' || singleScoredStep)) lines.push({ epoch: sample.epoch, quantity: 'cell', points: toPoints(sample.cellNorms) });
  }

  let bound: DecayBound | null = null;
  const spectral = newest === undefined ? undefined : spectrumAtOrBefore(record, newest.epoch);
  const matrix = spectral === undefined ? undefined : boundMatrix(spectral, layer, record.config.model.cell.value);
  const newestHidden = newest === undefined ? undefined : term === 'lossTerm' ? newest.lossTermHiddenNorms : newest.hiddenNorms;
  const anchor = newestHidden?.[lossStep];
  if (spectral !== undefined && matrix !== undefined && typeof anchor === 'number' && Number.isFinite(anchor) && anchor > 0) {
    // ‖∂J_t/∂h_k‖ = ‖∂J_t/∂h_t · ∂h_t/∂h_k‖ ≤ ‖∂J_t/∂h_t‖ · (λ₁γ)^(t−k)  (Pascanu et al. 2013, docs/maths.md).
    const points: SeriesPoint[] = [];
    for (let k = 0; k <= lossStep; k++) {
      const position = x(k)!;
      points.push({ x: position, y: drawable(anchor * matrix.lambdaGamma ** (lossStep - k), logScale) });
    }
    bound = {
      epoch: spectral.epoch,
      parameter: matrix.parameter,
      block: matrix.block,
      lambda1: matrix.largestSingularValue,
      gamma: matrix.gamma,
      lambdaGamma: matrix.lambdaGamma,
      verdict: matrix.verdict,
      anchor,
      points: view.axis === 'lag' ? points.sort((a, b) => a.x - b.x) : points,
    };
  }
  return { layer, layers, term, axis: view.axis, lossStep, steps, sampledEpochs: samples.map((s) => s.epoch), lines, bound };
}

// ——— 2. heatmap epoch × timestep ———

export interface HeatmapSeries {
  readonly layer: number;
  readonly term: DecayTerm;
  /** Row labels, ascending. */
  readonly epochs: readonly number[];
  readonly steps: number;
  /** log10 of the norm per [row][k]; null where the norm is 0 or not finite. */
  readonly cells: readonly (readonly (number | null)[])[];
  /** Range of the finite cells (the colour scale); null when there is none. */
  readonly range: { readonly min: number; readonly max: number } | null;
}

export function heatmapSeries(record: RunRecord, view: TrainingView): HeatmapSeries {
  const decay = decaySeries(record, { ...view, epochsShown: 0 });
  const samples = record.gradientNormsPerTimestep.filter((sample) => sample.layer === decay.layer).sort((a, b) => a.epoch - b.epoch);
  let min = Infinity;
  let max = -Infinity;
  const cells = samples.map((sample) => {
    const norms = decay.term === 'lossTerm' ? sample.lossTermHiddenNorms ?? [] : sample.hiddenNorms;
    return norms.map((norm) => {
      const value = drawable(norm, true);
      if (value === null) return null;
      const log = Math.log10(value);
      min = Math.min(min, log);
      max = Math.max(max, log);
      return log;
    });
  });
  const steps = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  return {
    layer: decay.layer,
    term: decay.term,
    epochs: samples.map((sample) => sample.epoch),
    steps,
    cells,
    range: Number.isFinite(min) ? { min, max } : null,
  };
}

// ——— 3. loss per epoch ———

export interface LossSeries {
  readonly train: readonly SeriesPoint[];
  readonly validation: readonly SeriesPoint[];
}

export function lossSeries(record: RunRecord, logScale: boolean): LossSeries {
  return {
    train: record.epochs.map((e) => ({ x: e.epoch, y: drawable(e.trainLoss, logScale) })),
    validation: record.epochs.filter((e) => e.validationLoss !== null).map((e) => ({ x: e.epoch, y: drawable(e.validationLoss, logScale) })),
  };
}

// ——— 4. gradient norm per update ———

export interface UpdateNormSeries {
  /** x = update number (1-based, in the order the record keeps them; older updates of long runs are thinned). */
  readonly points: readonly SeriesPoint[];
  /** Clipping threshold τ, or null when clipping by norm is off. */
  readonly threshold: number | null;
  /**
   * Percentage of updates clipped: the mean of the epochs' clipped fractions. Every epoch has the same number of
   * updates (same windows, same batch size), so this mean is the overall fraction.
   */
  readonly clippedPercent: number | null;
}

export function updateNormSeries(record: RunRecord): UpdateNormSeries {
  const clipNorm = record.config.remedies.clipNorm.value;
  const fractions = record.epochs.map((e) => e.clippedFraction).filter((f): f is number => typeof f === 'number' && Number.isFinite(f));
  return {
    points: record.updateGradientNorms.map((norm, i) => ({ x: i + 1, y: drawable(norm, true) })),
    threshold: clipNorm > 0 ? clipNorm : null,
    clippedPercent: fractions.length === 0 ? null : (100 * fractions.reduce((sum, f) => sum + f, 0)) / fractions.length,
  };
}

// ——— 5. W_rec spectrum ———

export interface EigenvalueSet {
  readonly epoch: number;
  readonly block: string;
  readonly points: readonly SeriesPoint[];
}

export interface SpectrumSeries {
  readonly layer: number;
  /** Eigenvalues (re, im) of each square block at the first and at the newest sampled epoch. */
  readonly initial: readonly EigenvalueSet[];
  readonly current: readonly EigenvalueSet[];
  /** The unit circle |λ| = 1, 129 points. */
  readonly unitCircle: readonly SeriesPoint[];
  /** λ₁ = ‖W_rec‖₂ over sampled epochs (the bound's block), and ρ of the block it is drawn for. */
  readonly lambda1: readonly SeriesPoint[];
  readonly rho: readonly SeriesPoint[];
  readonly historyBlock: string | null;
  readonly rhoBlock: string | null;
}

const UNIT_CIRCLE_SEGMENTS = 128;

function eigenvalueSets(sample: SpectralSample | undefined, layer: number): EigenvalueSet[] {
  if (sample === undefined) return [];
  return sample.matrices
    .filter((m) => m.stack === 'encoder' && m.layer === layer && m.eigenvalues !== null && m.eigenvalues !== undefined)
    .map((m) => ({
      epoch: sample.epoch,
      block: m.block,
      points: m.eigenvalues!.re.map((re, i) => ({ x: re, y: m.eigenvalues!.im[i] ?? 0 })),
    }));
}

export function spectrumSeries(record: RunRecord, layer: number): SpectrumSeries {
  const spectra = [...record.spectra].sort((a, b) => a.epoch - b.epoch);
  const cell = record.config.model.cell.value;
  const unitCircle: SeriesPoint[] = [];
  for (let i = 0; i <= UNIT_CIRCLE_SEGMENTS; i++) {
    const angle = (2 * Math.PI * i) / UNIT_CIRCLE_SEGMENTS;
    unitCircle.push({ x: Math.cos(angle), y: Math.sin(angle) });
  }
  // ρ of the stacked gate matrix is undefined (not square): use the candidate block (LSTM g, GRU n; tanh, γ = 1).
  const rhoBlockName = cell === 'rnn' ? 'W_hh' : cell === 'lstm' ? 'g' : 'n';
  const lambda1: SeriesPoint[] = [];
  const rho: SeriesPoint[] = [];
  let historyBlock: string | null = null;
  let rhoBlock: string | null = null;
  for (const sample of spectra) {
    const matrix = boundMatrix(sample, layer, cell);
    if (matrix !== undefined) {
      lambda1.push({ x: sample.epoch, y: drawable(matrix.largestSingularValue, false) });
      historyBlock = matrix.block;
    }
    const square = sample.matrices.find((m) => m.stack === 'encoder' && m.layer === layer && m.block === rhoBlockName);
    if (square !== undefined && square.spectralRadius !== null) {
      rho.push({ x: sample.epoch, y: drawable(square.spectralRadius, false) });
      rhoBlock = square.block;
    }
  }
  return {
    layer,
    initial: spectra.length > 1 ? eigenvalueSets(spectra[0], layer) : [],
    current: eigenvalueSets(spectra[spectra.length - 1], layer),
    unitCircle,
    lambda1,
    rho,
    historyBlock,
    rhoBlock,
  };
}

// ——— 6. predictions vs targets ———

export interface PredictionSeries {
  readonly column: string;
  /** x = position in the validation set (window i, step j → the i-th window's j-th scored value, in time order). */
  readonly targets: readonly SeriesPoint[];
  readonly predictions: readonly SeriesPoint[];
}

export function predictionSeries(record: RunRecord): PredictionSeries | null {
  const data = record.validationPredictions;
  if (data === undefined || data.windows.length === 0) return null;
  const targets: SeriesPoint[] = [];
  const predictions: SeriesPoint[] = [];
  for (const window of data.windows) {
    window.targets.forEach((target, j) => {
      const x = targets.length;
      targets.push({ x, y: drawable(target, false) });
      predictions.push({ x, y: drawable(window.predictions[j], false) });
    });
  }
  return { column: data.column, targets, predictions };
}

// ——— header: the lecture formulas with the current numbers ———

export interface FormulaNumbers {
  /** Latest training loss J and its epoch, or null before the first epoch. */
  readonly loss: number | null;
  readonly epoch: number | null;
  /** m of J = 1/(2m) Σ(ŷ − y)²: target values scored over the training windows (windows × scored steps × outputs). */
  readonly m: number;
  /** Encoder steps T of a window. */
  readonly steps: number;
  readonly lambda1: number | null;
  readonly gamma: number | null;
  readonly lambdaGamma: number | null;
  /** (λ₁γ)^(T−1): the bound on ‖∂X_{T−1}/∂X_0‖ across the whole window. */
  readonly boundOverWindow: number | null;
}

export function formulaNumbers(record: RunRecord, layer: number): FormulaNumbers {
  const last = record.epochs[record.epochs.length - 1];
  const shapes = record.data.shapes;
  const steps = shapes.inputShape[1];
  const m = shapes.trainWindows * shapes.targetShape[1] * shapes.targetShape[2];
  const spectra = [...record.spectra].sort((a, b) => a.epoch - b.epoch);
  const newest = spectra[spectra.length - 1];
  const matrix = newest === undefined ? undefined : boundMatrix(newest, layer, record.config.model.cell.value);
  const loss = last === undefined || last.trainLoss === null || !Number.isFinite(last.trainLoss) ? null : last.trainLoss;
  return {
    loss,
    epoch: last?.epoch ?? null,
    m,
    steps,
    lambda1: matrix?.largestSingularValue ?? null,
    gamma: matrix?.gamma ?? null,
    lambdaGamma: matrix?.lambdaGamma ?? null,
    boundOverWindow: matrix === undefined ? null : matrix.lambdaGamma ** Math.max(0, steps - 1),
  };
}
