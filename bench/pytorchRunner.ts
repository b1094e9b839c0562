// Runs bench/pytorch_workloads.py (the PyTorch side of issue 15's comparison) as a child process: the JSON spec on
// stdin, one JSON object on stdout. PyTorch is optional: /usr/bin/python3 is tried first (on this project's machines
// the first python3 on PATH may lack torch), then `python3`; without torch the PyTorch columns say n/a and why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PytorchWorkloadSpec } from './pytorchWorkloads';

export interface PytorchSpec {
  readonly threads: readonly number[];
  readonly repetitions: number;
  /** Target wall seconds of one timed repetition. */
  readonly seconds: number;
  /** Also measure torch.mm's 512×512 float32 GFLOP/s per thread count. */
  readonly peak: boolean;
  readonly workloads: readonly PytorchWorkloadSpec[];
}

export interface PytorchResult {
  readonly id: string;
  readonly threads: number;
  readonly timestepsPerSecond: number;
  readonly updates: number;
  readonly loss: number;
}

export interface PytorchOutput {
  readonly torch: string;
  readonly python: string;
  readonly results: readonly PytorchResult[];
  /** torch.mm 512×512 float32 GFLOP/s by thread count ("1", "2", …). */
  readonly sgemmGflops: Readonly<Record<string, number>>;
}

export type PytorchRun = { readonly ok: true; readonly output: PytorchOutput } | { readonly ok: false; readonly reason: string };

const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** The first Python that imports torch, or why none does. */
export function findTorchPython(): { python: string } | { reason: string } {
  const failures: string[] = [];
  for (const python of CANDIDATES) {
    if (python.startsWith('/') && !existsSync(python)) continue;
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.status === 0) return { python };
    failures.push(`${python}: ${probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? `exit ${String(probe.status)}`}`);
  }
  return { reason: `PyTorch is not importable (${failures.join('; ') || 'no python3 found'})` };
}

function scriptPath(): string | null {
  const candidates = [resolve(__dirname, '..', 'bench', 'pytorch_workloads.py'), resolve(process.cwd(), 'bench', 'pytorch_workloads.py')];
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function runPytorchWorkloads(spec: PytorchSpec, timeoutMs: number): PytorchRun {
  const found = findTorchPython();
  if ('reason' in found) return { ok: false, reason: found.reason };
  const script = scriptPath();
  if (script === null) return { ok: false, reason: 'bench/pytorch_workloads.py was not found next to dist/ or in the working directory' };
  const child = spawnSync(found.python, [script], { input: JSON.stringify(spec), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 });
  if (child.error !== undefined) return { ok: false, reason: `${found.python} ${script}: ${child.error.message}` };
  if (child.status !== 0) return { ok: false, reason: `pytorch_workloads.py exited with ${String(child.status)}: ${child.stderr.trim().split('\n').pop() ?? ''}` };
  try {
    const parsed = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Omit<PytorchOutput, 'python'>;
    return { ok: true, output: { ...parsed, python: found.python } };
  } catch (error) {
    return { ok: false, reason: `pytorch_workloads.py printed no JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
