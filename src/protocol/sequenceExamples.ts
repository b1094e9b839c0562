// Examples crossing a thread boundary (the training worker's `start`, a Compare Remedies entry's data). postMessage
// copies an object's own fields only, so a one-hot example (engine/oneHotExample.ts: `inputs` is a prototype getter)
// arrives as { inputLength, inputClasses, targetLength, targets, targetClasses } — compact, as it should travel —
// and is made a OneHotExample again here, with the dataset's inputSize as V. Dense examples carry `inputs`.
import type { SequenceExample } from '../engine/dataset';
import { restoreOneHot } from '../engine/oneHotExample';
import * as v from 'valibot';
import { count } from './runParts';
import { float64s, int32s, list, record, refine } from './schema';

/** One window (or sequence): float64 inputs (or one-hot input classes) and targets, class indices for cross-entropy. */
const SequenceExampleSchema = v.pipe(
  record(
    {
      inputLength: count,
      inputs: v.optional(float64s),
      inputClasses: v.optional(int32s),
      targetLength: count,
      targets: float64s,
      targetClasses: v.optional(int32s),
    },
    'an example { inputLength, inputs, targetLength, targets }',
  ),
  refine((example) =>
    example.inputs === undefined && example.inputClasses === undefined
      ? { path: 'inputs', kind: 'missing', expected: 'inputs (or the one-hot inputClasses)', received: 'undefined' }
      : null,
  ),
);

type ReceivedExample = v.InferOutput<typeof SequenceExampleSchema>;

/** The examples of a dataset of `inputSize` features per step, one-hot ones restored (see the header). */
function restoredExamples(inputSize: number, examples: readonly ReceivedExample[]): SequenceExample[] {
  return examples.map((example) => {
    if (example.inputClasses !== undefined) return restoreOneHot(example, inputSize) as SequenceExample;
    const { inputClasses: _none, ...dense } = example;
    return { ...dense, inputs: dense.inputs as Float64Array };
  });
}

/** `{ inputSize, outputSize, <key>: examples, … }` with every example list under `keys` restored. */
export function examplesSchema<const TKey extends string>(keys: readonly TKey[], expected: string) {
  const entries = { inputSize: count, outputSize: count } as Record<string, v.GenericSchema>;
  for (const key of keys) entries[key] = list(SequenceExampleSchema);
  return v.pipe(
    record(entries, expected),
    v.transform((data) => {
      const inputSize = data['inputSize'] as number;
      const restored: Record<string, unknown> = { ...data };
      for (const key of keys) restored[key] = restoredExamples(inputSize, data[key] as ReceivedExample[]);
      return restored as { readonly inputSize: number; readonly outputSize: number } & { readonly [K in TKey]: readonly SequenceExample[] };
    }),
  );
}
