// A saved run's data source (run.json → data.source), turned back into a file and an optional line range so Compare
// Remedies can train the line-up on the same data. The source is written by the training commands as a path
// (relative to the workspace folder, or absolute) or as "<path> (selection, lines a–b)" (localised words, so only the
// shape "(… a–b)" at the end is relied on). No vscode import.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SavedRunDataFile {
  readonly file: string;
  /** 1-based inclusive line range of a selection; undefined for the whole file. */
  readonly lines?: { readonly first: number; readonly last: number };
}

/** Resolves `source` against the given folders (absolute paths as they are); undefined when no such file exists. */
export function resolveSavedRunSource(source: string, folders: readonly string[]): SavedRunDataFile | undefined {
  const selection = /^(.*\S)\s+\([^()]*?(\d+)\s*[–-]\s*(\d+)\)$/.exec(source.trim());
  const name = selection === null ? source.trim() : selection[1]!;
  const lines = selection === null ? undefined : { first: Number(selection[2]), last: Number(selection[3]) };
  const candidates = path.isAbsolute(name) ? [name] : folders.map((folder) => path.join(folder, name));
  const file = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  if (file === undefined) return undefined;
  return lines === undefined || lines.first < 1 || lines.last < lines.first ? { file } : { file, lines };
}

/** Lines first…last (1-based, inclusive) of a text. */
export function sliceLines(text: string, lines: { readonly first: number; readonly last: number }): string {
  return text.split(/\r?\n/).slice(lines.first - 1, lines.last).join('\n');
}

/** The data source of the newest run.json under the runs folders (run folders are named by start time, ISO first). */
export function newestRunSource(runsRoots: readonly string[]): { source: string; runFolder: string } | undefined {
  let newest: { name: string; folder: string } | undefined;
  for (const root of runsRoots) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root)) {
      const folder = path.join(root, name);
      if (!fs.existsSync(path.join(folder, 'run.json'))) continue;
      if (newest === undefined || name > newest.name) newest = { name, folder };
    }
  }
  if (newest === undefined) return undefined;
  const source = runDataSource(newest.folder);
  return source === undefined ? undefined : { source, runFolder: newest.folder };
}

/** data.source of the run.json in a run folder; undefined when missing or unreadable. */
export function runDataSource(runFolder: string): string | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(runFolder, 'run.json'), 'utf8')) as { data?: { source?: unknown } };
    return typeof record.data?.source === 'string' ? record.data.source : undefined;
  } catch {
    return undefined;
  }
}
