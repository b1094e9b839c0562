// `rnn-lab grads CASE.json` — one forward + backward pass in float64, no update; input and output in the gradient
// case format (src/engine/gradCase.ts, README "Gradient cases"). A malformed case is one line naming the field
// path, exit 2.
import { FileReadError, readTextFile } from '../../node/nodePlatform';
import { CliInputError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, requirePositionals } from '../flags';
import { readStrictJson } from '../../modelFiles/json/strictJson';
import { GradCaseError, parseGradCase, runGradCase } from '../../engine/gradCase';
import { gradCaseOverflow } from '../../engine/gradCaseRunner';

const FLAGS = {
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab grads CASE.json

One forward and backward pass (BPTT) in float64 on the sequence, weights and targets of CASE.json; no update.
Prints one JSON object: loss, outputs, grads (PyTorch layout), hidden_grads, hidden_grad_norms [L][T]
(‖∂J/∂h_k‖₂, total derivative), cell_grad_norms [L][T] (LSTM), final_hidden, final_cell (LSTM).
A case whose numbers overflow float64 (an output, the loss, a state or a gradient becomes ±Infinity or NaN) is
refused with exit 2, naming the first such value.
`;

export function gradsCommand(): CliCommand {
  return {
    summary: 'one exact forward + backward pass on a gradient case (JSON in, JSON out)',
    run: runGrads,
  };
}

async function runGrads(args: readonly string[]): Promise<number> {
  const flags = parseFlags('grads', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const [path] = requirePositionals('grads', flags, ['CASE.json']) as [string];
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    if (error instanceof FileReadError) throw new CliInputError(error.message);
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'unreadable';
    throw new CliInputError(`${path}: cannot read the case file (${reason})`);
  }
  // Strict JSON with a depth limit (src/modelFiles/json/jsonDepth.ts), located at line:column.
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON.
  const reading = readStrictJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!reading.ok) throw new CliInputError(`${path}:${reading.problem.line}:${reading.problem.column}: not valid JSON (${reading.problem.message})`);
  const json = reading.value;
  let result;
  try {
    const gradCase = parseGradCase(json);
    result = runGradCase(gradCase);
    // a loss or gradient that overflowed float64 comes from the case's numbers: exit 2 naming the value, not "loss": null
    const overflow = gradCaseOverflow(gradCase, result);
    if (overflow !== null) throw new CliInputError(`${path}: ${overflow}`);
  } catch (error) {
    if (error instanceof GradCaseError) throw new CliInputError(`${path}: ${error.message}`);
    throw error;
  }
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
  return 0;
}
