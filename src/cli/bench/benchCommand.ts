// `rnn-lab bench [--quick] [--json]` — the performance benchmark of issues 4 and 15 (`npm run bench`): RNN Lab vs
// TensorFlow.js (pure-JS CPU backend) vs brain.js on the same workloads, a table of timesteps/s, ratios and the
// targets; then (issue 15) RNN Lab's float32 batched path, its worker threads and float64 side by side with PyTorch
// CPU float32 (bench/pytorch_workloads.py in a child process, when `import torch` works in /usr/bin/python3 or python3).
// The comparison code lives in bench/ and the two JS libraries (devDependencies, external in the CLI bundle) are
// required only at run time, so a missing library (or PyTorch) is reported in the table instead of failing.
// `--json` prints the BenchmarkReport (bench/runBenchmark.ts) with fields: cores, cpuModel, node, machine, settings,
// libraries, workloads[{ id, cell, hiddenSize, batch, sequenceLength, timestepsPerSecond{ "rnn-lab", "tfjs-cpu",
// "brain.js" }, wallTimestepsPerSecond, skipped, speedupVsTfjs, speedupVsBrain }], diagnosticMsPerCall, intake,
// memory{ variant, cell, precision, batch, sequenceLength, hiddenSize, trainingSteps, rssDeltaMb, heapDeltaMb,
// peakRssMb }, memoryError, targets[{ target, measured, met }], and for issue 15:
//   pytorch{ cores, pytorch ("torch <version> (<python>)" or null), pytorchReason, text{ path, bytes, note },
//     peaks{ wasmGemm{ backend, size, gflops } | null, wasmGemmReason, torchSgemmOneThread, torchSgemmAllCores },
//     workloads[{ id, group ("batched" | "batch-1"), cell, inputSize, hiddenSize, outputSize, batch, sequenceLength,
//       rnnLab{ float32, "float32-threads", float64 }, pytorch{ oneThread, allCores }   (timesteps per wall-second),
//       ratioOneThread, ratioAllCores (RNN Lab ÷ PyTorch), flopsPerUpdate, gflops{ rnnLab{…}, pytorch{…} }, skipped }] },
//   batchedMemory[{ variant ("rnn-b32-float32" | "char-lstm-b32-float32"), measurement (as memory) | null, error }],
//   pytorchTargets[{ target, measured, met }], durationSeconds.
// Exit code 0 when the benchmark ran (targets missed are reported, not failures); 2 for bad flags.
// `--memory-probe [--probe rnn-b1|rnn-b32-float32|char-lstm-b32-float32]` is internal: the child process that
// measures one T = 1,000, H = 256 training (prints JSON).
import { spawnSync } from 'node:child_process';
import { CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, stringFlag } from '../flags';
import { MEMORY_PROBE_VARIANTS, runMemoryProbe, type MemoryMeasurement, type MemoryProbeVariant } from '../../../bench/memoryProbe';
import { formatReport } from '../../../bench/report';
import { FULL_SETTINGS, QUICK_SETTINGS, runBenchmark } from '../../../bench/runBenchmark';

const FLAGS = {
  quick: { type: 'boolean' },
  json: { type: 'boolean' },
  'memory-probe': { type: 'boolean' },
  probe: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab bench [--quick] [--json]

Times training of RNN Lab, TensorFlow.js (pure-JS CPU backend) and brain.js on the same noisy-sine windows,
alternately, and prints timesteps/s, the speed ratios and whether each performance target is met:
  W1  vanilla tanh RNN, T=50, MSE on the last step, SGD lr 0.01, H 32/128, batch 1/32
  W2  LSTM H=64 batch 1      W3  one ‖∂J/∂h_k‖ diagnostic, T=100, H=64
  memory  T=1000, H=256 training (measured in a child process): batch 1, and batch 32 float32 (RNN, char LSTM)
Then (issue 15) RNN Lab float32 (1 thread, and worker threads = cores) and float64 against PyTorch CPU float32
(torch.set_num_threads 1 and cores), in timesteps per wall-second, with RNN Lab ÷ PyTorch ratios and GFLOP/s:
  (a) W1 H=128 batch 32   (b) character LSTM H=256, T=100, batch 32 on the largest samples/*.txt
  (c) W1 H=32, W1 H=128, W2 LSTM H=64 at batch 1 (RNN Lab float64)
TensorFlow.js and brain.js are devDependencies; when one is missing its column shows n/a. PyTorch runs in
bench/pytorch_workloads.py with /usr/bin/python3 (else python3); without torch its columns show n/a.

  --quick   fewer and shorter repetitions (about a third of the time)
  --json    print the full report as JSON instead of the table; issue 15's fields are pytorch{ workloads[{ rnnLab,
            pytorch, ratioOneThread, ratioAllCores, flopsPerUpdate, gflops }], peaks }, batchedMemory, pytorchTargets
`;

export function benchCommand(): CliCommand {
  return {
    summary: 'benchmark training speed and memory against TensorFlow.js (cpu), brain.js and PyTorch (cpu)',
    run: runBench,
  };
}

async function runBench(args: readonly string[]): Promise<number> {
  const flags = parseFlags('bench', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (flags.positionals.length > 0) {
    const got = flags.positionals.map((p) => `"${p}"`).join(' ');
    throw new CliUsageError(`bench takes no arguments, got ${got}. Usage: rnn-lab bench [--quick] [--json]`);
  }
  if (booleanFlag(flags, 'memory-probe')) {
    const variant = stringFlag(flags, 'probe') ?? 'rnn-b1';
    if (!(MEMORY_PROBE_VARIANTS as readonly string[]).includes(variant)) throw new CliUsageError(`--probe must be one of ${MEMORY_PROBE_VARIANTS.join(', ')}, got "${variant}"`);
    process.stdout.write(`${JSON.stringify(runMemoryProbe(variant as MemoryProbeVariant))}\n`);
    return 0;
  }
  const json = booleanFlag(flags, 'json');
  const settings = booleanFlag(flags, 'quick') ? QUICK_SETTINGS : FULL_SETTINGS;
  const progress = (message: string): void => {
    if (!json) process.stderr.write(`  ${message}\n`);
  };
  const report = await runBenchmark(settings, measureMemoryInChild, progress);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

/** Runs `<this CLI> bench --memory-probe` in a fresh Node process with --expose-gc and parses its JSON line. */
async function measureMemoryInChild(variant: MemoryProbeVariant): Promise<MemoryMeasurement> {
  const script = process.argv[1];
  if (script === undefined) return runMemoryProbe(variant);
  const child = spawnSync(process.execPath, ['--expose-gc', script, 'bench', '--memory-probe', '--probe', variant], { encoding: 'utf8', timeout: 180_000 });
  if (child.error !== undefined) throw child.error;
  if (child.status !== 0) throw new Error(`memory probe exited with code ${String(child.status)}: ${child.stderr.trim().split('\n')[0] ?? ''}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as MemoryMeasurement;
}
