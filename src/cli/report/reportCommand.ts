// `rnn-lab report RUN_DIR [--out FILE]` — report.html for any saved run (RUN_DIR/run.json, the RunRecord the
// extension writes under .rnn-lab/runs/<timestamp>-<name>/): the same self-contained page as `rnn-lab demo`, with the
// training panel's gradient-decay, loss and gradient-norm charts. A malformed run.json is refused with the field
// path (exit 2).
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CliInputError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, requirePositionals, stringFlag } from '../flags';
import { readRunRecord } from './readRunRecord';
import { renderReportHtml } from './reportHtml';
import { loadReportPageScript } from './reportPageScript';
import { runReportData } from './runReport';

const FLAGS = {
  out: { type: 'string', accepts: 'the HTML file to write' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab report RUN_DIR [--out FILE]

Writes a self-contained report.html (Chart.js inlined, no network) for a saved run: RUN_DIR holds run.json
(.rnn-lab/runs/<timestamp>-<name>/ in a workspace, or demo/runs/<model>/ after rnn-lab demo).

  --out FILE   where to write the page (default RUN_DIR/report.html)
`;

export function reportCommand(): CliCommand {
  return { summary: 'write a self-contained report.html for a saved run (RUN_DIR/run.json)', run: runReportCommand };
}

async function runReportCommand(args: readonly string[]): Promise<number> {
  const flags = parseFlags('report', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const [runDirectory] = requirePositionals('report', flags, ['RUN_DIR']) as [string];
  const { record, directory } = await readRunRecord(runDirectory);
  const pageScript = loadReportPageScript();
  const outFile = path.resolve(stringFlag(flags, 'out') ?? path.join(directory, 'report.html'));
  try {
    await writeFile(outFile, renderReportHtml(runReportData(record), pageScript), 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
    throw new CliInputError(`${outFile}: cannot write the report (${code})`);
  }
  process.stdout.write(`Report: ${outFile}\n`);
  return 0;
}
