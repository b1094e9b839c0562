// Plain-text section of issue 15's PyTorch comparison in the bench table (bench/report.ts prints it).
import type { PytorchComparison } from './pytorchComparison';
import type { BatchedMemoryResult } from './memoryProbe';
import type { TargetCheck } from './targetCheck';

function rate(value: number | null): string {
  return value === null ? 'n/a' : Math.round(value).toLocaleString('en-US');
}

function ratio(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(value < 10 ? 2 : 1)}×`;
}

function gflops(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

export function formatPytorchSection(comparison: PytorchComparison, memory: readonly BatchedMemoryResult[], targets: readonly TargetCheck[]): string[] {
  const n = comparison.cores;
  const lines: string[] = [];
  lines.push(`PyTorch comparison (issue 15) — ${comparison.pytorch ?? `PyTorch n/a: ${comparison.pytorchReason ?? ''}`}`);
  lines.push(`  timesteps per wall-second (updates·B·T / s of forward + backward + SGD), medians; ×PT = RNN Lab ÷ PyTorch`);
  lines.push(`  batched rows: RNN Lab float32 vs PyTorch (1 thread), threaded float32 vs PyTorch (${n} threads); batch-1 rows: float64 vs both`);
  const widths = [24, 11, 11, 11, 11, 11, 8, 8];
  lines.push(row(['workload', 'f32 1 thr', `f32 ${n} thr`, 'f64', 'PT 1 thr', `PT ${n} thr`, '×PT 1', `×PT ${n}`], widths));
  lines.push(row(widths.map((w) => '-'.repeat(w)), widths));
  const notes = new Set<string>();
  for (const w of comparison.workloads) {
    const batched = w.group === 'batched';
    lines.push(
      row(
        [`${w.id} T=${w.sequenceLength}`, batched ? rate(w.rnnLab.float32) : '—', batched ? rate(w.rnnLab['float32-threads']) : '—', rate(w.rnnLab.float64), rate(w.pytorch.oneThread), rate(w.pytorch.allCores), ratio(w.ratioOneThread), ratio(w.ratioAllCores)],
        widths,
      ),
    );
    for (const [path, reason] of Object.entries(w.skipped)) if (path !== 'pytorch') notes.add(`${path}: ${reason}`);
  }
  lines.push('');
  lines.push('  GFLOP/s (analytic: forward 2·B·G·H·(H+I) per step, G = 1 rnn / 4 lstm, + readout 2·B·O·H per scored step; ×3 for backward)');
  const gWidths = [24, 11, 11, 11, 11, 11, 11];
  lines.push(row(['workload', 'GFLOP/upd', 'f32 1 thr', `f32 ${n} thr`, 'f64', 'PT 1 thr', `PT ${n} thr`], gWidths));
  for (const w of comparison.workloads) {
    if (w.gflops === null || w.flopsPerUpdate === null) continue;
    const g = w.gflops;
    lines.push(row([w.id, (w.flopsPerUpdate / 1e9).toFixed(3), gflops(g.rnnLab.float32), gflops(g.rnnLab['float32-threads']), gflops(g.rnnLab.float64), gflops(g.pytorch.oneThread), gflops(g.pytorch.allCores)], gWidths));
  }
  const p = comparison.peaks;
  const wasm =
    p.wasmGemm === null
      ? `n/a (${p.wasmGemmReason ?? ''})`
      : `${p.wasmGemm.gflops.toFixed(2)} GFLOP/s (${p.wasmGemm.backend}, ${p.wasmGemm.size}×${p.wasmGemm.size}); micro-kernel peak ${gflops(p.wasmGemm.microKernelGflops)} GFLOP/s`;
  lines.push(`  peak: RNN Lab float32 GEMM ${wasm}`);
  lines.push(`        torch.mm 512×512 float32: ${gflops(p.torchSgemmOneThread)} GFLOP/s (1 thread), ${gflops(p.torchSgemmAllCores)} GFLOP/s (${n} threads)`);
  if (comparison.text !== null) {
    lines.push(`  text: ${comparison.text.path} (${(comparison.text.bytes / 1024).toFixed(1)} kB)${comparison.text.note === null ? '' : ` — note: ${comparison.text.note}`}`);
  } else {
    lines.push('  text: no .txt in samples/, the character LSTM was not run');
  }
  for (const result of memory) {
    const m = result.measurement;
    lines.push(
      m === null
        ? `  Memory ${result.variant}: not measured (${result.error ?? 'unknown error'})`
        : `  Memory ${result.variant} (T=${m.sequenceLength}, H=${m.hiddenSize}, b=${m.batch}, ${m.precision}, ${m.trainingSteps} step${m.trainingSteps === 1 ? '' : 's'}): ` +
            `process peak RSS ${m.peakRssMb.toFixed(1)} MB (RSS +${m.rssDeltaMb.toFixed(1)} MB, heap+typed arrays +${m.heapDeltaMb.toFixed(1)} MB)`,
    );
  }
  lines.push('');
  lines.push('Targets (issue 15):');
  for (const t of targets) {
    const verdict = t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS';
    lines.push(`  [${verdict}] ${t.target.padEnd(44)} measured ${t.measured}`);
  }
  for (const note of notes) lines.push(`  note: ${note}`);
  return lines;
}
