// Chart.js v4, registered explicitly: only the controllers, elements, scales and plugins the panel uses end up in the
// bundle. Every chart is created with animation off and parsing off (data arrive as {x, y} points), and a plugin
// paints the theme background first so an exported PNG looks like the panel.
import type { ChartOptions, Plugin } from 'chart.js';
import {
  Chart,
  Decimation,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import type { ChartPalette } from './palette';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Decimation, Legend, Tooltip);

export { Chart };

/** Fills the canvas with the panel background before drawing (a transparent PNG would be unreadable elsewhere). */
export const backgroundPlugin: Plugin<'line' | 'scatter'> = {
  id: 'rnnLabBackground',
  beforeDraw(chart) {
    const color = (chart.options.plugins as { rnnLabBackground?: { color?: string } } | undefined)?.rnnLabBackground?.color;
    if (color === undefined) return;
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Options every chart shares: no animation, no parsing, theme fonts and colours, a compact legend. */
export function baseOptions(palette: ChartPalette): ChartOptions<'line'> {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', intersect: false },
    color: palette.foreground,
    font: { family: palette.fontFamily, size: 11 },
    plugins: {
      legend: { labels: { color: palette.foreground, boxWidth: 14, boxHeight: 2, font: { size: 11 } } },
      tooltip: { enabled: true },
      ...({ rnnLabBackground: { color: palette.background } } as object),
    },
  };
}

/** Log-axis labels only at powers of ten, written 10⁻⁶ style, so a decay over many decades stays readable. */
export function powerOfTenLabel(value: number | string, oneTwoFive = false): string {
  const number = Number(value);
  if (!(number > 0)) return '';
  const exponent = Math.log10(number);
  const rounded = Math.round(exponent);
  if (Math.abs(exponent - rounded) > 1e-9) {
    // Also 2·10ⁿ and 5·10ⁿ on axes that span few decades (loss, update norms).
    const mantissa = number / 10 ** Math.floor(exponent);
    const nice = [2, 5].find((m) => Math.abs(mantissa - m) < 1e-6);
    return oneTwoFive && nice !== undefined ? String(Number(number.toPrecision(1))) : '';
  }
  if (rounded >= -2 && rounded <= 3) return String(10 ** rounded >= 1 ? 10 ** rounded : Number((10 ** rounded).toPrecision(1)));
  const superscripts: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${[...String(rounded)].map((c) => superscripts[c] ?? c).join('')}`;
}

export function axisOptions(palette: ChartPalette, title: string, type: 'linear' | 'logarithmic', oneTwoFive = false) {
  return {
    type,
    title: { display: true, text: title, color: palette.muted, font: { size: 11 } },
    ticks: {
      color: palette.muted,
      font: { size: 10 },
      maxTicksLimit: type === 'logarithmic' ? 40 : 8,
      ...(type === 'logarithmic'
        ? {
            // Over many decades label every 2nd (or 3rd …) power of ten so the labels never collide.
            callback: (value: number | string, _index: number, ticks: readonly { value: number }[]) => {
              const decades = ticks.filter((tick) => powerOfTenLabel(tick.value) !== '').length;
              const stride = Math.max(1, Math.ceil(decades / 9));
              const label = powerOfTenLabel(value, oneTwoFive && decades <= 3);
              return stride > 1 && label !== '' && Math.round(Math.log10(Number(value))) % stride !== 0 ? '' : label;
            },
          }
        : {}),
    },
    grid: { color: palette.grid },
    border: { color: palette.grid },
  } as const;
}

/** Finite points across a chart's datasets (the render report's "non-empty data" measure). */
export function countPoints(chart: Chart): { datasets: number; points: number } {
  let points = 0;
  let datasets = 0;
  for (const dataset of chart.data.datasets) {
    const data = dataset.data as readonly ({ y: number | null } | null)[];
    const finite = data.filter((p) => p !== null && typeof p.y === 'number' && Number.isFinite(p.y)).length;
    if (finite > 0) datasets++;
    points += finite;
  }
  return { datasets, points };
}
