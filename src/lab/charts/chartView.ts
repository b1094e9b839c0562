// What the training panel's charts show and how the user set them up: the charts, the decay chart's axis and term, the
// scales, how many sampled epochs are drawn. Plain data shared by the chart series (chartSeries.ts), the panel, the
// export and the report; the training panel's channel (protocol/trainingPanelProtocol.ts) validates it.

/** The charts of the panel, in page order. */
export const CHART_IDS = ['decay', 'heatmap', 'loss', 'updates', 'spectrum', 'predictions'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const EXPORT_FORMATS = ['png', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** x axis of the decay chart: the timestep k, or the lag t − k behind the loss term t. */
export const DECAY_AXES = ['timestep', 'lag'] as const;
export type DecayAxis = (typeof DECAY_AXES)[number];
/** Which gradient: of the whole loss J, or of the single loss term J_t (docs/maths.md, "Backpropagation through time"). */
export const DECAY_TERMS = ['total', 'lossTerm'] as const;
export type DecayTerm = (typeof DECAY_TERMS)[number];
export const VALUE_SCALES = ['log', 'linear'] as const;
export type ValueScale = (typeof VALUE_SCALES)[number];

/** Upper bounds of the view's integers (layers ≤ 4 in settings; more sampled epochs than any run keeps). */
export const MAX_LAYER_INDEX = 63;
export const MAX_EPOCHS_SHOWN = 10_000;

/** What the user chose in the panel's controls; kept by the host and restored with the panel (a type alias: plain data). */
export type TrainingView = {
  readonly layer: number;
  readonly axis: DecayAxis;
  readonly term: DecayTerm;
  /** Gradient-decay y axis. */
  readonly decayScale: ValueScale;
  /** Loss chart y axis. */
  readonly lossScale: ValueScale;
  /** How many sampled epochs the decay chart draws (evenly chosen, first and last included); 0 = all. */
  readonly epochsShown: number;
};

export const DEFAULT_TRAINING_VIEW: TrainingView = {
  layer: 0,
  axis: 'timestep',
  term: 'lossTerm',
  decayScale: 'log',
  lossScale: 'log',
  epochsShown: 8,
};
