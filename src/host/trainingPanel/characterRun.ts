// Which runs are character models (min-char-rnn: plain text in, the next character out), and so get the training
// panel's "Text sample" card instead of the predictions chart (issue 6, chart 6). Read from what every run record
// stores — the host's character-data intake (characterTrainingData.ts) is the only one that produces a
// synced many-to-many model over the single column "text" with one-hot inputs of the vocabulary size, targets of one
// class per step, and no normalisation — so a run still training is recognised too. The saved model.json remains the
// authority: the sampling worker refuses a file without a character vocabulary.
import type { RunRecord } from '../../lab/runs/runRecord';
import type { TextSampleAvailability } from '../../protocol/textSampleProtocol';

export function isCharacterRunRecord(record: RunRecord): boolean {
  const shapes = record.data?.shapes;
  const topology = record.config?.model?.topology?.value;
  if (shapes === undefined || topology !== 'many-to-many-synced') return false;
  const columns = shapes.columnsUsed;
  return (
    Array.isArray(columns) &&
    columns.length === 1 &&
    columns[0] === 'text' &&
    shapes.targetShape?.[2] === 1 &&
    (shapes.inputShape?.[2] ?? 0) >= 2 &&
    Array.isArray(record.data.normalization) &&
    record.data.normalization.length === 0
  );
}

/**
 * The card's state for a run, or null when the run is not a character model: `waiting` while it trains, `ready` once
 * its run.json and model.json are saved, `noModel` when it ended without a model file.
 */
export function textSampleAvailability(record: RunRecord, runJsonPath: string | null): TextSampleAvailability | null {
  if (!isCharacterRunRecord(record)) return null;
  if (record.status === 'running' || runJsonPath === null) return record.status === 'running' ? 'waiting' : 'noModel';
  return record.modelFile !== null && record.modelFile !== undefined ? 'ready' : 'noModel';
}
