// The browser half of report.html: dist/report-page.js (built by esbuild.js from page/reportPage.ts, Chart.js
// bundled in), read from beside the running bundle (dist/cli.js → dist/report-page.js) and inlined into the page.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const REPORT_PAGE_SCRIPT = 'report-page.js';

export function loadReportPageScript(directory: string = __dirname): string {
  const file = path.join(directory, REPORT_PAGE_SCRIPT);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the report page script ${file} is missing; build it with "node esbuild.js" (npm run build:dev) in the RNN Lab repository`);
  }
}
