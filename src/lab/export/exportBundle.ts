// What an export produces: a standalone training script for another framework (PyTorch for RNN/LSTM/GRU runs, NumPy
// for echo state networks) and the sidecar file it reads (initial parameters, the data as RNN Lab read it, the shuffle
// generator's state). Pure: the lab builds the bundle, the Node adapter (node/exportFiles.ts) writes it, so the CLI
// (`rnn-lab export`) and the extension's export worker write the same files.

export type ExportTarget = 'pytorch' | 'numpy';

export interface ExportFile {
  readonly path: string;
  readonly contents: string;
}

export interface ExportBundle {
  readonly target: ExportTarget;
  /** The script to run (`python3 <scriptPath> --check <runJson>`). */
  readonly scriptPath: string;
  /** Every file to write, the script first. */
  readonly files: readonly ExportFile[];
  /** run.json of the exported run (what `--check` compares against), or null for a config + data export. */
  readonly runJsonPath: string | null;
  /** One line for people: what was exported and how to run it. */
  readonly summary: string;
}

/** A run or config that cannot be exported, with what to do (the CLI prints it as `rnn-lab: …`, exit 2). */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Default script names inside the run folder. */
export const PYTORCH_SCRIPT_NAME = 'train_pytorch.py';
export const NUMPY_SCRIPT_NAME = 'train_esn_numpy.py';

/** The sidecar of `script.py` is `script.data.json`, next to it. */
export function sidecarPathOf(scriptPath: string): string {
  return `${scriptPath.replace(/\.py$/, '')}.data.json`;
}
