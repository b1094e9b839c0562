// `rnn-lab gradcheck` — compares the BPTT gradient of a small random float64 model with central differences on every
// parameter (docs/maths.md, "Gradient check"); prints the worst relative error per parameter; exit 1 above 1e-6.
import type { CliCommand } from '../cliSupport';
import { booleanFlag, enumFlag, integerFlag, parseFlags, requirePositionals } from '../flags';
import { TOPOLOGY_IDS } from '../../engine/dataset';
import {
  GRADIENT_CHECK_DEFAULT_HIDDEN,
  GRADIENT_CHECK_DEFAULT_OUTPUT_STEPS,
  GRADIENT_CHECK_DEFAULT_STEPS,
  checkGradients,
  createGradientCheckProblem,
  type GradientCheckReport,
} from '../../engine/gradcheck';
import { CELL_KINDS, LOSS_KINDS, MAX_LAYERS, NONLINEARITIES } from '../../engine/modelConfig';

/** docs/maths.md: a small model, T ≤ 8, H ≤ 4. */
const MAX_STEPS = 8;
const MAX_HIDDEN = 4;
const DEFAULT_SEED = 1;

const FLAGS = {
  cell: { type: 'string', accepts: CELL_KINDS.join('|') },
  nonlinearity: { type: 'string', accepts: NONLINEARITIES.join('|') },
  layers: { type: 'string', accepts: `an integer 1–${MAX_LAYERS}` },
  topology: { type: 'string', accepts: TOPOLOGY_IDS.join('|') },
  loss: { type: 'string', accepts: LOSS_KINDS.join('|') },
  seed: { type: 'string', accepts: 'an integer' },
  hidden: { type: 'string', accepts: `an integer 1–${MAX_HIDDEN}` },
  steps: { type: 'string', accepts: `an integer 1–${MAX_STEPS}` },
  'output-steps': { type: 'string', accepts: `an integer 1–${MAX_STEPS}` },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab gradcheck [--cell rnn|lstm|gru] [--layers N] [--topology ID] [--loss mse|xent] [--seed S]
                         [--nonlinearity tanh|relu|sigmoid] [--hidden H] [--steps T] [--output-steps M] [--json]

Checks the exact BPTT gradient of a small random float64 model (a mini-batch of 2 sequences) against central
differences (J(θ+ε) − J(θ−ε))/2ε, ε = 1e-6, on every entry of every parameter. Prints the worst relative error
|a − n| / max(|a|, |n|, 1e-12) per parameter; exits 1 if any exceeds 1e-6. J(θ ± ε) is computed by an independent
forward pass in double-double (~32-digit) arithmetic, so float64 rounding (~1e-10 in the quotient) does not mask it.

  --cell          rnn | lstm | gru (default rnn)
  --nonlinearity  σ of the vanilla RNN: tanh | relu | sigmoid (default tanh)
  --layers        stacked layers 1–${MAX_LAYERS} (default 1)
  --topology      ${TOPOLOGY_IDS.join(' | ')} (default many-to-one)
  --loss          mse | xent (default mse)
  --seed          random seed of the model and data (default ${DEFAULT_SEED})
  --hidden        hidden size 1–${MAX_HIDDEN} (default ${GRADIENT_CHECK_DEFAULT_HIDDEN})
  --steps         input steps T 1–${MAX_STEPS} (default ${GRADIENT_CHECK_DEFAULT_STEPS})
  --output-steps  generated steps of one-to-many / encoder–decoder 1–${MAX_STEPS} (default ${GRADIENT_CHECK_DEFAULT_OUTPUT_STEPS})
  --json          print the report as one JSON object
`;

export function gradcheckCommand(): CliCommand {
  return {
    summary: 'check BPTT gradients against central finite differences on a small model',
    run: runGradcheck,
  };
}

async function runGradcheck(args: readonly string[]): Promise<number> {
  const flags = parseFlags('gradcheck', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  requirePositionals('gradcheck', flags, []);
  const cell = enumFlag(flags, 'cell', CELL_KINDS) ?? 'rnn';
  const nonlinearity = enumFlag(flags, 'nonlinearity', NONLINEARITIES) ?? 'tanh';
  const numLayers = integerFlag(flags, 'layers', 1, MAX_LAYERS) ?? 1;
  const topology = enumFlag(flags, 'topology', TOPOLOGY_IDS) ?? 'many-to-one';
  const loss = enumFlag(flags, 'loss', LOSS_KINDS) ?? 'mse';
  const seed = integerFlag(flags, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ?? DEFAULT_SEED;
  const hiddenSize = integerFlag(flags, 'hidden', 1, MAX_HIDDEN) ?? GRADIENT_CHECK_DEFAULT_HIDDEN;
  const steps = integerFlag(flags, 'steps', 1, MAX_STEPS) ?? GRADIENT_CHECK_DEFAULT_STEPS;
  const outputSteps = integerFlag(flags, 'output-steps', 1, MAX_STEPS) ?? GRADIENT_CHECK_DEFAULT_OUTPUT_STEPS;

  const problem = createGradientCheckProblem({ cell, nonlinearity, numLayers, topology, loss, seed, hiddenSize, steps, outputSteps });
  const report = checkGradients(problem.model, problem.examples, { initialState: problem.initialState });
  const description = `${cell}${cell === 'rnn' ? ` (${nonlinearity})` : ''}, ${numLayers} layer${numLayers === 1 ? '' : 's'}, ${topology}, ${loss}, H = ${hiddenSize}, seed ${seed}`;
  if (booleanFlag(flags, 'json')) {
    process.stdout.write(`${JSON.stringify({ model: description, ...report }, null, 1)}\n`);
  } else {
    process.stdout.write(formatReport(description, report));
  }
  return report.passed ? 0 : 1;
}

function formatReport(description: string, report: GradientCheckReport): string {
  const width = Math.max(9, ...report.parameters.map((p) => p.name.length));
  const lines = [
    `gradient check: ${description}; central differences, ε = ${report.epsilon}`,
    `${'parameter'.padEnd(width)}  entries  worst relative error  analytic                 numeric`,
  ];
  for (const p of report.parameters) {
    lines.push(
      `${p.name.padEnd(width)}  ${String(p.count).padStart(7)}  ${p.worstRelativeError.toExponential(3).padStart(19)}  ${formatNumber(p.analytic)}  ${formatNumber(p.numeric)}`,
    );
  }
  lines.push(
    `worst relative error ${report.worstRelativeError.toExponential(3)}: ${report.passed ? 'PASS' : 'FAIL'} (tolerance ${report.tolerance})`,
  );
  return `${lines.join('\n')}\n`;
}

function formatNumber(value: number): string {
  return value.toExponential(15).padStart(23);
}
