// `rnn-lab bench` (issue 4, "Performance"): runs RNN Lab, TensorFlow.js (pure-JS CPU backend) and brain.js 1.6.1
// alternately on the same data — every repetition times each implementation once, rotating which goes first — and
// takes medians. Workloads:
//   W1  vanilla tanh RNN, I = 1, T = 50, O = 1, MSE on the last step, SGD lr 0.01, noisy-sine windows,
//       H ∈ {32, 128} × batch ∈ {1, 32} (brain.js: batch 1 only)
//   W2  W1 with an LSTM, H = 64, batch 1
//   W3  one full ‖∂J/∂h_k‖ diagnostic, T = 100, H = 64 (RNN Lab only; ms per call)
//   memory: T = 1,000, H = 256 training, in a child process (batch 1; and batch 32 float32 for issue 15)
// and issue 15's side-by-side comparison with PyTorch (bench/pytorchComparison.ts), with its own targets.
import { availableParallelism, cpus } from 'node:os';
import { BrainRunner } from './brainWorkload';
import { measureDiagnosticMs } from './diagnosticWorkload';
import { LARGE_CSV_TARGET_SECONDS, measureLargeCsvIntake, type IntakeMeasurement } from './intakeBenchmark';
import { calibrateMachine, type MachineCalibration } from './machineCalibration';
import type { BatchedMemoryResult, MemoryMeasurement, MemoryProbeVariant } from './memoryProbe';
import { loadBrain, loadTfjs } from './optionalModules';
import { runPytorchComparison, type ComparisonSettings, type PytorchComparison } from './pytorchComparison';
import { batchedMemoryTargets, pytorchTargets } from './pytorchTargets';
import { RnnLabRunner } from './rnnLabWorkload';
import type { TargetCheck } from './targetCheck';
import { TfjsRunner } from './tfjsWorkload';
import { cpuMs, median, nowMs, stepsForWindow } from './timing';
import type { TrainingRunner, WorkloadSpec } from './trainingRunner';
import { noisySineWindows, type BenchWindows } from './workloadData';

export type Implementation = TrainingRunner['implementation'];
export const IMPLEMENTATIONS: readonly Implementation[] = ['rnn-lab', 'tfjs-cpu', 'brain.js'];

export const W1_SEQUENCE_LENGTH = 50;
export const W1_LEARNING_RATE = 0.01;
/** Windows in the training set (more than any run consumes between wrap-arounds at batch 32). */
export const WINDOW_COUNT = 512;

export const WORKLOADS: readonly WorkloadSpec[] = [
  { id: 'W1 H=32 b=1', cell: 'rnn', hiddenSize: 32, batch: 1, sequenceLength: W1_SEQUENCE_LENGTH, learningRate: W1_LEARNING_RATE },
  { id: 'W1 H=32 b=32', cell: 'rnn', hiddenSize: 32, batch: 32, sequenceLength: W1_SEQUENCE_LENGTH, learningRate: W1_LEARNING_RATE },
  { id: 'W1 H=128 b=1', cell: 'rnn', hiddenSize: 128, batch: 1, sequenceLength: W1_SEQUENCE_LENGTH, learningRate: W1_LEARNING_RATE },
  { id: 'W1 H=128 b=32', cell: 'rnn', hiddenSize: 128, batch: 32, sequenceLength: W1_SEQUENCE_LENGTH, learningRate: W1_LEARNING_RATE },
  { id: 'W2 LSTM H=64 b=1', cell: 'lstm', hiddenSize: 64, batch: 1, sequenceLength: W1_SEQUENCE_LENGTH, learningRate: W1_LEARNING_RATE },
];

export interface BenchSettings {
  /** Timed repetitions per implementation and workload (median reported). */
  readonly repetitions: number;
  /** Target duration of one timed repetition, ms. */
  readonly windowMs: number;
  readonly quick: boolean;
  /** The PyTorch comparison's repetitions (wall-clock; its slow float64 paths get fewer within a budget). */
  readonly comparison: ComparisonSettings;
}

export const FULL_SETTINGS: BenchSettings = { repetitions: 5, windowMs: 300, quick: false, comparison: { repetitions: 3, windowMs: 400, variantBudgetMs: 6000 } };
export const QUICK_SETTINGS: BenchSettings = { repetitions: 3, windowMs: 100, quick: true, comparison: { repetitions: 2, windowMs: 150, variantBudgetMs: 2000 } };


export interface WorkloadResult {
  readonly id: string;
  readonly cell: 'rnn' | 'lstm';
  readonly hiddenSize: number;
  readonly batch: number;
  readonly sequenceLength: number;
  /**
   * Median timesteps per CPU-second (sequences × T / s of this process's CPU time, forward + backward + update);
   * null when not run. See bench/timing.ts `cpuMs` for why CPU time.
   */
  readonly timestepsPerSecond: Record<Implementation, number | null>;
  /** The same medians per wall-clock second (lower than the above when the machine is shared). */
  readonly wallTimestepsPerSecond: Record<Implementation, number | null>;
  /** Why an implementation was not run (not installed, no mini-batches, failed). */
  readonly skipped: Partial<Record<Implementation, string>>;
  /** RNN Lab ÷ tfjs-cpu and RNN Lab ÷ brain.js, null when either is missing. */
  readonly speedupVsTfjs: number | null;
  readonly speedupVsBrain: number | null;
}


export interface BenchmarkReport {
  readonly cores: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly machine: MachineCalibration;
  readonly settings: BenchSettings;
  readonly libraries: { readonly tfjs: string; readonly brain: string };
  readonly workloads: WorkloadResult[];
  readonly diagnosticMsPerCall: number;
  /** Reading a large CSV through the data pipeline: refused at once over the default limit, streamed with it raised. */
  readonly intake: IntakeMeasurement;
  readonly memory: MemoryMeasurement | null;
  readonly memoryError: string | null;
  readonly targets: TargetCheck[];
  /** Issue 15: the PyTorch comparison, the batch-32 float32 memory probes and their targets. */
  readonly pytorch: PytorchComparison;
  readonly batchedMemory: BatchedMemoryResult[];
  readonly pytorchTargets: TargetCheck[];
  readonly durationSeconds: number;
}

export interface BenchProgress {
  (message: string): void;
}

export async function runBenchmark(
  settings: BenchSettings,
  measureMemory: (variant: MemoryProbeVariant) => Promise<MemoryMeasurement>,
  progress: BenchProgress,
): Promise<BenchmarkReport> {
  const started = nowMs();
  const machine = calibrateMachine();
  const tfjs = loadTfjs();
  const brain = loadBrain();
  const data = noisySineWindows(WINDOW_COUNT, W1_SEQUENCE_LENGTH, 2026);

  let memory: MemoryMeasurement | null = null;
  let memoryError: string | null = null;
  progress('memory: T=1000, H=256 (child process)…');
  try {
    memory = await measureMemory('rnn-b1');
  } catch (error) {
    memoryError = error instanceof Error ? error.message : String(error);
  }
  const batchedMemory: BatchedMemoryResult[] = [];
  for (const variant of ['rnn-b32-float32', 'char-lstm-b32-float32'] as const) {
    progress(`memory: ${variant}, T=1000, H=256 (child process)…`);
    try {
      batchedMemory.push({ variant, measurement: await measureMemory(variant), error: null });
    } catch (error) {
      batchedMemory.push({ variant, measurement: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const pytorch = runPytorchComparison(settings.comparison, progress);

  const workloads: WorkloadResult[] = [];
  for (const spec of WORKLOADS) {
    progress(`${spec.id}…`);
    const runners: TrainingRunner[] = [new RnnLabRunner(spec, data)];
    const skipped: Partial<Record<Implementation, string>> = {};
    if (tfjs.ok) runners.push(new TfjsRunner(tfjs.module, spec, data));
    else skipped['tfjs-cpu'] = tfjs.reason;
    if (!brain.ok) skipped['brain.js'] = brain.reason;
    else if (spec.batch !== 1) skipped['brain.js'] = 'no mini-batches in brain.js';
    else runners.push(new BrainRunner(brain.module, spec, data));
    workloads.push(await compareRunners(spec, runners, skipped, settings));
  }

  progress('W3: ‖∂J/∂h_k‖ diagnostic, T=100, H=64…');
  const diagnosticMsPerCall = measureDiagnosticMs(settings.repetitions, settings.windowMs);
  const csvMegabytes = settings.quick ? 24 : 60;
  progress(`data intake: a ${csvMegabytes} MB CSV…`);
  const intake = await measureLargeCsvIntake(csvMegabytes);

  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    machine,
    settings,
    libraries: { tfjs: tfjs.ok ? `@tensorflow/tfjs ${tfjs.module.version.tfjs} (cpu backend)` : tfjs.reason, brain: brain.ok ? 'brain.js (RNNTimeStep/LSTMTimeStep)' : brain.reason },
    workloads,
    diagnosticMsPerCall,
    intake,
    memory,
    memoryError,
    targets: [...checkTargets(workloads, diagnosticMsPerCall, memory), intakeTarget(intake)],
    pytorch,
    batchedMemory,
    pytorchTargets: [...pytorchTargets(pytorch), ...batchedMemoryTargets(batchedMemory)],
    durationSeconds: (nowMs() - started) / 1000,
  };
}

async function compareRunners(
  spec: WorkloadSpec,
  runners: TrainingRunner[],
  skipped: Partial<Record<Implementation, string>>,
  settings: BenchSettings,
): Promise<WorkloadResult> {
  const timestepsPerStep = spec.batch * spec.sequenceLength;
  const steps = new Map<TrainingRunner, number>();
  const samples = new Map<TrainingRunner, number[]>();
  const wallSamples = new Map<TrainingRunner, number[]>();
  const active: TrainingRunner[] = [];
  for (const runner of runners) {
    try {
      await runner.prepare();
      await runner.trainSteps(2); // warm-up: JIT, lazy initialisation
      const probeSteps = 2;
      const probeStart = cpuMs();
      await runner.trainSteps(probeSteps);
      steps.set(runner, stepsForWindow(settings.windowMs, cpuMs() - probeStart, probeSteps));
      samples.set(runner, []);
      wallSamples.set(runner, []);
      active.push(runner);
    } catch (error) {
      skipped[runner.implementation] = `failed: ${error instanceof Error ? error.message : String(error)}`;
      runner.dispose();
    }
  }
  for (let rep = 0; rep < settings.repetitions; rep++) {
    for (let k = 0; k < active.length; k++) {
      const runner = active[(rep + k) % active.length]; // alternate which implementation goes first
      const count = steps.get(runner) ?? 1;
      const wallStart = nowMs();
      const cpuStart = cpuMs();
      await runner.trainSteps(count);
      const cpuSeconds = Math.max(cpuMs() - cpuStart, 1e-3) / 1000;
      const wallSeconds = Math.max(nowMs() - wallStart, 1e-3) / 1000;
      samples.get(runner)?.push((count * timestepsPerStep) / cpuSeconds);
      wallSamples.get(runner)?.push((count * timestepsPerStep) / wallSeconds);
    }
  }
  for (const runner of active) runner.dispose();
  const rates = (source: Map<TrainingRunner, number[]>): Record<Implementation, number | null> => {
    const rate = (implementation: Implementation): number | null => {
      const runner = active.find((r) => r.implementation === implementation);
      return runner === undefined ? null : median(source.get(runner) ?? []);
    };
    return { 'rnn-lab': rate('rnn-lab'), 'tfjs-cpu': rate('tfjs-cpu'), 'brain.js': rate('brain.js') };
  };
  const timestepsPerSecond = rates(samples);
  const ratio = (other: number | null): number | null => {
    const own = timestepsPerSecond['rnn-lab'];
    return own === null || other === null || other === 0 ? null : own / other;
  };
  return {
    id: spec.id,
    cell: spec.cell,
    hiddenSize: spec.hiddenSize,
    batch: spec.batch,
    sequenceLength: spec.sequenceLength,
    timestepsPerSecond,
    wallTimestepsPerSecond: rates(wallSamples),
    skipped,
    speedupVsTfjs: ratio(timestepsPerSecond['tfjs-cpu']),
    speedupVsBrain: ratio(timestepsPerSecond['brain.js']),
  };
}

/** The targets of issue 4, each with what was measured. */
export function checkTargets(workloads: readonly WorkloadResult[], diagnosticMs: number, memory: MemoryMeasurement | null): TargetCheck[] {
  const find = (id: string): WorkloadResult | undefined => workloads.find((w) => w.id === id);
  const ratioCheck = (target: string, value: number | null | undefined, minimum: number): TargetCheck =>
    value === null || value === undefined
      ? { target, measured: 'not measured', met: null }
      : { target, measured: `${value.toFixed(value < 10 ? 2 : 1)}×`, met: value >= minimum };
  const w2 = find('W2 LSTM H=64 b=1')?.timestepsPerSecond['rnn-lab'] ?? null;
  return [
    ratioCheck('W1 H=32 b=1 ≥ 50× tfjs-cpu', find('W1 H=32 b=1')?.speedupVsTfjs, 50),
    ratioCheck('W1 H=32 b=1 ≥ 2× brain.js', find('W1 H=32 b=1')?.speedupVsBrain, 2),
    ratioCheck('W1 H=128 b=1 ≥ 10× tfjs-cpu', find('W1 H=128 b=1')?.speedupVsTfjs, 10),
    ratioCheck('W1 H=128 b=32 ≥ 2× tfjs-cpu', find('W1 H=128 b=32')?.speedupVsTfjs, 2),
    w2 === null
      ? { target: 'W2 LSTM H=64 b=1 ≥ 20k timesteps/s', measured: 'not measured', met: null }
      : { target: 'W2 LSTM H=64 b=1 ≥ 20k timesteps/s', measured: `${Math.round(w2).toLocaleString('en-US')} /s`, met: w2 >= 20_000 },
    { target: 'W3 diagnostic T=100 H=64 ≤ 2 ms', measured: `${diagnosticMs.toFixed(3)} ms`, met: diagnosticMs <= 2 },
    memory === null
      ? { target: 'T=1000 H=256 trains in < 100 MB', measured: 'not measured', met: null }
      : { target: 'T=1000 H=256 trains in < 100 MB', measured: `${memory.rssDeltaMb.toFixed(1)} MB RSS Δ`, met: memory.rssDeltaMb < 100 && memory.heapDeltaMb < 100 },
  ];
}

/** A large CSV is refused at once over the default 20 MB limit and streamed in under 15 s with the limit raised. */
export function intakeTarget(intake: IntakeMeasurement): TargetCheck {
  return {
    target: `${Math.round(intake.bytes / 1048576)} MB CSV read < ${LARGE_CSV_TARGET_SECONDS} s`,
    measured: `${intake.readSeconds.toFixed(1)} s (refused in ${(1000 * intake.refusalSeconds).toFixed(1)} ms at 20 MB)`,
    met: intake.met,
  };
}

export type { BatchedMemoryResult, BenchWindows, TargetCheck };
