// The "RNN Lab: Explain…" channel: host ⇄ webview messages as discriminated unions, declared as valibot schemas
// (schema.ts) with their inferred types. Every string the page shows arrives already localised from the host (the
// webview has no l10n API).
import * as v from 'valibot';
import type { ValidationResult } from './validation';
import { integerIn, list, messageUnion, parseWith, record } from './schema';

/** Topic ids, in the lecture's order (src/host/explain/lectureTopics.ts gives each its formula, sources, experiment). */
export const EXPLANATION_TOPIC_IDS = [
  'topologies',
  'cost-and-gradient-descent',
  'bptt',
  'vanishing-gradient',
  'exploding-gradient',
  'truncated-bptt',
  'penalties',
  'gradient-clipping',
  'weight-initialisation',
  'echo-state-networks',
  'lstm',
] as const;

export type ExplanationTopicId = (typeof EXPLANATION_TOPIC_IDS)[number];

/** Where the last experiment started from this panel stands. */
const EXPERIMENT_STATUSES = ['idle', 'running', 'finished', 'failed'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Generous bounds on lists from the host, so a malformed message cannot make the page build thousands of nodes. */
const MAX_LIST = 64;

const topicId = v.picklist(EXPLANATION_TOPIC_IDS);
const text = v.string();
const texts = list(text, MAX_LIST, 'an array of strings');

/** One explanation, ready to show. */
const ExplanationViewSchema = record(
  {
    id: topicId,
    title: text,
    summary: text,
    paragraphs: texts,
    /** Unicode maths, one formula per line. */
    formula: texts,
    symbols: text,
    /** "Authors (year). Title. Venue." */
    sources: texts,
    experimentLabel: text,
    lookFor: text,
  },
  'an explanation object',
);
export type ExplanationView = v.InferOutput<typeof ExplanationViewSchema>;

/** The panel's fixed labels. */
const ExplanationPanelStringsSchema = record(
  {
    formulaHeading: text,
    symbolsLabel: text,
    sourcesHeading: text,
    experimentHeading: text,
    lookForLabel: text,
    otherTopics: text,
    running: text,
  },
  'an object of strings',
);
export type ExplanationPanelStrings = v.InferOutput<typeof ExplanationPanelStringsSchema>;

// ——— host → webview ———

export const ExplanationHostToWebviewSchema = messageUnion([
  v.object({
    type: v.literal('state'),
    topic: ExplanationViewSchema,
    topics: list(record({ id: topicId, title: text }, 'an object { id, title }'), MAX_LIST, 'an array of { id, title }'),
    strings: ExplanationPanelStringsSchema,
    experiment: record({ status: v.picklist(EXPERIMENT_STATUSES), message: text }, 'an object { status, message }'),
  }),
]);
export type ExplanationHostToWebviewMessage = v.InferOutput<typeof ExplanationHostToWebviewSchema>;
export type ExplanationStateMessage = ExplanationHostToWebviewMessage;

// ——— webview → host ———

export const ExplanationWebviewToHostSchema = messageUnion([
  v.object({ type: v.literal('ready') }),
  /** The student pressed the experiment button of `topic`. */
  v.object({ type: v.literal('runExperiment'), topic: topicId }),
  /** The student picked another topic in the page. */
  v.object({ type: v.literal('showTopic'), topic: topicId }),
  /** Sent after every drawing, counted from the DOM: which topic is on screen and what of it was drawn. */
  v.object({
    type: v.literal('rendered'),
    topic: topicId,
    formulaLines: integerIn(0, MAX_LIST),
    sources: integerIn(0, MAX_LIST),
    experimentButton: v.boolean('true or false'),
  }),
]);
export type ExplanationWebviewToHostMessage = v.InferOutput<typeof ExplanationWebviewToHostSchema>;
export type ExplanationReadyMessage = Extract<ExplanationWebviewToHostMessage, { type: 'ready' }>;
export type RunExperimentMessage = Extract<ExplanationWebviewToHostMessage, { type: 'runExperiment' }>;
export type ShowTopicMessage = Extract<ExplanationWebviewToHostMessage, { type: 'showTopic' }>;
export type ExplanationRenderedMessage = Extract<ExplanationWebviewToHostMessage, { type: 'rendered' }>;

/** What the page saves with setState, handed back after a window reload. */
export const ExplanationPersistedStateSchema = record({ topic: topicId }, 'an object { topic }');
export type ExplanationPersistedState = v.InferOutput<typeof ExplanationPersistedStateSchema>;

export function parseExplanationWebviewToHostMessage(raw: unknown): ValidationResult<ExplanationWebviewToHostMessage> {
  return parseWith(ExplanationWebviewToHostSchema, raw);
}

export function parseExplanationHostToWebviewMessage(raw: unknown): ValidationResult<ExplanationHostToWebviewMessage> {
  return parseWith(ExplanationHostToWebviewSchema, raw);
}

/** The state VS Code hands back after a reload; anything unreadable opens the first topic. */
export function parseExplanationPersistedState(raw: unknown): ValidationResult<ExplanationPersistedState> {
  return parseWith(ExplanationPersistedStateSchema, raw);
}
