// What report.html shows, as plain JSON embedded in the page: sections of charts and a table. The series are computed
// in Node from run records with src/lab/charts/chartSeries.ts (the panels' own functions); the page script only draws them.

export interface ReportPoint {
  readonly x: number;
  /** null: a gap (non-finite, or ≤ 0 on a log axis). */
  readonly y: number | null;
}

export interface ReportDataset {
  readonly label: string;
  readonly points: readonly ReportPoint[];
  /** Index into the page's colour palette; -1 draws in the neutral colour of theory lines (the bound). */
  readonly color: number;
  readonly dashed?: boolean;
}

export interface ReportChart {
  /** Canvas id, unique in the page. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences under the chart: what to look at. */
  readonly caption: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yScale: 'log' | 'linear';
  /** Top of the y axis (e.g. so a growing bound does not squash the measured curves); automatic when absent. */
  readonly yMax?: number;
  readonly datasets: readonly ReportDataset[];
}

export interface ReportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly note?: string;
}

export interface ReportSection {
  readonly heading: string;
  readonly text: string;
  readonly table?: ReportTable;
  readonly charts: readonly ReportChart[];
}

export interface ReportData {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
  readonly footer: string;
}
