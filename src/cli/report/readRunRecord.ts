// Reads RUN_DIR/run.json for `rnn-lab report` through the one run-record check (parseRunRecord: field paths such as
// `run.epochs[3].trainLoss`, the sourced config values and data shapes the charts read, the version). Every problem
// is a CliInputError naming the file and the field: exit 2.
import { FileReadError, readTextFile } from '../../node/nodePlatform';
import * as path from 'node:path';
import { parseRunRecord } from '../../protocol/runRecordCheck';
import type { RunRecord } from '../../lab/runs/runRecord';
import { describeIssue } from '../../protocol/validation';
import { CliInputError } from '../cliSupport';

export const RUN_FILE_NAME = 'run.json';

/** Validates a parsed run.json with the one run-record check (protocol/runRecordCheck.ts); `file` names it in errors. */
export function validateRunRecord(raw: unknown, file: string): RunRecord {
  const parsed = parseRunRecord(raw);
  if (!parsed.ok) throw new CliInputError(`${file}: ${describeIssue(parsed.issue)}`);
  return parsed.value;
}

/** Reads and validates RUN_DIR/run.json (a path to the run.json itself is accepted too). */
export async function readRunRecord(runPath: string): Promise<{ record: RunRecord; directory: string; file: string }> {
  const file = path.basename(runPath) === RUN_FILE_NAME ? runPath : path.join(runPath, RUN_FILE_NAME);
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    if (error instanceof FileReadError) throw new CliInputError(error.message);
    const code = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'read failed';
    throw new CliInputError(`${file}: cannot read the run record (${code}); RUN_DIR must be a run folder holding run.json, e.g. .rnn-lab/runs/<timestamp>-<name>`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return { record: validateRunRecord(raw, file), directory: path.dirname(file), file };
}
