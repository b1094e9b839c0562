// Reads RUN_DIR/run.json for `rnn-lab report`: the panel's structural check (parseRunRecord, field paths such
// as `run.epochs[3].trainLoss`) plus the fields the report's charts read that the panel takes for granted (the
// sourced config values, the data shapes). Every problem is a CliInputError naming the file and the field: exit 2.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseRunRecord } from '../../protocol/runRecordCheck';
import type { RunRecord } from '../../lab/runs/runRecord';
import { describeIssue, isRecord, printable } from '../../protocol/validation';
import { RUN_RECORD_VERSION } from '../../lab/runs/runRecord';
import { CliInputError } from '../cliSupport';

export const RUN_FILE_NAME = 'run.json';

/** A field problem as one line, worded like describeIssue: `<file>: <path>: expected …, received …`. */
function fieldError(file: string, fieldPath: string, expected: string, received: unknown): CliInputError {
  return new CliInputError(`${file}: ${fieldPath}: expected ${expected}, received ${printable(received)}`);
}

/** Validates a parsed run.json; `file` names it in errors. */
export function validateRunRecord(raw: unknown, file: string): RunRecord {
  const parsed = parseRunRecord(raw);
  if (!parsed.ok) throw new CliInputError(`${file}: ${describeIssue(parsed.issue)}`);
  const record = parsed.value;
  if (typeof record.version !== 'number' || record.version > RUN_RECORD_VERSION) {
    throw fieldError(file, 'run.version', `a number ≤ ${RUN_RECORD_VERSION} (this RNN Lab reads run records up to version ${RUN_RECORD_VERSION})`, record.version);
  }
  const sourced: [section: string, name: string, type: 'string' | 'number'][] = [
    ['model', 'cell', 'string'],
    ['model', 'nonlinearity', 'string'],
    ['model', 'topology', 'string'],
    ['model', 'hiddenSize', 'number'],
    ['remedies', 'clipNorm', 'number'],
    ['remedies', 'clipValue', 'number'],
  ];
  const config = record.config as unknown as Record<string, Record<string, unknown>>;
  for (const [section, name, type] of sourced) {
    const entry = config[section]?.[name];
    if (!isRecord(entry)) throw fieldError(file, `run.config.${section}.${name}`, `{ "value": <${type}>, "source": … }`, entry);
    if (typeof entry.value !== type) throw fieldError(file, `run.config.${section}.${name}.value`, `a ${type}`, entry.value);
  }
  const shapes = record.data.shapes as unknown as Record<string, unknown>;
  for (const field of ['inputShape', 'targetShape'] as const) {
    const shape = shapes[field];
    if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => typeof n === 'number')) {
      throw fieldError(file, `run.data.shapes.${field}`, '[windows, steps, features] (three numbers)', shape);
    }
  }
  for (const field of ['trainWindows', 'validationWindows'] as const) {
    if (typeof shapes[field] !== 'number') throw fieldError(file, `run.data.shapes.${field}`, 'a number', shapes[field]);
  }
  if (typeof record.data.source !== 'string') throw fieldError(file, 'run.data.source', 'a string', record.data.source);
  return record;
}

/** Reads and validates RUN_DIR/run.json (a path to the run.json itself is accepted too). */
export async function readRunRecord(runPath: string): Promise<{ record: RunRecord; directory: string; file: string }> {
  const file = path.basename(runPath) === RUN_FILE_NAME ? runPath : path.join(runPath, RUN_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
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
