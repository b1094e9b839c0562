// Compact one-hot examples (character windows, labelled sentences). A one-hot input x_t = e_{c_t} ∈ ℝ^V is fully
// described by its class index c_t, so a window keeps only `inputClasses` (4·T bytes) instead of the dense
// [T × V] float64 matrix (8·T·V bytes: 64 kB for T = 100, V = 80 — 640 MB for the ≈ 10,000 windows of a 1 MB book).
// `inputs` is still there for every consumer that reads it (the float64 engine, sidecars, diagnostics): a getter that
// materialises the dense one-hot on access. The most recently read matrices are cached up to a few MB (a forward
// pass reads `inputs` more than once), never one per window.
//
// The getter lives on the prototype, so a spread `{ ...example }` or a structured clone (postMessage) copies the
// own fields (inputLength, inputClasses, targetLength, targets, targetClasses) but NOT `inputs`: a receiver of
// posted examples restores them with `restoreOneHot` (the protocol schemas do).
import type { SequenceExample } from './dataset';

/**
 * The materialised one-hot matrices kept, least recently read first (a Map iterates in insertion order): at most
 * CACHE_BYTES of them, enough for a mini-batch of 32 windows of T = 100 over V ≈ 80 (32 × 64 kB = 2 MB) to be
 * built once per pass even when a batched path reads every example's `inputs` at every step.
 */
const CACHE_BYTES = 16 * 1024 * 1024;
const cache = new Map<OneHotExample, Float64Array>();
let cachedBytes = 0;

/** Dense one-hot rows: row t of the [classes.length × size] result is e_{classes[t]}. */
export function oneHotRows(classes: Int32Array, size: number): Float64Array {
  const dense = new Float64Array(classes.length * size);
  for (let t = 0; t < classes.length; t++) dense[t * size + (classes[t] as number)] = 1;
  return dense;
}

export class OneHotExample implements SequenceExample {
  readonly inputLength: number;
  /** [inputLength]: step t's input is e_{inputClasses[t]} of size `size`. */
  readonly inputClasses: Int32Array;
  readonly targetLength: number;
  readonly targets: Float64Array;
  readonly targetClasses?: Int32Array;
  /** V, the one-hot size (the dataset's inputSize); private so copies carry only SequenceExample's fields. */
  readonly #size: number;

  constructor(fields: { inputClasses: Int32Array; inputSize: number; targetLength: number; targets: Float64Array; targetClasses?: Int32Array }) {
    this.inputLength = fields.inputClasses.length;
    this.inputClasses = fields.inputClasses;
    this.targetLength = fields.targetLength;
    this.targets = fields.targets;
    if (fields.targetClasses !== undefined) this.targetClasses = fields.targetClasses;
    this.#size = fields.inputSize;
  }

  /** The dense [inputLength × V] one-hot matrix, built on demand (the most recently read ones are cached). */
  get inputs(): Float64Array {
    const cached = cache.get(this);
    if (cached !== undefined) {
      // most recently read → last in the Map's order
      cache.delete(this);
      cache.set(this, cached);
      return cached;
    }
    const dense = oneHotRows(this.inputClasses, this.#size);
    cache.set(this, dense);
    cachedBytes += dense.byteLength;
    for (const [example, inputs] of cache) {
      if (cachedBytes <= CACHE_BYTES || example === this) break;
      cache.delete(example);
      cachedBytes -= inputs.byteLength;
    }
    return dense;
  }
}

/** True when the example's inputs are one-hot with their class indices at hand. */
export function hasInputClasses(example: SequenceExample): example is SequenceExample & { readonly inputClasses: Int32Array } {
  return example.inputClasses !== undefined;
}

/**
 * An example as it arrives after postMessage or JSON (own fields only): one carrying `inputClasses` becomes a
 * OneHotExample again (its dense `inputs`, if sent too, are dropped: they are e_{inputClasses[t]} by definition).
 */
export function restoreOneHot<T extends { readonly inputClasses?: Int32Array | undefined; readonly targetLength: number; readonly targets: Float64Array; readonly targetClasses?: Int32Array | undefined }>(
  example: T,
  inputSize: number,
): SequenceExample | T {
  if (example.inputClasses === undefined) return example;
  return new OneHotExample({
    inputClasses: example.inputClasses,
    inputSize,
    targetLength: example.targetLength,
    targets: example.targets,
    ...(example.targetClasses !== undefined ? { targetClasses: example.targetClasses } : {}),
  });
}
