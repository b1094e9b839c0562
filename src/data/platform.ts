// What the vscode-free parts (data, lab) need from the platform they run on — reading files and hashing — passed in
// as an object, so the same code runs in the extension's Node workers, the `rnn-lab` CLI, the tests, and later a
// browser web worker (VS Code for the Web), where only the adapter changes. src/node/nodePlatform.ts is the Node one.

/** What is at a path. */
export type PathKind = 'file' | 'directory' | 'other';

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
  /** The file's bytes in chunks of at most `chunkBytes`. */
  readChunks(path: string, chunkBytes: number): AsyncIterable<Uint8Array>;
  /** The whole file as UTF-8 text (for small files: run records, model files). */
  readText(path: string): Promise<string>;
  sha256(): Sha256;
}

/** SHA-256 of a string's UTF-8 bytes. */
export async function sha256OfText(platform: DataPlatform, text: string): Promise<string> {
  const hash = platform.sha256();
  hash.update(new TextEncoder().encode(text));
  return hash.digestHex();
}
