// Text samples from a character model (issue 6, chart 6): the training panel's "Text sample" card asks the host for
// a sample; the host reads the run's model.json and has a short-lived worker_threads worker draw it (engine
// sampling.ts: softmax(ŷ/τ) per step, the drawn character fed back in). This file holds the messages of both hops —
// page ⇄ host (members of the training panel's unions, trainingPanelProtocol.ts) and host ⇄ worker — and their
// validators. The host owns the card's state and replays it on `ready`.
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, readInteger, reject } from './validation';

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
export type TextSampleStrings = Readonly<Record<TextSampleStringKey, string>>;

/** What the user asks for (page → host). */
export interface TextSampleRequest {
  readonly temperature: number;
  /** Warm-up text; characters outside the vocabulary are skipped (and listed). */
  readonly prime: string;
  readonly length: number;
}

/** A finished sample, as the page shows it. */
export interface TextSampleResult {
  readonly text: string;
  readonly temperature: number;
  readonly prime: string;
  readonly seed: number;
  readonly greedy: boolean;
  readonly skippedPrimeCharacters: readonly string[];
  readonly elapsedMs: number;
}

// ——— page ⇄ host (members of the training panel's unions) ———

/** Host → page: the card's state (sent on every replay and whenever it changes). */
export interface TextSampleStateMessage {
  readonly type: 'textSampleState';
  readonly availability: TextSampleAvailability;
  /** A sample is being drawn (the button is disabled). */
  readonly busy: boolean;
  /** The last request, so the controls come back as the user left them. */
  readonly request: TextSampleRequest;
  readonly strings: TextSampleStrings;
}

/** Host → page: a new sample. */
export interface TextSampleMessage extends TextSampleResult {
  readonly type: 'textSample';
}

/** Host → page: sampling failed; `message` is localised, for the card. */
export interface TextSampleErrorMessage {
  readonly type: 'textSampleError';
  readonly message: string;
}

/** Page → host: the "Sample" button. */
export interface SampleTextMessage extends TextSampleRequest {
  readonly type: 'sampleText';
}

/** Page → host: the card now shows the sample drawn with `seed` (its length in characters), for tests and logs. */
export interface TextSampleShownMessage {
  readonly type: 'textSampleShown';
  readonly seed: number;
  readonly characters: number;
}

export type TextSampleHostMessage = TextSampleStateMessage | TextSampleMessage | TextSampleErrorMessage;

// ——— host ⇄ worker ———

export interface SampleTextWorkerRequest {
  readonly type: 'sample';
  /** The run's model.json as text (engine serialisation with training.vocabulary). */
  readonly modelJson: string;
  readonly prime: string;
  readonly length: number;
  readonly temperature: number;
  readonly seed: number;
}

export interface SampledTextWorkerMessage {
  readonly type: 'sampled';
  readonly text: string;
  readonly greedy: boolean;
  readonly skippedPrimeCharacters: readonly string[];
  readonly elapsedMs: number;
}

export interface SamplingWorkerErrorMessage {
  readonly type: 'error';
  readonly message: string;
}

export type SamplingWorkerMessage = SampledTextWorkerMessage | SamplingWorkerErrorMessage;

// ——— validators ———

export const DEFAULT_TEXT_SAMPLE_REQUEST: TextSampleRequest = { temperature: PANEL_DEFAULT_TEMPERATURE, prime: '', length: PANEL_DEFAULT_SAMPLE_LENGTH };

function readNumberIn(raw: unknown, path: string, min: number, max: number): ValidationResult<number> {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return reject(path, 'wrongType', 'a number', raw);
  if (raw < min || raw > max) return reject(path, 'outOfRange', `a number in [${min}, ${max}]`, raw);
  return accept(raw);
}

function readString(raw: unknown, path: string, maxLength: number): ValidationResult<string> {
  if (typeof raw !== 'string') return reject(path, 'wrongType', 'a string', raw);
  if (raw.length > maxLength) return reject(path, 'outOfRange', `at most ${maxLength} characters`, raw.length);
  return accept(raw);
}

function readStringArray(raw: unknown, path: string): ValidationResult<readonly string[]> {
  if (!Array.isArray(raw)) return reject(path, 'wrongType', 'an array of strings', raw);
  for (let i = 0; i < raw.length; i++) if (typeof raw[i] !== 'string') return reject(`${path}[${i}]`, 'wrongType', 'a string', raw[i]);
  return accept(raw as string[]);
}

/** The user's request as the panel allows it: τ in [0.1, 2], prime ≤ 500 characters, length 1 … 2000. */
export function parseTextSampleRequest(raw: unknown, path = ''): ValidationResult<TextSampleRequest> {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  if (!isRecord(raw)) return reject(path, 'notObject', 'an object { temperature, prime, length }', raw);
  const temperature = readNumberIn(raw.temperature, at('temperature'), PANEL_MIN_TEMPERATURE, PANEL_MAX_TEMPERATURE);
  if (!temperature.ok) return temperature;
  const prime = readString(raw.prime, at('prime'), MAX_PRIME_LENGTH);
  if (!prime.ok) return prime;
  const length = readInteger(raw.length, at('length'), 1, PANEL_MAX_SAMPLE_LENGTH);
  if (!length.ok) return length;
  return accept({ temperature: temperature.value, prime: prime.value, length: length.value });
}

/** `sampleText` from the page (called by the training panel's parser). */
export function parseSampleTextMessage(raw: Record<string, unknown>): ValidationResult<SampleTextMessage> {
  const request = parseTextSampleRequest(raw);
  return request.ok ? accept({ type: 'sampleText', ...request.value }) : request;
}

/** `textSampleShown` from the page. */
export function parseTextSampleShownMessage(raw: Record<string, unknown>): ValidationResult<TextSampleShownMessage> {
  const seed = readInteger(raw.seed, 'seed', 0, 4294967295);
  if (!seed.ok) return seed;
  const characters = readInteger(raw.characters, 'characters', 0, PANEL_MAX_SAMPLE_LENGTH);
  if (!characters.ok) return characters;
  return accept({ type: 'textSampleShown', seed: seed.value, characters: characters.value });
}

function parseResultFields(raw: Record<string, unknown>): ValidationResult<TextSampleResult> {
  const text = readString(raw.text, 'text', PANEL_MAX_SAMPLE_LENGTH * 2);
  if (!text.ok) return text;
  const temperature = readNumberIn(raw.temperature, 'temperature', 0, WORKER_MAX_TEMPERATURE);
  if (!temperature.ok) return temperature;
  const prime = readString(raw.prime, 'prime', MAX_PRIME_LENGTH);
  if (!prime.ok) return prime;
  const seed = readInteger(raw.seed, 'seed', 0, 4294967295);
  if (!seed.ok) return seed;
  if (typeof raw.greedy !== 'boolean') return reject('greedy', 'wrongType', 'a boolean', raw.greedy);
  const skipped = readStringArray(raw.skippedPrimeCharacters, 'skippedPrimeCharacters');
  if (!skipped.ok) return skipped;
  const elapsedMs = readNumberIn(raw.elapsedMs, 'elapsedMs', 0, Number.MAX_VALUE);
  if (!elapsedMs.ok) return elapsedMs;
  return accept({
    text: text.value,
    temperature: temperature.value,
    prime: prime.value,
    seed: seed.value,
    greedy: raw.greedy,
    skippedPrimeCharacters: skipped.value,
    elapsedMs: elapsedMs.value,
  });
}

/** The three host → page messages of the card (called by the training panel's parser for these types). */
export function parseTextSampleHostMessage(raw: Record<string, unknown>): ValidationResult<TextSampleHostMessage> {
  switch (raw.type) {
    case 'textSampleState': {
      const availability = readEnum(raw.availability, 'availability', TEXT_SAMPLE_AVAILABILITY);
      if (!availability.ok) return availability;
      if (typeof raw.busy !== 'boolean') return reject('busy', 'wrongType', 'a boolean', raw.busy);
      const request = parseTextSampleRequest(raw.request, 'request');
      if (!request.ok) return request;
      if (!isRecord(raw.strings)) return reject('strings', 'notObject', 'an object of strings', raw.strings);
      for (const key of TEXT_SAMPLE_STRING_KEYS) {
        if (typeof raw.strings[key] !== 'string') return reject(`strings.${key}`, 'wrongType', 'a string', raw.strings[key]);
      }
      return accept({
        type: 'textSampleState',
        availability: availability.value,
        busy: raw.busy,
        request: request.value,
        strings: raw.strings as unknown as TextSampleStrings,
      });
    }
    case 'textSample': {
      const result = parseResultFields(raw);
      return result.ok ? accept({ type: 'textSample', ...result.value }) : result;
    }
    case 'textSampleError':
      return typeof raw.message === 'string' ? accept({ type: 'textSampleError', message: raw.message }) : reject('message', 'wrongType', 'a string', raw.message);
    default:
      return reject('type', 'unknownType', 'one of textSampleState, textSample, textSampleError', raw.type);
  }
}

/** Host → worker. */
export function parseSampleTextWorkerRequest(raw: unknown): ValidationResult<SampleTextWorkerRequest> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'sample') return reject('type', 'unknownType', 'sample', raw.type);
  const modelJson = readString(raw.modelJson, 'modelJson', MAX_MODEL_JSON_LENGTH);
  if (!modelJson.ok) return modelJson;
  const prime = readString(raw.prime, 'prime', MAX_PRIME_LENGTH);
  if (!prime.ok) return prime;
  const length = readInteger(raw.length, 'length', 1, PANEL_MAX_SAMPLE_LENGTH);
  if (!length.ok) return length;
  const temperature = readNumberIn(raw.temperature, 'temperature', Number.MIN_VALUE, WORKER_MAX_TEMPERATURE);
  if (!temperature.ok) return temperature;
  const seed = readInteger(raw.seed, 'seed', 0, 4294967295);
  if (!seed.ok) return seed;
  return accept({ type: 'sample', modelJson: modelJson.value, prime: prime.value, length: length.value, temperature: temperature.value, seed: seed.value });
}

/** Worker → host. */
export function parseSamplingWorkerMessage(raw: unknown): ValidationResult<SamplingWorkerMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type === 'error') return typeof raw.message === 'string' ? accept({ type: 'error', message: raw.message }) : reject('message', 'wrongType', 'a string', raw.message);
  if (raw.type !== 'sampled') return reject('type', 'unknownType', 'one of sampled, error', raw.type);
  const text = readString(raw.text, 'text', PANEL_MAX_SAMPLE_LENGTH * 2);
  if (!text.ok) return text;
  if (typeof raw.greedy !== 'boolean') return reject('greedy', 'wrongType', 'a boolean', raw.greedy);
  const skipped = readStringArray(raw.skippedPrimeCharacters, 'skippedPrimeCharacters');
  if (!skipped.ok) return skipped;
  const elapsedMs = readNumberIn(raw.elapsedMs, 'elapsedMs', 0, Number.MAX_VALUE);
  if (!elapsedMs.ok) return elapsedMs;
  return accept({ type: 'sampled', text: text.value, greedy: raw.greedy, skippedPrimeCharacters: skipped.value, elapsedMs: elapsedMs.value });
}
