// One card of the panel: a heading, the chart's canvas(es) with an accessible name, an optional side note, and the
// export buttons (PNG of the chart, CSV/JSON of its data). The card knows nothing about what is drawn.
import type { ChartId, ExportFormat, TrainingPanelStrings } from '../../src/protocol/trainingPanelProtocol';
import { html } from '../shared/dom';

export interface ChartCard {
  readonly element: HTMLElement;
  readonly canvases: readonly HTMLCanvasElement[];
  /** Text beside or under the chart (badges, notes); replaced on every draw. */
  readonly note: HTMLElement;
  readonly subtitle: HTMLElement;
}

export interface ChartCardOptions {
  readonly id: ChartId;
  readonly title: string;
  readonly strings: TrainingPanelStrings;
  /** Number of canvases side by side (the spectrum card has two). */
  readonly canvasCount?: number;
  /** 'aside': note to the right of the chart (the decay chart's theory), 'below' otherwise. */
  readonly notePlacement?: 'aside' | 'below';
  readonly wide?: boolean;
  readonly onExport: (chart: ChartId, format: ExportFormat) => void;
}

export function createChartCard(options: ChartCardOptions): ChartCard {
  const { id, strings } = options;
  const canvases = Array.from({ length: options.canvasCount ?? 1 }, (_, i) =>
    html('canvas', { role: 'img', id: `chart-${id}-${i}`, 'data-chart': id }),
  );
  const boxes = canvases.map((canvas) => html('div', { class: 'chart-box' }, canvas));
  const note = html('div', { class: `chart-note chart-note-${options.notePlacement ?? 'below'}` });
  const subtitle = html('p', { class: 'chart-subtitle' });
  const button = (format: ExportFormat, label: string): HTMLButtonElement => {
    const element = html('button', { type: 'button', class: 'secondary export-button', 'data-export': `${id}:${format}`, title: label }, label);
    element.addEventListener('click', () => options.onExport(id, format));
    return element;
  };
  const exports = html(
    'div',
    { class: 'export-buttons', role: 'group', 'aria-label': `${options.title}: ${strings.exportGroupLabel}` },
    button('png', strings.exportPng),
    button('csv', strings.exportCsv),
    button('json', strings.exportJson),
  );
  const body =
    options.notePlacement === 'aside'
      ? html('div', { class: 'card-body card-body-aside' }, html('div', { class: 'chart-row' }, ...boxes), note)
      : html('div', { class: 'card-body' }, html('div', { class: `chart-row chart-row-${canvases.length}` }, ...boxes), note);
  const element = html(
    'section',
    { class: options.wide === true ? 'card card-wide' : 'card', 'data-card': id, 'aria-labelledby': `title-${id}` },
    html('header', { class: 'card-header' }, html('h2', { id: `title-${id}` }, options.title), exports),
    subtitle,
    body,
  );
  return { element, canvases, note, subtitle };
}

/** The canvases of a card as one PNG (side by side), for export. */
export function canvasesToPng(canvases: readonly HTMLCanvasElement[]): string {
  if (canvases.length === 1) return canvases[0]!.toDataURL('image/png');
  const joined = document.createElement('canvas');
  joined.width = canvases.reduce((sum, c) => sum + c.width, 0);
  joined.height = canvases.reduce((tallest, c) => Math.max(tallest, c.height), 0);
  const context = joined.getContext('2d');
  let x = 0;
  for (const canvas of canvases) {
    context?.drawImage(canvas, x, 0);
    x += canvas.width;
  }
  return joined.toDataURL('image/png');
}
