// Finds a Python 3 that can `import torch` (RNN_LAB_PYTHON, then python3 on PATH, then Debian's /usr/bin/python3,
// where `apt-get install python3-torch` puts it), and the torchrun launcher of that Python; and one that can
// `import numpy` (the echo state network export).
import { spawnSync } from 'node:child_process';

const found = new Map<string, string | null>();

/** The first candidate Python that can import `module`, or null. */
function pythonImporting(module: string): string | null {
  const known = found.get(module);
  if (known !== undefined) return known;
  const candidates = [process.env['RNN_LAB_PYTHON'], 'python3', '/usr/bin/python3'].filter((candidate): candidate is string => candidate !== undefined && candidate !== '');
  const python = candidates.find((candidate) => spawnSync(candidate, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 60_000 }).status === 0) ?? null;
  found.set(module, python);
  return python;
}

export function pythonWithTorch(): string | null {
  return pythonImporting('torch');
}

/** A Python 3 with numpy (`apt-get install python3-numpy`), for the NumPy export of echo state networks. */
export function pythonWithNumpy(): string | null {
  return pythonImporting('numpy');
}

export interface PythonRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runPython(python: string, args: readonly string[], timeoutMs = 300_000): PythonRun {
  const result = spawnSync(python, [...args], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, OMP_NUM_THREADS: '1' } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/**
 * torchrun of that Python: `python -m torch.distributed.run`, with a port per call. `--redirects 1 --tee 1` (stdout to a
 * log and the console) because torch 1.13's default "0" cannot be parsed on Python 3.11 (its Std enum no longer lists
 * the zero flag: AttributeError in to_map) — Debian's python3-torch is that pair.
 */
export function runTorchrun(python: string, processes: number, script: string, args: readonly string[], port: number, timeoutMs = 300_000): PythonRun {
  return runPython(python, ['-m', 'torch.distributed.run', '--redirects', '1', '--tee', '1', '--nproc_per_node', String(processes), '--master_port', String(port), script, ...args], timeoutMs);
}
