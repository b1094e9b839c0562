// The Node implementation of the data part's platform (src/data/platform.ts): node:fs for files, node:crypto for
// SHA-256. Used by the training worker, the `rnn-lab` CLI and the tests.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { DataPlatform, PathInfo, Sha256 } from '../data/platform';

export const nodePlatform: DataPlatform = {
  async stat(path: string): Promise<PathInfo> {
    const stats = await fs.stat(path);
    if (stats.isFile()) return { kind: 'file', size: stats.size };
    return { kind: stats.isDirectory() ? 'directory' : 'other', size: 0 };
  },
  async *readChunks(path: string, chunkBytes: number): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) yield chunk as Buffer;
  },
  readText(path: string): Promise<string> {
    return fs.readFile(path, 'utf8');
  },
  sha256(): Sha256 {
    const hash = createHash('sha256');
    return {
      update: (bytes) => void hash.update(bytes),
      digestHex: () => Promise.resolve(hash.digest('hex')),
    };
  },
};
