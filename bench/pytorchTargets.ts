// Issue 15's targets, each with what was measured (reported, never a failure of the command):
//   (a) W1 H=128 b=32 and (b) the character LSTM: RNN Lab float32 ≥ 0.5× PyTorch with one thread
//   batch 1, W1 H=32: RNN Lab (float64) ≥ 5× PyTorch with one thread
//   T = 1,000, H = 256, batch 32 (float32) trains within 300 MB: peak RSS of the whole probe process
import type { PytorchComparison } from './pytorchComparison';
import { CHAR_HIDDEN_SIZE } from './pytorchWorkloads';
import type { BatchedMemoryResult } from './memoryProbe';
import type { TargetCheck } from './targetCheck';

export const BATCHED_RATIO_TARGET = 0.5;
export const BATCH1_RATIO_TARGET = 5;
export const BATCHED_MEMORY_LIMIT_MB = 300;

function ratioTarget(comparison: PytorchComparison, id: string, label: string, minimum: number): TargetCheck {
  const target = `${label} ≥ ${minimum}× PyTorch (1 thread)`;
  const row = comparison.workloads.find((w) => w.id === id);
  const ratio = row?.ratioOneThread ?? null;
  if (ratio === null) {
    const why = row === undefined ? 'workload not run' : (comparison.pytorchReason ?? Object.values(row.skipped)[0] ?? 'not measured');
    return { target, measured: `n/a (${why})`, met: null };
  }
  return { target, measured: `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`, met: ratio >= minimum };
}

export function pytorchTargets(comparison: PytorchComparison): TargetCheck[] {
  return [
    ratioTarget(comparison, 'W1 H=128 b=32', '(a) W1 H=128 b=32 float32', BATCHED_RATIO_TARGET),
    ratioTarget(comparison, `char LSTM H=${CHAR_HIDDEN_SIZE} b=32`, `(b) char LSTM H=${CHAR_HIDDEN_SIZE} b=32 float32`, BATCHED_RATIO_TARGET),
    ratioTarget(comparison, 'W1 H=32 b=1', '(c) W1 H=32 b=1', BATCH1_RATIO_TARGET),
  ];
}

export function batchedMemoryTargets(results: readonly BatchedMemoryResult[]): TargetCheck[] {
  return results.map(({ variant, measurement, error }) => {
    const target = `T=1000 H=256 b=32 ${variant.replace('-b32-float32', '')} float32 ≤ ${BATCHED_MEMORY_LIMIT_MB} MB`;
    if (measurement === null) return { target, measured: `n/a (${error ?? 'not measured'})`, met: null };
    return { target, measured: `${measurement.peakRssMb.toFixed(1)} MB peak RSS`, met: measurement.peakRssMb <= BATCHED_MEMORY_LIMIT_MB };
  });
}
