// Plain-text table of a BenchmarkReport (the JSON form is the report object itself, `--json`).
import { formatPytorchSection } from './pytorchReport';
import type { BenchmarkReport, Implementation } from './runBenchmark';

function formatRate(value: number | null): string {
  return value === null ? 'n/a' : Math.round(value).toLocaleString('en-US');
}

function formatRatio(value: number | null): string {
  if (value === null) return 'n/a';
  return `${value.toFixed(value < 10 ? 2 : 1)}×`; // two decimals near the 2× targets, so 1.98× never prints as 2.0×
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

export function formatReport(report: BenchmarkReport): string {
  const lines: string[] = [];
  lines.push(
    `RNN Lab benchmark — ${report.cores} cores (${report.cpuModel}), Node ${report.node}, ` +
      `${report.settings.repetitions} alternating repetitions of ~${report.settings.windowMs} ms, medians of timesteps per CPU-second${report.settings.quick ? ' (--quick)' : ''}`,
  );
  const m0 = report.machine;
  lines.push(
    `  machine: 256×256 TS matmul ${m0.matmul256CpuMs.toFixed(1)} ms CPU (${m0.gigaMultiplyAddsPerSecond.toFixed(2)} G mult-add/s), load average ${m0.loadAverage.toFixed(1)}`,
  );
  lines.push(`  tfjs: ${report.libraries.tfjs}`);
  lines.push(`  brain: ${report.libraries.brain}`);
  lines.push('');
  const widths = [18, 13, 13, 13, 9, 9];
  lines.push(row(['workload (T=50)', 'RNN Lab ts/s', 'tfjs-cpu ts/s', 'brain.js ts/s', '×tfjs', '×brain'], widths));
  lines.push(row(widths.map((w) => '-'.repeat(w)), widths));
  const notes = new Set<string>();
  for (const w of report.workloads) {
    const rate = (implementation: Implementation): string => formatRate(w.timestepsPerSecond[implementation]);
    lines.push(row([w.id, rate('rnn-lab'), rate('tfjs-cpu'), rate('brain.js'), formatRatio(w.speedupVsTfjs), formatRatio(w.speedupVsBrain)], widths));
    for (const [implementation, reason] of Object.entries(w.skipped)) {
      if (reason !== undefined && reason !== 'no mini-batches in brain.js') notes.add(`${implementation}: ${reason}`);
    }
  }
  lines.push('');
  lines.push(`W3 ‖∂J/∂h_k‖ diagnostic (T=100, H=64): ${report.diagnosticMsPerCall.toFixed(3)} ms per call`);
  const intake = report.intake;
  lines.push(
    `Data intake: ${(intake.bytes / 1048576).toFixed(0)} MB CSV (${intake.rows.toLocaleString('en-US')} rows) streamed in ${intake.readSeconds.toFixed(2)} s ` +
      `(${Math.round(intake.rowsPerSecond).toLocaleString('en-US')} rows/s); refused over the 20 MB default in ${(1000 * intake.refusalSeconds).toFixed(1)} ms`,
  );
  if (report.memory !== null) {
    const m = report.memory;
    lines.push(
      `Memory (T=${m.sequenceLength}, H=${m.hiddenSize}, ${m.trainingSteps} training steps): RSS +${m.rssDeltaMb.toFixed(1)} MB, ` +
        `heap+typed arrays +${m.heapDeltaMb.toFixed(1)} MB, process peak RSS ${m.peakRssMb.toFixed(1)} MB`,
    );
  } else {
    lines.push(`Memory: not measured (${report.memoryError ?? 'unknown error'})`);
  }
  lines.push('');
  lines.push('Targets (issue 4):');
  for (const t of report.targets) {
    const verdict = t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS';
    lines.push(`  [${verdict}] ${t.target.padEnd(38)} measured ${t.measured}`);
  }
  const met = report.targets.filter((t) => t.met === true).length;
  lines.push(`  ${met}/${report.targets.length} targets met; total ${report.durationSeconds.toFixed(1)} s`);
  for (const note of notes) lines.push(`  note: ${note}`);
  lines.push('');
  lines.push(...formatPytorchSection(report.pytorch, report.batchedMemory, report.pytorchTargets));
  return `${lines.join('\n')}\n`;
}
