// What every chart of the training panel offers the page: draw the run as it is now, report what it drew (for the
// host's render report), give its pixels as PNG, and release its canvas.
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import type { ChartId, ChartRenderReport, TrainingPanelStrings, TrainingView } from '../../../src/protocol/trainingPanelProtocol';
import type { ChartCard } from '../chartCard';
import type { ChartPalette } from '../../shared/charts/palette';

export interface DrawContext {
  readonly record: RunRecord;
  readonly view: TrainingView;
  readonly strings: TrainingPanelStrings;
  readonly palette: ChartPalette;
}

export interface PanelChart {
  readonly id: ChartId;
  readonly card: ChartCard;
  draw(context: DrawContext): void;
  report(): ChartRenderReport;
  toPng(): string;
  destroy(): void;
}

/** Compact numbers for labels: 3 significant digits, exponent form outside [1e-3, 1e4). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1e-3 && magnitude < 1e4 ? String(Number(value.toPrecision(3))) : value.toExponential(2);
}
