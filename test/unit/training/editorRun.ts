// Trains and saves a run the way the extension does (host/training/trainFlow.ts, runManager.ts) without VS Code:
// the training worker's intake → training → run.json, model.json and initial-model.json in a run folder of the run
// store. The one-pipeline tests compare it with the CLI; the export tests hand it over to PyTorch.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { topologyDecidedBy } from '../../../src/data/intake';
import type { DataOrigin, IntakeChoices } from '../../../src/data/intakeTypes';
import { TrainingWorker } from '../../../src/host/training/trainingWorkerClient';
import { originForRecord } from '../../../src/lab/runs/dataOrigin';
import { RunRecordBuilder } from '../../../src/lab/runs/runRecordBuilder';
import type { RunRecord } from '../../../src/lab/runs/runRecord';
import { plainSettings, resolveSettings, type SettingsOverrides } from '../../../src/lab/settings/resolveSettings';
import { RunStore } from '../../../src/node/runStore';
import type { DataSource, PreparedDataSummary } from '../../../src/protocol/intakeProtocol';

export interface EditorRun {
  readonly prepared: PreparedDataSummary;
  readonly losses: number[];
  readonly record: RunRecord;
  readonly directory: string;
}

/** Trains `source` with the settings `args` (as command arguments) in a fresh worker and saves the run under `runsRoot`. */
export async function trainLikeTheEditor(
  workerScript: string,
  source: DataSource,
  origin: DataOrigin,
  runsRoot: string,
  args: SettingsOverrides,
  choices: IntakeChoices = {},
): Promise<EditorRun> {
  const worker = new TrainingWorker(workerScript, () => undefined);
  try {
    return await trainIn(worker, source, origin, runsRoot, args, choices);
  } finally {
    // a failed step must not leave the thread running (mocha would never exit)
    worker.dispose();
  }
}

/** A data file trained as "Train on File" does. */
export function trainFileLikeTheEditor(workerScript: string, file: string, runsRoot: string, args: SettingsOverrides): Promise<EditorRun> {
  return trainLikeTheEditor(workerScript, { kind: 'file', path: file, label: path.basename(file) }, { kind: 'file', path: file }, runsRoot, args);
}

async function trainIn(worker: TrainingWorker, source: DataSource, origin: DataOrigin, runsRoot: string, args: SettingsOverrides, choices: IntakeChoices): Promise<EditorRun> {
  const loaded = await worker.load(source, { maxBytes: 20 * 1024 * 1024 });
  assert.equal(loaded.type, 'dataLoaded', JSON.stringify(loaded));
  if (loaded.type !== 'dataLoaded') throw new Error('not loaded');
  const decided = topologyDecidedBy(loaded.overview);
  const resolved = resolveSettings({ args: decided === undefined ? args : { ...args, model: { ...(args.model ?? {}), topology: decided } } });
  assert.deepEqual(resolved.problems, []);
  const settings = plainSettings(resolved.settings);
  const preparedReply = await worker.prepare(choices, settings);
  assert.equal(preparedReply.type, 'dataPrepared', JSON.stringify(preparedReply));
  if (preparedReply.type !== 'dataPrepared') throw new Error('not prepared');
  const prepared = preparedReply.prepared;
  const startedAt = new Date();
  const store = new RunStore(runsRoot);
  const { id, directory } = await store.createRunDirectory(startedAt, path.basename(source.label));
  const builder = new RunRecordBuilder({
    id,
    name: source.label,
    startedAt,
    config: resolved.settings,
    data: { ...prepared.summary, predicts: 'as the preview says', origin: originForRecord(origin, runsRoot) },
  });
  const terminal = await worker.start({ runId: id }, (message) => builder.addBatch(message));
  assert.equal(terminal.type, 'done', JSON.stringify(terminal).slice(0, 300));
  if (terminal.type !== 'done') throw new Error('not done');
  builder.addBatch(terminal);
  if (terminal.validationPredictions !== undefined) builder.setValidationPredictions(terminal.validationPredictions);
  const record = builder.finish({
    status: 'completed',
    finishedAt: new Date(),
    modelFile: 'model.json',
    initialModelFile: 'initial-model.json',
    // as runManager.ts records it from the worker's terminal message
    ...(terminal.arithmetic !== undefined ? { arithmetic: terminal.arithmetic } : {}),
  });
  await store.save(directory, record, terminal.modelJson, terminal.initialModelJson);
  return { prepared, losses: record.epochs.map((epoch) => epoch.trainLoss), record, directory };
}
