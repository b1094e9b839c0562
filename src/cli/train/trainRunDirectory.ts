// `rnn-lab train … --run-dir DIR`: the run folder the extension saves (<folder>/.rnn-lab/runs/<id>/), written by the
// CLI — run.json built by the extension's builder (lab/runs/runRecordBuilder.ts), model.json and, for BPTT runs,
// initial-model.json — through the same RunStore (node/runStore.ts: atomic writes, DIR's real path inside its
// parent's). The record's data.origin is what lab/runs/dataOrigin.ts reads back: relative to the workspace folder when
// DIR is <folder>/.rnn-lab/runs/<id>/, else the data file's absolute path, so `rnn-lab train --from-run DIR` and
// `rnn-lab report DIR` work on it wherever DIR is.
import { mkdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CliInputError, CliUsageError } from '../cliSupport';
import type { IntakePrepared } from '../../data/intake';
import type { DataOrigin, DataSummary } from '../../data/intakeTypes';
import { originForRecord } from '../../lab/runs/dataOrigin';
import { ENGLISH, describePrediction } from '../../lab/runs/predictionText';
import type { RunRecord, SourcedSettings } from '../../lab/runs/runRecord';
import type { RunStart } from '../../lab/runs/runRecordBuilder';
import { RunStore, RUN_FILE } from '../../node/runStore';

/** Where the run goes and how its record starts. */
export interface RunDirectoryPlan {
  readonly directory: string;
  readonly start: RunStart;
}

/** Refuses (exit 2) a DIR that is not a folder or already holds a run: a saved run is never overwritten. */
export async function refuseExistingRun(directory: string): Promise<void> {
  const kind = await entryKind(directory);
  if (kind === 'other') throw new CliUsageError(`--run-dir ${directory}: not a folder; give a folder for the run (it is created if missing)`);
  if (kind === 'folder' && (await entryKind(path.join(directory, RUN_FILE))) !== 'missing') {
    throw new CliUsageError(`--run-dir ${directory}: it already holds a run (${path.join(directory, RUN_FILE)}); give a new folder, or remove that run first`);
  }
}

/** The record's start: id = DIR's name, the settings with their sources, the data summary with `predicts` and origin. */
export function runDirectoryPlan(directory: string, name: string, config: SourcedSettings, prepared: IntakePrepared, origin: DataOrigin): RunDirectoryPlan {
  const data: DataSummary = { ...prepared.summary, predicts: describePrediction(ENGLISH, prepared.prediction), origin: originInRunDirectory(origin, directory) };
  return { directory, start: { id: path.basename(path.resolve(directory)), name, startedAt: new Date(), config, data } };
}

/** `origin` as a run saved in `directory` records it: a relative path made absolute, then workspace-relative if it can be. */
export function originInRunDirectory(origin: DataOrigin, directory: string): DataOrigin {
  const absolute = origin.kind === 'text' || origin.path === null ? origin : { ...origin, path: path.resolve(origin.path) };
  return originForRecord(absolute, path.dirname(path.resolve(directory)));
}

/** Creates DIR if missing and writes the model files, then run.json (refused if a run.json appeared meanwhile). */
export async function saveRunDirectory(plan: RunDirectoryPlan, record: RunRecord, modelJson: string, initialModelJson: string | null, quiet: boolean): Promise<void> {
  await refuseExistingRun(plan.directory);
  let directory: string;
  try {
    await mkdir(plan.directory, { recursive: true });
    directory = await realpath(plan.directory);
  } catch (error) {
    throw new CliInputError(`--run-dir ${plan.directory}: cannot create the folder (${errorCode(error)})`);
  }
  await new RunStore(path.dirname(directory)).save(directory, record, modelJson, initialModelJson);
  if (!quiet) process.stderr.write(`saved the run to ${plan.directory}\n`);
}

async function entryKind(file: string): Promise<'missing' | 'folder' | 'other'> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw new CliInputError(`--run-dir ${file}: cannot read it (${errorCode(error)})`);
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : error instanceof Error ? error.message : String(error);
}
