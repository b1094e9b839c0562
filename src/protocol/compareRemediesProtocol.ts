// The Compare Remedies channels: host ⇄ worker (train one line-up entry off the extension-host thread) and
// host ⇄ webview (draw the comparison), as valibot schemas (schema.ts) with their inferred types. The webview only
// draws what the engine measured.
import * as v from 'valibot';
import type { CompareEntryMeasurement, CompareTableRow } from '../lab/lineup/lineupTable';
import type { ValidationResult } from './validation';
import { anyNumber, integerIn, jsonNumber, list, messageUnion, parseWith, record, rule, textFields } from './schema';

// Numbers: a diverged entry's losses are NaN. Worker messages are structured clones (NaN stays NaN: `anyNumber`);
// webview messages are JSON (NaN arrives as null, which `jsonNumber` reads back as NaN), so the types stay those of
// lineupTable.ts on both channels.
const workerNumber = anyNumber();
const pageNumber = jsonNumber();
const numberOrNull = v.nullable(workerNumber);

/** One trained entry: the table's numbers (CompareEntryMeasurement) plus the curves the panel overlays. */
function entryResultSchema<const TNumber extends v.GenericSchema<unknown, number>>(number: TNumber) {
  const numbers = list(number, Number.POSITIVE_INFINITY, 'an array of numbers');
  return record(
    {
      id: v.string(),
      finalValidationLoss: number,
      lossPerEpoch: numbers,
      validationLossPerEpoch: numbers,
      label: v.string(),
      /** Optimiser updates per epoch; 0 for a closed-form fit (ESN). */
      updatesPerEpoch: integerIn(0, Number.MAX_SAFE_INTEGER),
      clippedPercent: numberOrNull,
      lambda1: numberOrNull,
      wallMilliseconds: number,
      diverged: v.nullable(v.string()),
      /** ‖∂J/∂h_k‖₂, k = 0 … T−1, of layer 0 with the final parameters; null for an ESN. */
      hiddenGradNorms: v.nullable(numbers),
    } satisfies Record<keyof CompareEntryMeasurement | 'lossPerEpoch' | 'hiddenGradNorms', v.GenericSchema>,
    'an entry result',
  );
}
const WorkerEntryResultSchema = entryResultSchema(workerNumber);
export type CompareEntryResult = v.InferOutput<typeof WorkerEntryResultSchema>;

// ——— host ⇄ worker ———
// (The request, CompareTrainMessage, carries node-side data types and lives in src/protocol/compareRemediesTrainMessage.ts.)

const EpochFieldsSchema = v.object({ type: v.literal('epoch'), epochs: integerIn(0, 1_000_000), epoch: integerIn(0, 1_000_000) });

/** Worker → host: a finished epoch, the entry's result, or why there is none. */
export const CompareWorkerSchema = messageUnion([
  v.pipe(
    EpochFieldsSchema,
    rule<v.InferOutput<typeof EpochFieldsSchema>>('epoch', 'outOfRange', ({ epochs }) => `an integer in [0, ${epochs}]`, ({ epoch, epochs }) => epoch <= epochs),
  ),
  v.object({ type: v.literal('result'), result: WorkerEntryResultSchema }),
  v.object({ type: v.literal('error'), message: v.string() }),
]);
export type CompareWorkerMessage = v.InferOutput<typeof CompareWorkerSchema>;

// ——— host ⇄ webview ———

export const COMPARE_STRING_KEYS = [
  'title', 'intro', 'decayTitle', 'decayAria', 'decayX', 'decayY', 'lossTitle', 'lossAria', 'lossX', 'lossY', 'tableCaption',
  'entry', 'finalLoss', 'steps', 'clipped', 'lambda1', 'time', 'never', 'notApplicable', 'thresholdNote', 'diverged', 'setup',
] as const;
const CompareStringsSchema = textFields(COMPARE_STRING_KEYS);
export type CompareStrings = v.InferOutput<typeof CompareStringsSchema>;

/** One row of the table (lineupTable.ts computes it on the host). */
const CompareTableRowSchema = record(
  {
    id: v.string(),
    label: v.string(),
    finalValidationLoss: pageNumber,
    stepsToThreshold: numberOrNull,
    clippedPercent: numberOrNull,
    lambda1: numberOrNull,
    seconds: pageNumber,
    diverged: v.nullable(v.string()),
    best: v.boolean(),
  } satisfies Record<keyof CompareTableRow, v.GenericSchema>,
  'a table row',
);

export const CompareHostToWebviewSchema = messageUnion([
  v.object({
    type: v.literal('state'),
    requestId: integerIn(0, Number.MAX_SAFE_INTEGER),
    source: v.string(),
    epochs: integerIn(0, Number.MAX_SAFE_INTEGER),
    seed: integerIn(0, Number.MAX_SAFE_INTEGER),
    /** J* of the table (NaN when no entry has a finite final loss). */
    threshold: pageNumber,
    entries: list(entryResultSchema(pageNumber)),
    rows: list(CompareTableRowSchema),
    strings: CompareStringsSchema,
  }),
]);
export type CompareHostToWebviewMessage = v.InferOutput<typeof CompareHostToWebviewSchema>;
export type CompareStateMessage = CompareHostToWebviewMessage;

export const CompareWebviewToHostSchema = messageUnion([
  v.object({ type: v.literal('ready') }),
  v.object({
    type: v.literal('rendered'),
    requestId: integerIn(0, Number.MAX_SAFE_INTEGER),
    /** Entry ids of the table rows drawn, in order, and the datasets of each chart. */
    rows: list(v.string(), Number.POSITIVE_INFINITY, 'an array of entry ids'),
    decayLines: integerIn(0, 1000),
    lossLines: integerIn(0, 1000),
  }),
]);
export type CompareWebviewToHostMessage = v.InferOutput<typeof CompareWebviewToHostSchema>;
export type CompareRenderedMessage = Extract<CompareWebviewToHostMessage, { type: 'rendered' }>;

export function parseCompareWorkerMessage(raw: unknown): ValidationResult<CompareWorkerMessage> {
  return parseWith(CompareWorkerSchema, raw);
}

export function parseCompareWebviewMessage(raw: unknown): ValidationResult<CompareWebviewToHostMessage> {
  return parseWith(CompareWebviewToHostSchema, raw);
}

export function parseCompareHostMessage(raw: unknown): ValidationResult<CompareHostToWebviewMessage> {
  return parseWith(CompareHostToWebviewSchema, raw);
}
