// Writes an export bundle (lab/export/exportBundle.ts) to disk: the folders it needs, then every file through a
// temporary name and a rename, so an interrupted export never leaves half a script. Used by `rnn-lab export` and the
// extension's export worker.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ExportBundle } from '../lab/export/exportBundle';

export async function writeExportBundle(bundle: ExportBundle): Promise<void> {
  for (const file of bundle.files) {
    await fs.mkdir(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    await fs.writeFile(temporary, file.contents, 'utf8');
    await fs.rename(temporary, file.path);
  }
}
