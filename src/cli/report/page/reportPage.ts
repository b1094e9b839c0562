// The script inlined in report.html (bundled to dist/report-page.js, an iife with Chart.js v4 registered explicitly):
// reads the report data from its JSON element and draws the sections — tables and charts. It computes nothing: every
// series was measured by the engine and selected by src/lab/charts/chartSeries.ts in Node.
import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import type { ReportChart, ReportData, ReportSection, ReportTable } from '../reportModel';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** Must equal REPORT_DATA_ELEMENT_ID of reportHtml.ts (the page bundle does not import Node code). */
const DATA_ELEMENT_ID = 'rnn-lab-report-data';

/** Ten distinguishable colours (Tableau 10), readable on light and dark backgrounds. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#6b6ecf'];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Log-axis ticks only at powers of ten, written 1e-6 style. */
function powerOfTen(value: number | string): string {
  const number = Number(value);
  if (!(number > 0)) return '';
  const exponent = Math.log10(number);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? `1e${Math.round(exponent)}` : '';
}

function renderTable(table: ReportTable): HTMLElement {
  const wrapper = element('div');
  const node = element('table');
  const head = node.createTHead().insertRow();
  for (const title of table.header) head.appendChild(element('th', title));
  const body = node.createTBody();
  for (const cells of table.rows) {
    const row = body.insertRow();
    for (const cell of cells) row.appendChild(element('td', cell));
  }
  wrapper.appendChild(node);
  if (table.note !== undefined) wrapper.appendChild(element('p', table.note, 'note'));
  return wrapper;
}

function renderChart(spec: ReportChart): HTMLElement {
  const figure = element('figure');
  figure.appendChild(element('figcaption', spec.title));
  const box = element('div', undefined, 'canvas-box');
  const canvas = element('canvas');
  canvas.id = spec.id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${spec.title}. ${spec.caption}`);
  box.appendChild(canvas);
  figure.appendChild(box);
  figure.appendChild(element('p', spec.caption, 'caption'));
  const foreground = cssVariable('--fg') || '#1f2328';
  const muted = cssVariable('--muted') || '#59636e';
  const grid = cssVariable('--rule') || '#d1d9e0';
  const datasets: ChartDataset<'line', { x: number; y: number | null }[]>[] = spec.datasets.map((dataset) => {
    const color = dataset.color < 0 ? muted : PALETTE[dataset.color % PALETTE.length]!;
    return {
      label: dataset.label,
      data: dataset.points.map((p) => ({ x: p.x, y: p.y })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: dataset.color < 0 ? 1.5 : 2,
      borderDash: dataset.dashed === true ? [6, 4] : [],
      pointRadius: dataset.points.length <= 1 ? 3 : 0,
      spanGaps: false,
    };
  });
  const config: ChartConfiguration<'line', { x: number; y: number | null }[]> = {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      color: foreground,
      plugins: { legend: { labels: { color: foreground, boxWidth: 16, boxHeight: 2 } }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'linear', title: { display: true, text: spec.xLabel, color: foreground }, ticks: { color: muted }, grid: { color: grid } },
        y:
          spec.yScale === 'log'
            ? { type: 'logarithmic', ...(spec.yMax !== undefined ? { max: spec.yMax } : {}), title: { display: true, text: spec.yLabel, color: foreground }, ticks: { color: muted, callback: powerOfTen, autoSkip: true }, grid: { color: grid } }
            : { type: 'linear', ...(spec.yMax !== undefined ? { max: spec.yMax } : {}), title: { display: true, text: spec.yLabel, color: foreground }, ticks: { color: muted }, grid: { color: grid } },
      },
    },
  };
  // drawn once the figure is in the document (Chart.js measures its container)
  queueMicrotask(() => new Chart(canvas, config));
  return figure;
}

function renderSection(section: ReportSection): HTMLElement {
  const node = element('section');
  node.appendChild(element('h2', section.heading));
  if (section.text !== '') node.appendChild(element('p', section.text));
  if (section.table !== undefined) node.appendChild(renderTable(section.table));
  if (section.charts.length > 0) {
    const charts = element('div', undefined, 'charts');
    for (const chart of section.charts) charts.appendChild(renderChart(chart));
    node.appendChild(charts);
  }
  return node;
}

function main(): void {
  const source = document.getElementById(DATA_ELEMENT_ID);
  const root = document.getElementById('report');
  if (source === null || root === null) return;
  const data = JSON.parse(source.textContent ?? '{}') as ReportData;
  for (const section of data.sections) root.appendChild(renderSection(section));
  const footer = element('footer', data.footer);
  root.appendChild(footer);
  document.documentElement.dataset.rendered = 'true';
}

main();
