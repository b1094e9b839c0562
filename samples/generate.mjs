// Regenerates the numeric samples deterministically: `node samples/generate.mjs` (from the project root).
// A fixed-seed PRNG (mulberry32) and Box–Muller normals, so the files are identical on every machine.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: a tiny 32-bit PRNG with a good spread, enough for sample data (not for the engine). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller: √(−2 ln u₁) cos(2π u₂). */
function normal(random) {
  const u1 = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
}

/** Noisy sine: value_t = sin(2π t / 50) + 0.1·ε_t, ε ~ N(0, 1), t = 0 … 999. */
function sine() {
  const random = mulberry32(2026);
  const lines = ['t,value'];
  for (let t = 0; t < 1000; t += 1) lines.push(`${t},${(Math.sin((2 * Math.PI * t) / 50) + 0.1 * normal(random)).toFixed(4)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The adding problem, T = 50 (Hochreiter & Schmidhuber 1997; as in Le, Jaitly & Hinton 2015): value ~ U(0, 1) at
 * every step, marker = 1 at one step in the first half and one in the second half (0 elsewhere); the target is
 * the sum of the two marked values, written on every row of its sequence (a many-to-one model reads it at the
 * last step).
 */
function addingProblem() {
  const random = mulberry32(1997);
  const steps = 50;
  const sequences = 100;
  const lines = ['sequence,step,value,marker,target'];
  for (let sequence = 1; sequence <= sequences; sequence += 1) {
    const values = Array.from({ length: steps }, () => Number(random().toFixed(4)));
    const first = Math.floor(random() * (steps / 2));
    const second = steps / 2 + Math.floor(random() * (steps / 2));
    const target = (values[first] + values[second]).toFixed(4);
    for (let step = 0; step < steps; step += 1) {
      const marker = step === first || step === second ? 1 : 0;
      lines.push(`${sequence},${step + 1},${values[step].toFixed(4)},${marker},${target}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

writeFileSync(join(here, 'sine.csv'), sine());
writeFileSync(join(here, 'adding-problem.csv'), addingProblem());
