// How busy or fast this machine is, printed beside the results so absolute numbers (W2's 20k timesteps/s, W3's 2 ms)
// can be judged: the CPU time of a fixed plain-TypeScript 256×256 matrix product (i-k-j loop, 16.8 M multiply-adds)
// and the load average. Ratios between implementations are measured alternately and are far less sensitive to load.
import { loadavg } from 'node:os';
import { cpuMs, median } from './timing';

const ORDER = 256;

export interface MachineCalibration {
  /** Median CPU ms of the 256×256 product (an idle 2-core machine: ≈ 15–25 ms). */
  readonly matmul256CpuMs: number;
  /** Multiply-adds per CPU-second ÷ 1e9 for that product. */
  readonly gigaMultiplyAddsPerSecond: number;
  /** 1-minute load average when the benchmark started. */
  readonly loadAverage: number;
}

export function calibrateMachine(): MachineCalibration {
  const a = new Float64Array(ORDER * ORDER);
  const b = new Float64Array(ORDER * ORDER);
  const c = new Float64Array(ORDER * ORDER);
  for (let i = 0; i < a.length; i++) {
    a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
    b[i] = ((i * 104729) % 1000) / 1000 - 0.5;
  }
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const start = cpuMs();
    c.fill(0);
    for (let i = 0; i < ORDER; i++) {
      const row = i * ORDER;
      for (let k = 0; k < ORDER; k++) {
        const aik = a[row + k];
        const bRow = k * ORDER;
        for (let j = 0; j < ORDER; j++) c[row + j] += aik * b[bRow + j];
      }
    }
    times.push(Math.max(cpuMs() - start, 1e-3));
  }
  if (!Number.isFinite(c[0])) throw new Error('calibration product is not finite');
  const ms = median(times.slice(1)); // first run includes JIT compilation
  return { matmul256CpuMs: ms, gigaMultiplyAddsPerSecond: ORDER ** 3 / (ms / 1000) / 1e9, loadAverage: loadavg()[0] ?? 0 };
}
