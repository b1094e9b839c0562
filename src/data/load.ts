// The data a run reads, loaded once: an editor selection's text or a file, parsed into a table and fingerprinted with
// the SHA-256 of exactly the bytes that were read (the file's bytes, or the UTF-8 of the text), so a later run can
// tell whether it is reading the same data (`rnn-lab train --from-run`).
import type { ParsedTable } from './parse/parsedTable';
import { loadTableFromFile, parseTableText } from './parse/loadTable';
import type { CancelSignal } from './cancel';
import { sha256OfText, type DataPlatform } from './platform';

export type DataSource =
  /** Text already in memory: an editor selection or document. */
  | { readonly kind: 'text'; readonly text: string; readonly label: string }
  /** A file, streamed in chunks. */
  | { readonly kind: 'file'; readonly path: string; readonly label: string };

export interface LoadedData {
  readonly table: ParsedTable;
  /** SHA-256 (hex) of the bytes read. */
  readonly sha256: string;
}

export interface LoadOptions {
  /** Refuse data larger than this many bytes. */
  readonly maxBytes: number;
  /** Stops the load (DataCancelled), data/cancel.ts. */
  readonly cancel?: CancelSignal;
}

export async function loadData(source: DataSource, platform: DataPlatform, options: LoadOptions): Promise<LoadedData> {
  if (source.kind === 'text') {
    const table = parseTableText(source.text, source.label, { maxBytes: options.maxBytes, ...(options.cancel !== undefined ? { cancel: options.cancel } : {}) });
    return { table, sha256: await sha256OfText(platform, source.text) };
  }
  const hash = platform.sha256();
  const table = await loadTableFromFile(source.path, platform, {
    maxBytes: options.maxBytes,
    sourceName: source.label,
    onBytes: (bytes) => hash.update(bytes),
    ...(options.cancel !== undefined ? { cancel: options.cancel } : {}),
  });
  return { table, sha256: await hash.digestHex() };
}
