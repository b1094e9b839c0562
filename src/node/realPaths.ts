// Where a path really leads: "inside the workspace" is decided on real paths (every symbolic link resolved), never on
// path text, because a cloned repository may contain links (`data -> /home/me/.ssh`, `.rnn-lab/runs -> /tmp/x`).
// Used by the run store (runStore.ts), the data path of a *.rnn.json and chart exports given a target path.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** True when `child` is `parent` or below it (both absolute, already resolved). */
export function isPathInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * The real path of `target` (every symbolic link resolved); for a path not created yet, the real path of its deepest
 * existing ancestor with the missing part appended — where a `mkdir -p` of it would really write.
 */
export async function realPathOf(target: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The first of `folders` whose real path holds the real path of `target`, or undefined. */
export async function containingFolder(target: string, folders: readonly string[]): Promise<string | undefined> {
  const realTarget = await realPathOf(target);
  for (const folder of folders) {
    if (isPathInside(realTarget, await realPathOf(folder))) return folder;
  }
  return undefined;
}
