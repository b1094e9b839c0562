// The Node implementation of the data part's platform (src/data/platform.ts): node:fs for files, node:crypto for
// SHA-256. Used by the training worker, the `rnn-lab` CLI and the tests.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import { MAX_TEXT_FILE_BYTES, notAFileProblem, type DataPlatform, type PathInfo, type PathKind, type Sha256 } from '../data/platform';

export const nodePlatform: DataPlatform = {
  async stat(path: string): Promise<PathInfo> {
    const stats = await fs.stat(path);
    const kind = pathKind(stats);
    return { kind, size: kind === 'file' ? stats.size : 0 };
  },
  async *readChunks(path: string, chunkBytes: number): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) yield chunk as Buffer;
  },
  readText(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<string> {
    return readTextFile(path, maxBytes);
  },
  sha256(): Sha256 {
    const hash = createHash('sha256');
    return {
      update: (bytes) => void hash.update(bytes),
      digestHex: () => Promise.resolve(hash.digest('hex')),
    };
  },
};

export function pathKind(stats: Stats): PathKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** An error `path: problem` with a code (ENOTFILE, EFBIG), as node:fs errors carry theirs. */
export class FileReadError extends Error {
  constructor(
    readonly code: 'ENOTFILE' | 'EFBIG',
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'FileReadError';
  }
}

/**
 * A regular file's text, at most `maxBytes` of UTF-8. The path is checked with stat before it is opened (a FIFO's
 * open blocks until a writer comes, a device never ends), and reading stops one byte past the limit should the file
 * grow in between, so nothing is ever read without bound.
 */
export async function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<string> {
  const stats = await fs.stat(path);
  const kind = pathKind(stats);
  if (kind !== 'file') throw new FileReadError('ENOTFILE', path, notAFileProblem(kind));
  if (stats.size > maxBytes) throw new FileReadError('EFBIG', path, tooLargeProblem(megabytes(stats.size), maxBytes));
  const handle = await fs.open(path, 'r');
  try {
    // Chunks until the end of the file, not stats.size bytes: a file may grow, and some (/proc) report size 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError('EFBIG', path, tooLargeProblem(`more than ${megabytes(maxBytes)}`, maxBytes));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    await handle.close();
  }
}

function tooLargeProblem(size: string, maxBytes: number): string {
  return `the file is ${size}, over the limit of ${megabytes(maxBytes)} for a file read whole (model files, gradient cases, run records); use a smaller file`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
