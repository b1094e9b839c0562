// Everything needed to train a saved run again headless (`rnn-lab train --from-run RUN_DIR`): its record, its data
// read again from where run.json says it came from (data.origin), its effective settings and the answers given about
// the data. Refuses, with what to do, when the run cannot be repeated: no origin (an older record), data that was
// never saved to a file, a file that is gone, or data whose SHA-256 no longer matches (checked by the caller after
// loading, since hashing happens while the data is read).
import type { OverviewOptions } from '../../data/intake';
import type { DataSource } from '../../data/load';
import type { DataOrigin, IntakeChoices, RecordedChoices } from '../../data/intakeTypes';
import type { DataPlatform } from '../../data/platform';
import type { RunRecord, SourcedSettings, TrainingSettings } from './runRecord';
import { resolveRecordedPath, textOfRanges } from './dataOrigin';
import { resolveSettings, settingsFrom, type SettingsOverrides } from '../settings/resolveSettings';
import { runRecordProblem, RUN_FILE } from './runRecordFile';

export class RerunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RerunError';
  }
}

export interface Rerun {
  readonly record: RunRecord;
  readonly source: DataSource;
  /** The recorded origin with its path resolved for this run folder (a workspace-relative path made whole). */
  readonly origin: DataOrigin;
  readonly settings: TrainingSettings;
  /** The recorded sourced settings, with today's defaults (source "default") for keys the record predates. */
  readonly config: SourcedSettings;
  readonly choices: IntakeChoices;
  /** How to read the table again: windowed (group false) or grouped by the same sequence and target columns. */
  readonly overview: OverviewOptions;
}

/**
 * Reads the run in `runDirectory` for a re-run. `check` says what is wrong with a record (undefined when nothing);
 * callers that can afford the full run-record schema (protocol/runRecordCheck.ts) pass it, the default checks only
 * what identifies a record.
 */
export async function prepareRerun(runDirectory: string, platform: DataPlatform, check: (value: unknown) => string | undefined = runRecordProblem): Promise<Rerun> {
  const runJson = `${runDirectory.replace(/[\\/]+$/, '')}/${RUN_FILE}`;
  let text: string;
  try {
    text = await platform.readText(runJson);
  } catch (error) {
    throw new RerunError(`${runJson}: cannot read the run record (${describeIo(error)}); give the folder of a saved run (.rnn-lab/runs/<id>/)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RerunError(`${runJson}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = runRecordProblem(value) ?? check(value);
  if (problem !== undefined) throw new RerunError(`${runJson}: ${problem}`);
  const record = value as RunRecord;
  const origin = record.data.origin;
  if (origin === undefined) {
    throw new RerunError(`${runJson}: the run does not record where its data came from (data.origin; runs saved before RNN Lab 0.1.0's run format 2); train it again in the editor to repeat it`);
  }
  if (origin.kind === 'text' || origin.path === null) {
    throw new RerunError(`${runJson}: the run trained on text that was never saved to a file (${record.data.source}); save the data to a file and train on it to make the run repeatable`);
  }
  const file = resolveRecordedPath(runDirectory, origin.path);
  if (file === undefined) {
    throw new RerunError(`${runJson}: the data path "${origin.path}" is relative to a workspace folder, but the run is not inside <folder>/.rnn-lab/runs/; run it from there`);
  }
  let source: DataSource;
  if (origin.kind === 'file') {
    source = { kind: 'file', path: file, label: origin.path };
  } else {
    let document: string;
    try {
      document = await platform.readText(file);
    } catch (error) {
      throw new RerunError(`${file}: cannot read the run's data (${describeIo(error)}); it was ${record.data.source}`);
    }
    const selected = textOfRanges(document.charCodeAt(0) === 0xfeff ? document.slice(1) : document, origin.ranges);
    if (selected === undefined) throw new RerunError(`${file}: the selection the run trained on (${record.data.source}) is no longer in the file; the data changed`);
    source = { kind: 'text', text: selected, label: record.data.source };
  }
  const recorded = record.data.choices ?? {};
  return {
    record,
    source,
    origin: { ...origin, path: file },
    settings: withRecordedArithmetic(settingsOf(record.config, runJson), record),
    config: completedConfig(record.config),
    choices: withoutGrouping(recorded),
    overview: overviewOf(recorded),
  };
}

/** The overview options of the recorded run: a grouped run names its sequence column and (when chosen) its target. */
function overviewOf(choices: RecordedChoices): OverviewOptions {
  return {
    ...(choices.group !== undefined ? { group: choices.group } : {}),
    ...(choices.groupColumn !== undefined ? { groupColumn: choices.groupColumn, ...(choices.target !== undefined ? { target: choices.target } : {}) } : {}),
  };
}

/** Every key of today's settings: the recorded entry where the record has one, else today's default. */
function completedConfig(config: SourcedSettings): SourcedSettings {
  const defaults = resolveSettings().settings as unknown as Record<string, Record<string, unknown>>;
  const recorded = config as unknown as Partial<Record<string, Record<string, unknown>>>;
  const completed = Object.fromEntries(Object.entries(defaults).map(([section, entries]) => [section, { ...entries, ...(recorded[section] ?? {}) }]));
  return completed as unknown as SourcedSettings;
}

/**
 * The precision and thread count the run resolved to, not the settings' `auto` and `0` (which depend on the machine):
 * a float32 run's numbers depend on how its mini-batches were split, so a re-run splits them the same way.
 */
function withRecordedArithmetic(settings: TrainingSettings, record: RunRecord): TrainingSettings {
  const arithmetic = record.arithmetic;
  if (arithmetic === undefined) return settings;
  return { ...settings, training: { ...settings.training, precision: arithmetic.precision, threads: arithmetic.threads } };
}

/** The plain settings a record holds; keys it predates take today's defaults. */
function settingsOf(config: SourcedSettings, runJson: string): TrainingSettings {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [section, entries] of Object.entries(config)) {
    values[section] = Object.fromEntries(Object.entries(entries as Record<string, { value: unknown }>).map(([name, entry]) => [name, entry.value]));
  }
  try {
    return settingsFrom(values as SettingsOverrides);
  } catch (error) {
    if (error instanceof RangeError) throw new RerunError(`${runJson}: config: ${error.message}`);
    throw error;
  }
}

function withoutGrouping(choices: RecordedChoices): IntakeChoices {
  const { group: _group, groupColumn: _groupColumn, ...rest } = choices;
  return rest;
}

function describeIo(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
