// Entry points of the export (issue 14): a saved run folder, or a `*.rnn.json` config plus a data file, → an
// ExportBundle (exportBundle.ts). Implementation lands with the PyTorch script generator.
import type { DataPlatform } from '../../data/platform';
import { ExportError, type ExportBundle, type ExportTarget } from './exportBundle';

export interface ExportOptions {
  /** Where the script goes (default: inside the run folder, exportBundle.ts names). */
  readonly out?: string;
  /** Default: pytorch for RNN/LSTM/GRU runs, numpy for echo state networks. */
  readonly target?: ExportTarget;
}

export async function buildRunExport(runDirectory: string, platform: DataPlatform, options: ExportOptions = {}): Promise<ExportBundle> {
  void platform;
  void options;
  throw new ExportError(`${runDirectory}: export is not wired yet`);
}
