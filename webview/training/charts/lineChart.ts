// A Chart.js line chart bound to one canvas: created on the first draw, then updated in place ('none' mode: no
// animation), recreated by the page after a theme switch. Shared by the loss, update-norm, spectrum-history and
// prediction charts.
import type { ChartConfiguration, ChartDataset, ChartOptions } from 'chart.js';
import { Chart, backgroundPlugin, countPoints } from '../../shared/charts/chartSetup';

export type LineDataset = ChartDataset<'line', { x: number; y: number | null }[]>;

export class BoundLineChart {
  private chart: Chart<'line'> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  render(datasets: LineDataset[], options: ChartOptions<'line'>): void {
    if (this.chart === undefined) {
      const config: ChartConfiguration<'line', { x: number; y: number | null }[]> = { type: 'line', data: { datasets }, options, plugins: [backgroundPlugin] };
      this.chart = new Chart(this.canvas, config);
      return;
    }
    this.chart.data.datasets = datasets;
    this.chart.options = options;
    this.chart.update('none');
  }

  count(): { datasets: number; points: number } {
    return this.chart === undefined ? { datasets: 0, points: 0 } : countPoints(this.chart as unknown as Chart);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
