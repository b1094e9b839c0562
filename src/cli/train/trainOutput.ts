// What `rnn-lab train` writes besides its --json object, shared by the BPTT and the echo state paths: the --save
// model file, the numbers of the progress and summary lines, and the comparison of a re-run (--from-run) with its record.
import { writeFile } from 'node:fs/promises';
import { CliInputError } from '../cliSupport';
import type { RunRecord } from '../../lab/runs/runRecord';

export async function saveModel(file: string, modelJson: string, quiet: boolean): Promise<void> {
  try {
    await writeFile(file, modelJson, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'write failed';
    throw new CliInputError(`--save ${file}: cannot write the model file (${reason})`);
  }
  if (!quiet) process.stderr.write(`saved the model to ${file}\n`);
}

export function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(6) : 'n/a';
}

export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** `rerun` of the --json object: whether every recorded epoch's training loss was reproduced bit for bit. */
export interface RerunComparison {
  readonly identical: boolean;
  readonly firstDifferentEpoch?: number;
  readonly json: { readonly rerun: Record<string, unknown> };
}

/** Compares with Object.is (bit for bit, −0 ≠ 0); a run that stopped earlier differs at its first missing epoch. */
export function compareRerun(record: RunRecord, repeatedLosses: readonly number[]): RerunComparison {
  const recorded = record.epochs.map((epoch) => epoch.trainLoss);
  const repeated = repeatedLosses.slice(0, recorded.length);
  const differing = recorded.findIndex((loss, index) => !Object.is(loss, repeated[index]));
  const identical = differing < 0 && repeated.length === recorded.length;
  const firstDifferentEpoch = identical ? undefined : differing < 0 ? repeated.length + 1 : differing + 1;
  return {
    identical,
    ...(firstDifferentEpoch !== undefined ? { firstDifferentEpoch } : {}),
    json: {
      rerun: {
        runId: record.id,
        engineVersion: record.engineVersion ?? null,
        recordedEpochs: recorded.length,
        identical,
        ...(firstDifferentEpoch !== undefined ? { firstDifferentEpoch } : {}),
      },
    },
  };
}

/** The re-run's last stderr line (the failure even with --quiet); exit 1 when it did not reproduce the run. */
export function reportRerun(record: RunRecord, comparison: RerunComparison, quiet: boolean, code: number): number {
  if (!comparison.identical) {
    process.stderr.write(`the re-run did not reproduce run ${record.id}: epoch ${comparison.firstDifferentEpoch ?? 1} differs\n`);
    return 1;
  }
  if (!quiet) process.stderr.write(`reproduced run ${record.id}: the ${record.epochs.length} epochs' training losses are identical\n`);
  return code;
}
