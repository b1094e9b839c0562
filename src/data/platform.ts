// What the vscode-free parts (data, lab) need from the platform they run on — reading files and hashing — passed in
// as an object, so the same code runs in the extension's Node workers, the `rnn-lab` CLI, the tests, and later a
// browser web worker (VS Code for the Web), where only the adapter changes. src/node/nodePlatform.ts is the Node one.

/** What is at a path. Only a regular file is ever opened: a device (/dev/zero) never ends, a FIFO blocks the reader. */
export type PathKind = 'file' | 'directory' | 'character-device' | 'block-device' | 'fifo' | 'socket' | 'other';

/** Largest text file read whole (`readText`): model files, gradient cases, run records. Data has its own limit. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/** Why a path that is not a regular file cannot be read, as the end of `path: …` ("this is a folder, not a file"). */
export function notAFileProblem(kind: Exclude<PathKind, 'file'>): string {
  switch (kind) {
    case 'directory':
      return 'this is a folder, not a file';
    case 'character-device':
      return 'this is a character device, not a regular file';
    case 'block-device':
      return 'this is a block device, not a regular file';
    case 'fifo':
      return 'this is a named pipe (FIFO), not a regular file; save the data to a file first';
    case 'socket':
      return 'this is a socket, not a regular file';
    default:
      return 'this is not a regular file';
  }
}

export interface PathInfo {
  readonly kind: PathKind;
  /** Bytes (files only; 0 otherwise). */
  readonly size: number;
}

/** An incremental SHA-256 (FIPS 180-4) over the bytes given to `update`, in order. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  /** Lower-case hex of the 32-byte digest; call once, after the last update. */
  digestHex(): Promise<string>;
}

/** The platform's I/O. Errors carry a `code` such as 'ENOENT' or 'EACCES' where the platform has one. */
export interface DataPlatform {
  stat(path: string): Promise<PathInfo>;
  /** The file's bytes in chunks of at most `chunkBytes` (callers check `stat` first: regular files only). */
  readChunks(path: string, chunkBytes: number): AsyncIterable<Uint8Array>;
  /**
   * The whole file as UTF-8 text (for small files: run records, model files). Refuses anything but a regular file and
   * files over `maxBytes` (default MAX_TEXT_FILE_BYTES) with an error whose `code` is 'ENOTFILE' or 'EFBIG' and whose
   * message is `path: what is wrong`, without opening the path (a FIFO would block).
   */
  readText(path: string, maxBytes?: number): Promise<string>;
  sha256(): Sha256;
}

/** SHA-256 of a string's UTF-8 bytes. */
export async function sha256OfText(platform: DataPlatform, text: string): Promise<string> {
  const hash = platform.sha256();
  hash.update(new TextEncoder().encode(text));
  return hash.digestHex();
}
