// Builds the report page script (src/cli/report/page/reportPage.ts, Chart.js bundled) in memory with esbuild, exactly
// as esbuild.js builds dist/report-page.js, so the tests do not depend on a previous `node esbuild.js`.
import { buildSync } from 'esbuild';
import * as path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..');

let cached: string | undefined;

export function reportPageScript(): string {
  if (cached !== undefined) return cached;
  const result = buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src', 'cli', 'report', 'page', 'reportPage.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  cached = result.outputFiles[0]!.text;
  return cached;
}
