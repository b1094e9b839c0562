// The run folder's files and the check every reader of run.json applies first. Pure (no I/O): the Node run store
// (src/node/runStore.ts), `rnn-lab train --from-run` and the report all use it.
import { RUN_RECORD_FORMAT, RUN_RECORD_VERSION, type RunRecord, type RunStatus } from './runRecord';

export const RUN_FILE = 'run.json';
export const MODEL_FILE = 'model.json';
/** The parameters as initialised, before the first update (same format as model.json; BPTT runs only). */
export const INITIAL_MODEL_FILE = 'initial-model.json';
/** Longest name part of a run folder. */
const MAX_NAME_LENGTH = 40;

export interface SavedRunPaths {
  readonly directory: string;
  readonly runJsonPath: string;
  readonly modelJsonPath: string | null;
  readonly initialModelJsonPath: string | null;
}

/** One line of the "Open Run…" list, read from run.json. */
export interface RunListing {
  readonly id: string;
  readonly name: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly epochs: number;
  /** The last epoch's reported losses: training is the running mean over its mini-batches, validation J after it. */
  readonly lastEpochTrainLoss: number | null;
  readonly lastEpochValidationLoss: number | null;
  readonly runJsonPath: string;
}

/** `2026-11-27T21-15-00-123Z-sine-wave`: sorts by time, safe on every file system. */
export function runFolderName(startedAt: Date, name: string): string {
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/g, '');
  return slug === '' ? `${stamp}-run` : `${stamp}-${slug}`;
}

/** Checks the fields Open Run relies on; returns a reason when `value` is not a run record this version reads. */
export function runRecordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const record = value as Partial<Record<keyof RunRecord, unknown>>;
  if (record.format !== RUN_RECORD_FORMAT) return `"format" is not "${RUN_RECORD_FORMAT}"`;
  if (typeof record.version !== 'number' || record.version > RUN_RECORD_VERSION) {
    return `"version" ${String(record.version)} is newer than ${RUN_RECORD_VERSION}`;
  }
  for (const field of ['id', 'name', 'status', 'startedAt'] as const) {
    if (typeof record[field] !== 'string') return `"${field}" is missing`;
  }
  if (!Array.isArray(record.epochs)) return '"epochs" is not an array';
  return undefined;
}

