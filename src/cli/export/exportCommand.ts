// `rnn-lab export RUN_DIR --to pytorch [--out FILE.py]` and `rnn-lab export CONFIG.rnn.json --data FILE --to pytorch`:
// writes a standalone PyTorch training script (and its sidecar JSON) that repeats the run — the same data preparation,
// initial parameters, loss, optimiser, remedies and batch order — and scales out with torchrun (lab/export/).
// `rnn-lab export RUN_DIR --to numpy`: an echo state network run as a NumPy script that fits its readout again.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CliInputError, CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, stringFlag } from '../flags';
import { ExportError, NUMPY_SCRIPT_NAME, PYTORCH_SCRIPT_NAME, type ExportBundle } from '../../lab/export/exportBundle';
import { buildRunExport, buildSettingsExport } from '../../lab/export/runExport';
import { configTrainingPlan } from '../../lab/settings/configFileOverrides';
import { settingsFrom } from '../../lab/settings/resolveSettings';
import { diagnoseRnnConfig } from '../../modelFiles/rnnConfig/diagnoseRnnConfig';
import { isRnnConfigFileName } from '../../modelFiles/rnnConfig/configFileNames';
import { writeExportBundle } from '../../node/exportFiles';
import { nodePlatform } from '../../node/nodePlatform';

export const EXPORT_HELP = `rnn-lab export — hand a run over to PyTorch (or NumPy): a standalone script that repeats it exactly

Usage:
  rnn-lab export RUN_DIR --to pytorch [--out FILE.py]
  rnn-lab export RUN_DIR --to numpy [--out FILE.py]      (echo state network runs: --cell esn)
  rnn-lab export CONFIG.rnn.json --data FILE --to pytorch [--out FILE.py] [--columns A,B] [--target C]

RUN_DIR is a saved run (.rnn-lab/runs/<id>/, or a folder written by rnn-lab train --run-dir). The script (default
RUN_DIR/${PYTORCH_SCRIPT_NAME}) needs only torch >= 1.13 and Python's standard library; its sidecar FILE.data.json holds
the initial parameters and the data as RNN Lab read it. Then:
  python3 FILE.py --check RUN_DIR/run.json       # float64 on the CPU: every epoch's training loss vs the run's (1e-9)
  torchrun --nproc_per_node 2 FILE.py            # distributed (gloo on the CPU, nccl with --device cuda)
  python3 FILE.py --device cuda --dtype float32  # on a GPU
An echo state network run exports to NumPy (default script RUN_DIR/${NUMPY_SCRIPT_NAME}; numpy and the standard library
only): the run's reservoir from its model.json, the readout fitted again by ridge regression in the engine's order of
operations, so python3 FILE.py --check RUN_DIR/run.json compares J on both sets (1e-9; bit for bit in practice) and W_out.
See docs/export.md.

Flags:
  --to pytorch|numpy  the target framework (required): pytorch for RNN/LSTM/GRU runs and configs, numpy for echo
                      state network runs
  --out FILE.py       where the script goes
  --data FILE         the data file (with a *.rnn.json config)
  --columns A,B       input columns (config export; default as in rnn-lab train)
  --target C          predicted column (config export)
`;

export function exportCommand(): CliCommand {
  return { summary: 'write a run (or a *.rnn.json config and data) as a standalone PyTorch training script (NumPy for echo state networks)', run: runExport };
}

async function runExport(args: readonly string[]): Promise<number> {
  const flags = parseFlags('export', args, {
    to: { type: 'string', accepts: 'pytorch or numpy' },
    out: { type: 'string', accepts: 'a file name ending in .py' },
    data: { type: 'string', accepts: 'a data file' },
    columns: { type: 'string', accepts: 'column names or numbers, comma-separated' },
    target: { type: 'string', accepts: 'a column name' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  const [source, ...extra] = flags.positionals;
  if (source === undefined) throw new CliUsageError('export: give a run folder or a *.rnn.json config (rnn-lab export --help)');
  if (extra.length > 0) throw new CliUsageError(`export: one run folder or config, got also ${extra.join(' ')}`);
  const to = stringFlag(flags, 'to');
  if (to !== 'pytorch' && to !== 'numpy') throw new CliUsageError(`export: --to ${to === undefined ? 'is required' : `"${to}" is not accepted`}; accepted: pytorch, numpy`);
  const out = stringFlag(flags, 'out');
  if (out !== undefined && !out.endsWith('.py')) throw new CliUsageError(`export: --out ${out}: the script's name must end in .py`);
  if (to === 'numpy' && isRnnConfigFileName(source)) {
    throw new CliUsageError(`export: --to numpy is for saved echo state network runs (rnn-lab train --cell esn --run-dir DIR); export ${source} with --to pytorch`);
  }
  let bundle: ExportBundle;
  try {
    bundle = isRnnConfigFileName(source) ? await configExport(source, flags.values, out) : await buildRunExport(path.resolve(source), nodePlatform, { target: to, ...(out !== undefined ? { out: path.resolve(out) } : {}) });
  } catch (error) {
    if (error instanceof ExportError) throw new CliInputError(error.message);
    throw error;
  }
  try {
    await writeExportBundle(bundle);
  } catch (error) {
    throw new CliInputError(`${bundle.scriptPath}: cannot write the script (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!booleanFlag(flags, 'quiet')) process.stderr.write(`wrote ${bundle.files.map((file) => file.path).join(' and ')}\n`);
  process.stdout.write(`${bundle.summary}\n`);
  return 0;
}

async function configExport(configPath: string, values: Readonly<Record<string, unknown>>, out: string | undefined): Promise<ExportBundle> {
  const data = typeof values['data'] === 'string' ? values['data'] : undefined;
  let text: string;
  try {
    if (!(await stat(configPath)).isFile()) throw new Error('not a file');
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    throw new CliInputError(`${configPath}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const diagnosis = diagnoseRnnConfig(text);
  const firstError = diagnosis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (diagnosis.config === null || firstError !== undefined) {
    const problem = firstError ?? diagnosis.diagnostics[0];
    const where = problem !== undefined ? `${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}` : 'not a valid config';
    throw new CliInputError(`${configPath}:${where}`);
  }
  const planned = configTrainingPlan(diagnosis.config);
  if (!planned.ok) throw new CliInputError(`${configPath}: ${planned.reason}`);
  const plan = planned.plan;
  const dataPath = data ?? (plan.dataPath !== null ? path.resolve(path.dirname(configPath), plan.dataPath) : undefined);
  if (dataPath === undefined) throw new CliUsageError(`export: ${configPath} names no data file; give one with --data FILE`);
  let settings;
  try {
    settings = settingsFrom(plan.overrides);
  } catch (error) {
    if (error instanceof RangeError) throw new CliInputError(`${configPath}: ${error.message}`);
    throw error;
  }
  const columns = typeof values['columns'] === 'string' ? values['columns'] : plan.columns;
  const target = typeof values['target'] === 'string' ? values['target'] : undefined;
  const script = out ?? `${configPath.replace(/\.rnn\.json$/, '')}_pytorch.py`;
  const name = path.basename(configPath);
  return buildSettingsExport(name, settings, path.resolve(dataPath), { ...(columns !== undefined ? { columns } : {}), ...(target !== undefined ? { target } : {}) }, nodePlatform, path.resolve(script));
}
