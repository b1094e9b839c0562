// The headless `rnn-lab` command: same engine and data code as the extension, no vscode.
// Each subcommand lives in its own folder (./<command>/<command>Command.ts) and is listed once here.
import { CliInputError, CliUsageError, type CliCommand } from './cliSupport';
import { RNN_LAB_VERSION } from '../lab/version';
import { benchCommand } from './bench/benchCommand';
import { demoCommand } from './demo/demoCommand';
import { exportCommand } from './export/exportCommand';
import { gradcheckCommand } from './gradcheck/gradcheckCommand';
import { gradsCommand } from './grads/gradsCommand';
import { inspectCommand } from './inspect/inspectCommand';
import { reportCommand } from './report/reportCommand';
import { sampleCommand } from './sample/sampleCommand';
import { topologyCommand } from './topology/topologyCommand';
import { trainCommand } from './train/trainCommand';

const COMMANDS: Record<string, () => CliCommand> = {
  bench: benchCommand,
  demo: demoCommand,
  export: exportCommand,
  grads: gradsCommand,
  gradcheck: gradcheckCommand,
  inspect: inspectCommand,
  report: reportCommand,
  sample: sampleCommand,
  topology: topologyCommand,
  train: trainCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const factory = COMMANDS[name];
  if (factory === undefined) {
    throw new CliUsageError(`unknown command "${name}"; accepted: ${Object.keys(COMMANDS).join(', ')}`);
  }
  return factory().run(rest);
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, factory]) => `  rnn-lab ${name.padEnd(10)} ${factory().summary}`);
  return `rnn-lab ${VERSION} — recurrent neural networks and backpropagation through time, headless\n\nUsage:\n${lines.join('\n')}\n\nRun "rnn-lab <command> --help" for the flags of one command.\n`;
}

const VERSION = RNN_LAB_VERSION;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliInputError) {
      // Already located (`file:line:column: message`): printed as is, so editors and scripts can parse it.
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof CliUsageError) {
      process.stderr.write(`rnn-lab: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rnn-lab: ${message}\n`);
    process.exitCode = 1;
  },
);
