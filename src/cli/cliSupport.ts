// Shared pieces of the `rnn-lab` subcommands: the command shape and the usage error (exit 2, one line, no stack).

export interface CliCommand {
  /** One line for `rnn-lab --help`. */
  readonly summary: string;
  /** Runs with the arguments after the subcommand name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

/** Bad flags or values: printed as one line naming the flag and the accepted values; exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** A data or model problem the user can fix (printed as `file:line:column: message`); exit code 2. */
export class CliInputError extends CliUsageError {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
