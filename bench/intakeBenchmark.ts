// The large-file target as a measurement of `npm run bench` (runBenchmark.ts; never a timed unit test): write a CSV
// of the given size to the temp folder, time the refusal at the default 20 MB limit and a full streamed read with the
// limit raised, then delete the file.
import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { isDataError } from '../src/data/dataError';
import { DEFAULT_MAX_BYTES, loadTableFromFile } from '../src/data/parse/loadTable';
import { nodePlatform } from '../src/node/nodePlatform';

export const LARGE_CSV_TARGET_SECONDS = 15;

export interface IntakeMeasurement {
  readonly bytes: number;
  readonly rows: number;
  /** Seconds until a file over the default limit is refused (should be immediate). */
  readonly refusalSeconds: number;
  readonly refusalMessage: string;
  /** Seconds to stream and parse the whole file with the limit raised. */
  readonly readSeconds: number;
  readonly rowsPerSecond: number;
  readonly met: boolean;
}

/** Default 60 MB: a date column, two number columns and a label, like a sensor export. */
export async function measureLargeCsvIntake(megabytes = 60): Promise<IntakeMeasurement> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'rnnlab-intake-'));
  const file = path.join(directory, 'large.csv');
  try {
    const bytes = await writeSensorCsv(file, megabytes * 1024 * 1024);
    let started = process.hrtime.bigint();
    let refusalMessage = '';
    try {
      await loadTableFromFile(file, nodePlatform, { maxBytes: DEFAULT_MAX_BYTES });
    } catch (error) {
      if (!isDataError(error)) throw error;
      refusalMessage = error.message;
    }
    const refusalSeconds = secondsSince(started);
    started = process.hrtime.bigint();
    const table = await loadTableFromFile(file, nodePlatform, { maxBytes: bytes + 1 });
    const readSeconds = secondsSince(started);
    return {
      bytes,
      rows: table.rows,
      refusalSeconds,
      refusalMessage,
      readSeconds,
      rowsPerSecond: table.rows / readSeconds,
      met: readSeconds < LARGE_CSV_TARGET_SECONDS && (bytes <= DEFAULT_MAX_BYTES || refusalMessage !== ''),
    };
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}

async function writeSensorCsv(file: string, targetBytes: number): Promise<number> {
  const stream = createWriteStream(file);
  let written = 0;
  let row = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write('time,temperature,pressure,status\n');
  while (written < targetBytes) {
    const lines: string[] = [];
    for (let index = 0; index < 1000; index += 1, row += 1) {
      const minute = String(row % 60).padStart(2, '0');
      lines.push(`2024-05-01T12:${minute},${(20 + 5 * Math.sin(row / 100)).toFixed(4)},${(1013 + Math.cos(row / 77)).toFixed(3)},ok\n`);
    }
    await write(lines.join(''));
  }
  stream.end();
  await once(stream, 'finish');
  return written;
}

function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
