// The Node run store — saved runs on disk: `<root>/<timestamp>-<name>/run.json`, `model.json` (engine serialisation,
// PyTorch names) and `initial-model.json` (the same for the parameters before the first update).
// The root is `<workspace>/.rnn-lab/runs` or the extension's global storage (runStoreLocation.ts); this class never
// writes anywhere else. "Inside" is decided on real paths (symbolic links resolved), not on path text: a committed
// `.rnn-lab` or `.rnn-lab/runs` that is a link to somewhere outside the workspace folder (`within`) is refused before
// anything is created, so a cloned repository cannot redirect the writes. Files are written to a temporary name and
// renamed, so a crash never leaves half a run.json.
// No vscode import, so unit tests exercise it on a temporary folder.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readTextFile } from './nodePlatform';
import type { RunRecord } from '../lab/runs/runRecord';
import { isPathInside, realPathOf } from './realPaths';
export { isPathInside, realPathOf } from './realPaths';
import { INITIAL_MODEL_FILE, MODEL_FILE, RUN_FILE, runFolderName, runRecordProblem, type RunListing, type SavedRunPaths } from '../lab/runs/runRecordFile';
export { INITIAL_MODEL_FILE, MODEL_FILE, RUN_FILE, runFolderName, runRecordProblem, type RunListing, type SavedRunPaths } from '../lab/runs/runRecordFile';

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text, 'utf8');
  await fs.rename(temporary, file);
}

export interface RunStoreOptions {
  /** The folder the store's real path must stay in (the workspace folder, or the extension's storage). */
  readonly within?: string;
}

export class RunStore {
  constructor(
    readonly root: string,
    private readonly options: RunStoreOptions = {},
  ) {}

  /** A fresh folder for a run (a numeric suffix avoids clashes when two runs start in the same millisecond). */
  async createRunDirectory(startedAt: Date, name: string): Promise<{ readonly id: string; readonly directory: string }> {
    await this.assertRootConfined();
    await fs.mkdir(this.root, { recursive: true });
    await this.assertRootConfined();
    const base = runFolderName(startedAt, name);
    for (let attempt = 0; ; attempt++) {
      const id = attempt === 0 ? base : `${base}-${attempt + 1}`;
      const directory = path.join(this.root, id);
      try {
        await fs.mkdir(directory);
        return { id, directory };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  /**
   * Writes model.json and initial-model.json (each when given) and then run.json into the run's folder, so a run.json
   * never names a model file that is not there yet.
   */
  async save(directory: string, record: RunRecord, modelJson: string | null, initialModelJson: string | null = null): Promise<SavedRunPaths> {
    await this.assertInside(directory);
    const modelJsonPath = await this.writeOptional(directory, MODEL_FILE, modelJson);
    const initialModelJsonPath = await this.writeOptional(directory, INITIAL_MODEL_FILE, initialModelJson);
    const runJsonPath = path.join(directory, RUN_FILE);
    await writeAtomically(runJsonPath, `${JSON.stringify(record, null, 1)}\n`);
    return { directory, runJsonPath, modelJsonPath, initialModelJsonPath };
  }

  private async writeOptional(directory: string, name: string, text: string | null): Promise<string | null> {
    if (text === null) return null;
    const file = path.join(directory, name);
    await writeAtomically(file, text);
    return file;
  }

  /** Removes a run folder created for a run that produced nothing worth keeping. */
  async discard(directory: string): Promise<void> {
    await this.assertInside(directory);
    await fs.rm(directory, { recursive: true, force: true });
  }

  /** Saved runs, newest first; folders without a readable run.json are reported in `skipped`. */
  async list(): Promise<{ readonly runs: RunListing[]; readonly skipped: { readonly folder: string; readonly reason: string }[] }> {
    let folders: string[];
    try {
      folders = (await fs.readdir(this.root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], skipped: [] };
      throw error;
    }
    const runs: RunListing[] = [];
    const skipped: { folder: string; reason: string }[] = [];
    for (const folder of folders.sort().reverse()) {
      const runJsonPath = path.join(this.root, folder, RUN_FILE);
      try {
        const record = await this.read(runJsonPath);
        const last = record.epochs[record.epochs.length - 1];
        runs.push({
          id: record.id,
          name: record.name,
          status: record.status,
          startedAt: record.startedAt,
          epochs: record.epochs.length,
          lastEpochTrainLoss: last?.trainLoss ?? null,
          lastEpochValidationLoss: last?.validationLoss ?? null,
          runJsonPath,
        });
      } catch (error) {
        skipped.push({ folder, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { runs, skipped };
  }

  async read(runJsonPath: string): Promise<RunRecord> {
    // A regular file of at most 64 MB (nodePlatform.ts): a run folder is never trusted to hold one.
    const text = await readTextFile(runJsonPath);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(`${runJsonPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const problem = runRecordProblem(value);
    if (problem !== undefined) throw new Error(`${runJsonPath}: ${problem}`);
    return value as RunRecord;
  }

  /** The root's real path, refused when it leaves `within` (e.g. `.rnn-lab/runs` is a link out of the workspace). */
  private async assertRootConfined(): Promise<string> {
    const realRoot = await realPathOf(this.root);
    const within = this.options.within;
    if (within !== undefined) {
      const realWithin = await realPathOf(within);
      if (!isPathInside(realRoot, realWithin)) {
        throw new Error(
          `refusing to save runs in ${realRoot}: the run folder ${this.root} leads outside ${realWithin} through a symbolic link. Remove the link (or make it point inside ${realWithin}) and train again.`,
        );
      }
    }
    return realRoot;
  }

  /** The store writes only below its root, on real paths (issues 5 and 13: nothing outside the workspace or storage). */
  private async assertInside(directory: string): Promise<void> {
    const realRoot = await this.assertRootConfined();
    const realDirectory = await realPathOf(directory);
    if (realDirectory === realRoot || !isPathInside(realDirectory, realRoot)) {
      throw new Error(`refusing to write outside the run store ${realRoot}: ${directory}`);
    }
  }
}
