// Where a run's data came from, written so the run can read it again (run.json → data.origin): a path relative to the
// workspace folder whose `.rnn-lab/runs/` holds the run (so the folder can move or be cloned), or an absolute path when
// the data lies outside it or the run is kept in the extension's global storage; for a selection also the ranges.
// Paths are plain strings here (this part runs without Node): both separators are accepted, `/` is written.
import type { DataOrigin, TextRange } from '../../data/intakeTypes';

/** The runs folder inside a workspace folder. */
export const RUNS_FOLDER_SEGMENTS = ['.rnn-lab', 'runs'] as const;

function normalized(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+$/, '');
}

export function isAbsolutePath(path: string): boolean {
  return /^([a-zA-Z]:)?[\\/]/.test(path);
}

/** The folder above `<folder>/.rnn-lab/runs`, or undefined for another runs root (global storage). */
export function workspaceFolderOfRunsRoot(runsRoot: string): string | undefined {
  const suffix = `/${RUNS_FOLDER_SEGMENTS.join('/')}`;
  const root = normalized(runsRoot);
  return root.endsWith(suffix) ? runsRoot.slice(0, root.length - suffix.length) : undefined;
}

/** The parent folder of a path. */
export function parentFolder(path: string): string {
  const clean = normalized(path);
  const cut = clean.lastIndexOf('/');
  return cut <= 0 ? clean.slice(0, cut + 1) || '.' : path.slice(0, cut);
}

/** `file` relative to `folder` (with `/`) when it lies inside it, else `file` as given. */
export function pathForRecord(folder: string | undefined, file: string): string {
  if (folder === undefined) return file;
  const base = normalized(folder);
  const target = normalized(file);
  return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : file;
}

/** The file a recorded path names, for a run saved in `runDirectory`; undefined when a relative path cannot be resolved. */
export function resolveRecordedPath(runDirectory: string, recorded: string): string | undefined {
  if (isAbsolutePath(recorded)) return recorded;
  const folder = workspaceFolderOfRunsRoot(parentFolder(runDirectory));
  return folder === undefined ? undefined : `${folder}/${recorded}`;
}

/** The origin with its path made relative to the workspace folder of `runsRoot` where possible. */
export function originForRecord(origin: DataOrigin, runsRoot: string): DataOrigin {
  if (origin.kind === 'text' || origin.path === null) return origin;
  return { ...origin, path: pathForRecord(workspaceFolderOfRunsRoot(runsRoot), origin.path) };
}

/**
 * The text of `ranges` in `document` as an editor reads it: lines end at \r\n, \n or \r; a position's character is a
 * UTF-16 offset within its line; several ranges are joined with a newline; no ranges means the whole document.
 * Undefined when a range lies outside the document.
 */
export function textOfRanges(document: string, ranges: readonly TextRange[]): string | undefined {
  if (ranges.length === 0) return document;
  const lineStarts = [0];
  for (let index = 0; index < document.length; index += 1) {
    const code = document.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && document.charCodeAt(index + 1) !== 0x0a)) lineStarts.push(index + 1);
  }
  const offsetOf = (position: TextRange['start']): number | undefined => {
    const start = lineStarts[position.line];
    if (start === undefined) return undefined;
    const next = lineStarts[position.line + 1];
    const lineEnd = next === undefined ? document.length : next - (document[next - 2] === '\r' && document[next - 1] === '\n' ? 2 : 1);
    return position.character <= lineEnd - start ? start + position.character : undefined;
  };
  const parts: string[] = [];
  for (const range of ranges) {
    const from = offsetOf(range.start);
    const to = offsetOf(range.end);
    if (from === undefined || to === undefined || to < from) return undefined;
    parts.push(document.slice(from, to));
  }
  return parts.join('\n');
}
