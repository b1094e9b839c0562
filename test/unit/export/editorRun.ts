// Trains a run the way the extension does (training worker intake → training → run.json and model.json in a run
// folder), without VS Code: the runs the export tests hand over to PyTorch. The same steps as host/training's flow.
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
import type { DataSource } from '../../../src/protocol/intakeProtocol';

export interface SavedEditorRun {
  readonly record: RunRecord;
  readonly directory: string;
}

/** Trains `file` with the settings `args` (as command arguments) and saves the run under `runsRoot`. */
export async function trainLikeTheEditor(workerScript: string, file: string, runsRoot: string, args: SettingsOverrides, choices: IntakeChoices = {}): Promise<SavedEditorRun> {
  const worker = new TrainingWorker(workerScript, () => undefined);
  try {
    const source: DataSource = { kind: 'file', path: file, label: path.basename(file) };
    const origin: DataOrigin = { kind: 'file', path: file };
    const loaded = await worker.load(source, { maxBytes: 20 * 1024 * 1024 });
    if (loaded.type !== 'dataLoaded') throw new Error(`not loaded: ${JSON.stringify(loaded)}`);
    const decided = topologyDecidedBy(loaded.overview);
    const resolved = resolveSettings({ args: decided === undefined ? args : { ...args, model: { ...(args.model ?? {}), topology: decided } } });
    assert.deepEqual(resolved.problems, []);
    const preparedReply = await worker.prepare(choices, plainSettings(resolved.settings));
    if (preparedReply.type !== 'dataPrepared') throw new Error(`not prepared: ${JSON.stringify(preparedReply)}`);
    const startedAt = new Date();
    const store = new RunStore(runsRoot);
    const { id, directory } = await store.createRunDirectory(startedAt, path.basename(file));
    const builder = new RunRecordBuilder({
      id,
      name: path.basename(file),
      startedAt,
      config: resolved.settings,
      data: { ...preparedReply.prepared.summary, predicts: 'as the preview says', origin: originForRecord(origin, runsRoot), choices },
    });
    const terminal = await worker.start({ runId: id }, (message) => builder.addBatch(message));
    if (terminal.type !== 'done') throw new Error(`not done: ${JSON.stringify(terminal).slice(0, 300)}`);
    builder.addBatch(terminal);
    const record = builder.finish({ status: 'completed', finishedAt: new Date(), modelFile: 'model.json' });
    await store.save(directory, record, terminal.modelJson);
    return { record, directory };
  } finally {
    worker.dispose();
  }
}
