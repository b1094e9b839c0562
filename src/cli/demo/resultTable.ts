// The demo's comparison table, as text for the terminal and as cells for report.html (the same strings in both).
// Columns: task, model, final J on training and validation data (J = 1/(2m) Σ(ŷ − y)², docs/maths.md "Losses"), λ₁ of
// W_rec, the percentage of updates clipped, and ‖∂J/∂h_k‖₂ at lags t − k = 1, 10, 25, 50 from the last step t = T − 1
// (docs/maths.md "Backpropagation through time") — how much gradient reaches 1, 10, 25 and 50 steps back.
import type { DemoTask } from '../../lab/lineup/lineup';
import { normAtLag, type DemoResult } from '../../lab/lineup/lineupResult';

/** Lags t − k of the gradient columns. */
export const TABLE_LAGS: readonly number[] = [1, 10, 25, 50];

export const TABLE_HEADER: readonly string[] = ['task', 'model', 'train J', 'val J', 'λ₁', '% clipped', ...TABLE_LAGS.map((lag) => `‖∂J/∂h‖ lag ${lag}`)];

/** Shown for a lag the sequence does not reach (lag ≥ T). */
export const BEYOND_SEQUENCE = 'n/a';
/** Shown where a quantity does not exist: clipping off, or an ESN (no gradient, no BPTT). */
export const NOT_APPLICABLE = '—';

const TASK_NAMES: Readonly<Record<DemoTask, string>> = { adding: 'adding T=50', sine: 'sine T=60' };

export interface TableRow {
  readonly task: string;
  readonly model: string;
  readonly trainLoss: number;
  readonly validationLoss: number;
  readonly lambda1: number | null;
  readonly clippedPercent: number | null;
  /** One per TABLE_LAGS entry (null: lag ≥ T); null for a model without BPTT gradients. */
  readonly lagNorms: readonly (number | null)[] | null;
  /** Appended to the model name, e.g. "diverged". */
  readonly note?: string;
}

export function tableRow(result: DemoResult): TableRow {
  const norms = result.hiddenGradNorms;
  return {
    task: TASK_NAMES[result.experiment.task],
    model: result.experiment.label,
    trainLoss: result.trainLoss,
    validationLoss: result.validationLoss,
    lambda1: result.lambda1,
    clippedPercent: result.clippedPercent,
    lagNorms: norms === null ? null : TABLE_LAGS.map((lag) => normAtLag(norms, lag)),
    ...(result.diverged !== null ? { note: 'diverged' } : {}),
  };
}

/** 3 significant digits in exponent form: 0.0123 → "1.23e-2". */
export function formatLoss(value: number): string {
  return Number.isFinite(value) ? compactExponential(value, 2) : BEYOND_SEQUENCE;
}

/** 2 significant digits: 5.4e-7 → "5.4e-7". */
export function formatNorm(value: number | null): string {
  if (value === null) return BEYOND_SEQUENCE;
  return Number.isFinite(value) ? compactExponential(value, 1) : String(value);
}

function compactExponential(value: number, digits: number): string {
  return value.toExponential(digits).replace('e+', 'e');
}

export function tableCells(row: TableRow): string[] {
  return [
    row.task,
    row.note === undefined ? row.model : `${row.model} (${row.note})`,
    formatLoss(row.trainLoss),
    formatLoss(row.validationLoss),
    row.lambda1 === null || !Number.isFinite(row.lambda1) ? NOT_APPLICABLE : row.lambda1.toFixed(2),
    row.clippedPercent === null ? NOT_APPLICABLE : `${row.clippedPercent.toFixed(1)}%`,
    ...(row.lagNorms === null ? TABLE_LAGS.map(() => NOT_APPLICABLE) : row.lagNorms.map(formatNorm)),
  ];
}

/** Text columns: the first two left-aligned, the numbers right-aligned, two spaces apart; a rule under the header. */
export function formatTable(rows: readonly TableRow[]): string {
  const lines = [TABLE_HEADER, ...rows.map(tableCells)];
  const widths = TABLE_HEADER.map((_, column) => Math.max(...lines.map((cells) => [...(cells[column] ?? '')].length)));
  const pad = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const fill = ' '.repeat(widths[column]! - [...cell].length);
        return column < 2 ? cell + fill : fill + cell;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [pad(TABLE_HEADER), rule, ...lines.slice(1).map(pad)].join('\n') + '\n';
}
