// Text samples from a character model (issue 6, chart 6): the training panel's "Text sample" card asks the host for
// a sample; the host reads the run's model.json and has a short-lived worker_threads worker draw it (engine
// sampling.ts: softmax(ŷ/τ) per step, the drawn character fed back in). This file holds the messages of both hops —
// page ⇄ host (members of the training panel's unions, trainingPanelProtocol.ts) and host ⇄ worker — as valibot
// schemas (schema.ts) with their inferred types. The host owns the card's state and replays it on `ready`.
import * as v from 'valibot';
import type { ValidationResult } from './validation';
import type { MessageOf } from './schema';
import { integerIn, list, messageUnion, numberIn, parseWith, record, textFields, textUpTo } from './schema';

/** The panel's temperature slider: 0.1 … 2 in steps of 0.1, default 1 (plain softmax). */
export const PANEL_MIN_TEMPERATURE = 0.1;
export const PANEL_MAX_TEMPERATURE = 2;
export const PANEL_TEMPERATURE_STEP = 0.1;
export const PANEL_DEFAULT_TEMPERATURE = 1;
/** Characters per sample the panel asks for: default and cap (a sample takes milliseconds per 1000 characters). */
export const PANEL_DEFAULT_SAMPLE_LENGTH = 300;
export const PANEL_MAX_SAMPLE_LENGTH = 2000;
/** Longest prime text accepted from the page. */
export const MAX_PRIME_LENGTH = 500;
/** The worker accepts τ from greedy (≤ 1e-3 in the engine) to this. */
export const WORKER_MAX_TEMPERATURE = 100;
/** A model.json larger than this is not a model RNN Lab trains in a panel (≈ 100× the largest settings allow). */
export const MAX_MODEL_JSON_LENGTH = 200_000_000;

/**
 * Whether the card is shown and usable: `ready` once the run's model.json is saved, `waiting` while the run trains,
 * `noModel` when it ended without saving a model (failed before the first epoch).
 */
export const TEXT_SAMPLE_AVAILABILITY = ['ready', 'waiting', 'noModel'] as const;
export type TextSampleAvailability = (typeof TEXT_SAMPLE_AVAILABILITY)[number];

export const TEXT_SAMPLE_STRING_KEYS = [
  'title', 'intro', 'temperatureLabel', 'temperatureHint', 'primeLabel', 'primePlaceholder', 'lengthLabel', 'sampleButton',
  'sampling', 'waiting', 'noModel', 'resultLabel', 'resultCaption', 'skippedNote', 'failed', 'empty',
] as const;
export type TextSampleStringKey = (typeof TEXT_SAMPLE_STRING_KEYS)[number];
const TextSampleStringsSchema = textFields(TEXT_SAMPLE_STRING_KEYS);
export type TextSampleStrings = v.InferOutput<typeof TextSampleStringsSchema>;

const seed = integerIn(0, 4294967295);
const prime = textUpTo(MAX_PRIME_LENGTH);
const sampleLength = integerIn(1, PANEL_MAX_SAMPLE_LENGTH);
const sampledText = textUpTo(PANEL_MAX_SAMPLE_LENGTH * 2);
const skippedPrimeCharacters = list(v.string(), Number.POSITIVE_INFINITY, 'an array of strings');
const elapsedMs = numberIn(0, Number.MAX_VALUE);

/** What the user asks for (page → host), as the panel allows it: τ in [0.1, 2], prime ≤ 500 characters, length 1 … 2000. */
const requestEntries = {
  temperature: numberIn(PANEL_MIN_TEMPERATURE, PANEL_MAX_TEMPERATURE),
  /** Warm-up text; characters outside the vocabulary are skipped (and listed). */
  prime,
  length: sampleLength,
};
const TextSampleRequestSchema = record(requestEntries, 'an object { temperature, prime, length }');
export type TextSampleRequest = v.InferOutput<typeof TextSampleRequestSchema>;

/** A finished sample, as the page shows it. */
const resultEntries = {
  text: sampledText,
  temperature: numberIn(0, WORKER_MAX_TEMPERATURE),
  prime,
  seed,
  greedy: v.boolean(),
  skippedPrimeCharacters,
  elapsedMs,
};
const TextSampleResultSchema = record(resultEntries);
export type TextSampleResult = v.InferOutput<typeof TextSampleResultSchema>;

export const DEFAULT_TEXT_SAMPLE_REQUEST: TextSampleRequest = { temperature: PANEL_DEFAULT_TEMPERATURE, prime: '', length: PANEL_DEFAULT_SAMPLE_LENGTH };

// ——— page ⇄ host (members of the training panel's unions) ———

/** Host → page: the card's messages. */
export const TEXT_SAMPLE_HOST_OPTIONS = [
  /** The card's state (sent on every replay and whenever it changes). */
  v.object({
    type: v.literal('textSampleState'),
    availability: v.picklist(TEXT_SAMPLE_AVAILABILITY),
    /** A sample is being drawn (the button is disabled). */
    busy: v.boolean(),
    /** The last request, so the controls come back as the user left them. */
    request: TextSampleRequestSchema,
    strings: TextSampleStringsSchema,
  }),
  /** A new sample. */
  v.object({ type: v.literal('textSample'), ...resultEntries }),
  /** Sampling failed; `message` is localised, for the card. */
  v.object({ type: v.literal('textSampleError'), message: v.string() }),
] as const;
export type TextSampleHostMessage = MessageOf<typeof TEXT_SAMPLE_HOST_OPTIONS>;
export type TextSampleStateMessage = Extract<TextSampleHostMessage, { type: 'textSampleState' }>;
export type TextSampleMessage = Extract<TextSampleHostMessage, { type: 'textSample' }>;
export type TextSampleErrorMessage = Extract<TextSampleHostMessage, { type: 'textSampleError' }>;

/** Page → host: the card's messages. */
export const TEXT_SAMPLE_PAGE_OPTIONS = [
  /** The "Sample" button. */
  v.object({ type: v.literal('sampleText'), ...requestEntries }),
  /** The card now shows the sample drawn with `seed` (its length in characters), for tests and logs. */
  v.object({ type: v.literal('textSampleShown'), seed, characters: integerIn(0, PANEL_MAX_SAMPLE_LENGTH) }),
] as const;
type TextSamplePageMessage = MessageOf<typeof TEXT_SAMPLE_PAGE_OPTIONS>;
export type SampleTextMessage = Extract<TextSamplePageMessage, { type: 'sampleText' }>;
export type TextSampleShownMessage = Extract<TextSamplePageMessage, { type: 'textSampleShown' }>;

// ——— host ⇄ worker ———

/** Host → worker: draw one sample. */
export const SampleTextWorkerRequestSchema = messageUnion([
  v.object({
    type: v.literal('sample'),
    /** The run's model.json as text (engine serialisation with training.vocabulary). */
    modelJson: textUpTo(MAX_MODEL_JSON_LENGTH),
    prime,
    length: sampleLength,
    temperature: numberIn(Number.MIN_VALUE, WORKER_MAX_TEMPERATURE),
    seed,
  }),
]);
export type SampleTextWorkerRequest = v.InferOutput<typeof SampleTextWorkerRequestSchema>;

/** Worker → host: the sample, or why there is none. */
export const SamplingWorkerMessageSchema = messageUnion([
  v.object({ type: v.literal('sampled'), text: sampledText, greedy: v.boolean(), skippedPrimeCharacters, elapsedMs }),
  v.object({ type: v.literal('error'), message: v.string() }),
]);
export type SamplingWorkerMessage = v.InferOutput<typeof SamplingWorkerMessageSchema>;
export type SampledTextWorkerMessage = Extract<SamplingWorkerMessage, { type: 'sampled' }>;
export type SamplingWorkerErrorMessage = Extract<SamplingWorkerMessage, { type: 'error' }>;

/** The user's request (the `rnnLab.sampleText` command's arguments over the defaults). */
export function parseTextSampleRequest(raw: unknown): ValidationResult<TextSampleRequest> {
  return parseWith(TextSampleRequestSchema, raw);
}

export function parseSampleTextWorkerRequest(raw: unknown): ValidationResult<SampleTextWorkerRequest> {
  return parseWith(SampleTextWorkerRequestSchema, raw);
}

export function parseSamplingWorkerMessage(raw: unknown): ValidationResult<SamplingWorkerMessage> {
  return parseWith(SamplingWorkerMessageSchema, raw);
}
