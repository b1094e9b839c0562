// Issue 15's side-by-side benchmark: RNN Lab (float32 on one thread, float32 on worker threads = cores, float64 for
// reference) against PyTorch CPU float32 with one thread and with all cores, on the workloads of pytorchWorkloads.ts.
// Rates are timesteps per wall-second (updates · B · T / s of the training steps: forward + backward + SGD update),
// the median of a few repetitions after a warm-up; wall time because the threaded paths use more than one core.
// Ratios are RNN Lab ÷ PyTorch: float32 (batched) or float64 (batch 1) vs one thread, the threaded path (batched) or
// float64 (batch 1) vs all cores. GFLOP/s use the analytic FLOPs of trainingFlops.ts for both.
import { availableParallelism } from 'node:os';
import { ComputerRunner } from './computerRunner';
import { measureGemmPeak, type GemmPeak } from './gemmPeak';
import { runPytorchWorkloads, type PytorchOutput } from './pytorchRunner';
import { comparisonWorkloads, findCharacterText, type ComparisonWorkload, type RnnLabVariant } from './pytorchWorkloads';
import { median, nowMs, stepsForWindow } from './timing';
import { gigaflopsPerSecond, trainingStepFlops } from './trainingFlops';

export interface ComparisonSettings {
  readonly repetitions: number;
  /** Target wall ms of one timed repetition. */
  readonly windowMs: number;
  /** Most wall ms the repetitions of one RNN Lab variant may take (fewer repetitions for slow variants). */
  readonly variantBudgetMs: number;
}

export type Rates<K extends string> = Record<K, number | null>;

export interface ComparisonRow {
  readonly id: string;
  readonly group: 'batched' | 'batch-1';
  readonly cell: string;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  readonly batch: number;
  readonly sequenceLength: number;
  /** Timesteps per wall-second of each RNN Lab path (null: not run for this workload, or unavailable). */
  readonly rnnLab: Rates<RnnLabVariant>;
  readonly pytorch: Rates<'oneThread' | 'allCores'>;
  readonly ratioOneThread: number | null;
  readonly ratioAllCores: number | null;
  /** Analytic FLOPs of one update (batched workloads), and the GFLOP/s of every rate above. */
  readonly flopsPerUpdate: number | null;
  readonly gflops: { readonly rnnLab: Rates<RnnLabVariant>; readonly pytorch: Rates<'oneThread' | 'allCores'> } | null;
  /** Why a path has no number. */
  readonly skipped: Readonly<Record<string, string>>;
}

export interface PytorchComparison {
  readonly cores: number;
  /** "torch 1.13.0 (/usr/bin/python3)" or null with `pytorchReason`. */
  readonly pytorch: string | null;
  readonly pytorchReason: string | null;
  readonly text: { readonly path: string; readonly bytes: number; readonly note: string | null } | null;
  readonly peaks: {
    readonly wasmGemm: GemmPeak | null;
    readonly wasmGemmReason: string | null;
    /** torch.mm 512×512 float32 GFLOP/s with one thread and with all cores. */
    readonly torchSgemmOneThread: number | null;
    readonly torchSgemmAllCores: number | null;
  };
  readonly workloads: ComparisonRow[];
}

const VARIANTS: readonly RnnLabVariant[] = ['float32', 'float32-threads', 'float64'];

export function runPytorchComparison(settings: ComparisonSettings, progress: (message: string) => void): PytorchComparison {
  const cores = availableParallelism();
  const text = findCharacterText();
  const workloads = comparisonWorkloads(text);
  progress(`PyTorch: ${workloads.length} workloads at 1 and ${cores} threads (child process)…`);
  const torch = runPytorchWorkloads(
    { threads: cores > 1 ? [1, cores] : [1], repetitions: settings.repetitions, seconds: settings.windowMs / 1000, peak: true, workloads: workloads.map((w) => w.python) },
    600_000,
  );
  const peak = measureGemmPeak(settings.windowMs / 1000);
  const rows = workloads.map((workload) => {
    progress(`RNN Lab ${workload.id} (${workload.variants.join(', ')})…`);
    return compareWorkload(workload, torch.ok ? torch.output : null, torch.ok ? null : torch.reason, cores, settings);
  });
  const sgemm = (threads: number): number | null => (torch.ok ? (torch.output.sgemmGflops[String(threads)] ?? null) : null);
  return {
    cores,
    pytorch: torch.ok ? `torch ${torch.output.torch} (${torch.output.python})` : null,
    pytorchReason: torch.ok ? null : torch.reason,
    text: text === null ? null : { path: text.path, bytes: text.bytes, note: text.note },
    peaks: {
      wasmGemm: peak.ok ? peak.peak : null,
      wasmGemmReason: peak.ok ? null : peak.reason,
      torchSgemmOneThread: sgemm(1),
      torchSgemmAllCores: cores > 1 ? sgemm(cores) : sgemm(1),
    },
    workloads: rows,
  };
}

function compareWorkload(workload: ComparisonWorkload, torch: PytorchOutput | null, torchReason: string | null, cores: number, settings: ComparisonSettings): ComparisonRow {
  const skipped: Record<string, string> = {};
  const rnnLab: Rates<RnnLabVariant> = { float32: null, 'float32-threads': null, float64: null };
  for (const variant of VARIANTS) {
    if (!workload.variants.includes(variant)) continue;
    try {
      rnnLab[variant] = timeVariant(workload, variant, cores, settings);
    } catch (error) {
      skipped[variant] = error instanceof Error ? error.message : String(error);
    }
  }
  const torchRate = (threads: number): number | null => torch?.results.find((r) => r.id === workload.id && r.threads === threads)?.timestepsPerSecond ?? null;
  const pytorch = { oneThread: torchRate(1), allCores: torchRate(cores) };
  if (torchReason !== null) skipped.pytorch = torchReason;
  const batched = workload.group === 'batched';
  const ratio = (own: number | null, other: number | null): number | null => (own === null || other === null || other === 0 ? null : own / other);
  const { config, batch, sequenceLength } = workload;
  const scoredSteps = workload.scoredPerSequence === 1 ? 1 : sequenceLength;
  const flopsPerUpdate = batched ? trainingStepFlops(config, batch, sequenceLength, scoredSteps) : null;
  const toGflops = <K extends string>(rates: Rates<K>): Rates<K> =>
    Object.fromEntries(Object.entries<number | null>(rates).map(([k, v]) => [k, gigaflopsPerSecond(v, flopsPerUpdate ?? 0, batch, sequenceLength)])) as Rates<K>;
  return {
    id: workload.id,
    group: workload.group,
    cell: config.cell,
    inputSize: config.inputSize,
    hiddenSize: config.hiddenSize,
    outputSize: config.outputSize,
    batch,
    sequenceLength,
    rnnLab,
    pytorch,
    ratioOneThread: ratio(batched ? rnnLab.float32 : rnnLab.float64, pytorch.oneThread),
    ratioAllCores: ratio(batched ? rnnLab['float32-threads'] : rnnLab.float64, pytorch.allCores),
    flopsPerUpdate,
    gflops: flopsPerUpdate === null ? null : { rnnLab: toGflops(rnnLab), pytorch: toGflops(pytorch) },
    skipped,
  };
}

/** Median timesteps per wall-second of one RNN Lab path; throws the reason when it cannot run. */
function timeVariant(workload: ComparisonWorkload, variant: RnnLabVariant, cores: number, settings: ComparisonSettings): number {
  const runner = ComputerRunner.create(workload, variant, cores);
  if (typeof runner === 'string') throw new Error(runner);
  try {
    runner.trainSteps(1); // warm-up: JIT, lazy allocation, worker start-up
    const probeStart = nowMs();
    runner.trainSteps(1);
    const perStepMs = Math.max(nowMs() - probeStart, 1e-3);
    const steps = stepsForWindow(settings.windowMs, perStepMs, 1);
    const repetitions = Math.max(1, Math.min(settings.repetitions, Math.floor(settings.variantBudgetMs / (steps * perStepMs))));
    const rates: number[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      const start = nowMs();
      runner.trainSteps(steps);
      rates.push((steps * workload.batch * workload.sequenceLength) / (Math.max(nowMs() - start, 1e-3) / 1000));
    }
    if (!Number.isFinite(runner.lastLoss)) throw new Error(`training produced a non-finite loss (${runner.lastLoss})`);
    return median(rates);
  } finally {
    runner.dispose();
  }
}
