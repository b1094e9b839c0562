// `rnn-lab demo [--out DIR] [--quick]` — the headless main job (issue 8): trains the bundled samples (vanilla RNN
// against LSTM on the adding problem, the remedy line-up on the sine series, a small echo state network), prints the
// comparison table on stdout with a progress bar on stderr, and writes DIR/report.html (self-contained) with the
// gradient-decay and loss charts, plus DIR/runs/<id>/run.json per trained model.
import * as path from 'node:path';
import { CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, stringFlag } from '../flags';
import { findSamplesDirectory } from '../samplesDirectory';
import { formatTable, tableRow } from './resultTable';
import { runDemo, writeDemoOutputs } from './runDemo';
import { loadReportPageScript } from '../report/reportPageScript';

export const DEFAULT_DEMO_OUT = 'demo';

const FLAGS = {
  out: { type: 'string', accepts: 'a folder for report.html and runs/' },
  quick: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab demo [--out DIR] [--quick] [--quiet]

Trains the bundled samples with fixed seeds and shows vanishing gradients and their remedies:
  adding problem (T = 50)   vanilla tanh RNN against LSTM
  noisy sine (T = 60)       vanilla tanh RNN; + clipping by norm; + truncated BPTT; + L2; IRNN (relu, W = I);
                            orthogonal init; LSTM; GRU; an echo state network
Prints a table (final losses, λ₁, % of updates clipped, ‖∂J/∂h_k‖ at lags 1, 10, 25, 50 from the last step) and
writes DIR/report.html — one self-contained file (Chart.js inlined, no network) with the gradient-decay and loss
charts — and DIR/runs/<model>/run.json for every trained model (open one with "rnn-lab report").

  --out DIR   output folder (default ./${DEFAULT_DEMO_OUT})
  --quick     fewer epochs: a first look in a few seconds (same models)
  --quiet     no progress bar on stderr
`;

export function demoCommand(): CliCommand {
  return { summary: 'train the bundled samples and write a self-contained report.html', run: runDemoCommand };
}

async function runDemoCommand(args: readonly string[]): Promise<number> {
  const flags = parseFlags('demo', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (flags.positionals.length > 0) {
    throw new CliUsageError(`demo takes no arguments, got ${flags.positionals.map((p) => `"${p}"`).join(' ')}. Usage: rnn-lab demo [--out DIR] [--quick] [--quiet]`);
  }
  const outDirectory = path.resolve(stringFlag(flags, 'out') ?? DEFAULT_DEMO_OUT);
  const samplesDirectory = findSamplesDirectory();
  // read before training: a broken install fails in a second, not after the whole demo
  const pageScript = loadReportPageScript();
  const run = await runDemo({ samplesDirectory, quick: booleanFlag(flags, 'quick'), progress: booleanFlag(flags, 'quiet') ? null : process.stderr });
  process.stdout.write(formatTable(run.results.map(tableRow)));
  const outputs = await writeDemoOutputs(run, outDirectory, pageScript);
  const firstRun = outputs.runFiles[0] === undefined ? null : displayPath(path.dirname(outputs.runFiles[0]));
  process.stdout.write(
    `\n${run.results.length} models in ${run.timings.wallSeconds.toFixed(1)} s (${run.timings.cpuSeconds.toFixed(1)} s CPU).\n` +
      `Report: ${displayPath(outputs.reportFile)}\n` +
      (firstRun === null ? '' : `Run records: ${displayPath(path.join(outDirectory, 'runs'))}/<model>/run.json (e.g. rnn-lab report ${firstRun})\n`),
  );
  return 0;
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
