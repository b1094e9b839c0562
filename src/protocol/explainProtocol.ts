// The "RNN Lab: Explain…" channel: host ⇄ webview messages as discriminated unions and their validators. Every string
// the page shows arrives already localised from the host (the webview has no l10n API).
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, readInteger, reject } from './validation';

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

/** One explanation, ready to show. */
export interface ExplanationView {
  readonly id: ExplanationTopicId;
  readonly title: string;
  readonly summary: string;
  readonly paragraphs: readonly string[];
  /** Unicode maths, one formula per line. */
  readonly formula: readonly string[];
  readonly symbols: string;
  /** "Authors (year). Title. Venue." */
  readonly sources: readonly string[];
  readonly experimentLabel: string;
  readonly lookFor: string;
}

/** The panel's fixed labels. */
export interface ExplanationPanelStrings {
  readonly formulaHeading: string;
  readonly symbolsLabel: string;
  readonly sourcesHeading: string;
  readonly experimentHeading: string;
  readonly lookForLabel: string;
  readonly otherTopics: string;
  readonly running: string;
}

/** Where the last experiment started from this panel stands. */
export type ExperimentStatus = 'idle' | 'running' | 'finished' | 'failed';

// ——— host → webview ———

export interface ExplanationStateMessage {
  readonly type: 'state';
  readonly topic: ExplanationView;
  readonly topics: readonly { readonly id: ExplanationTopicId; readonly title: string }[];
  readonly strings: ExplanationPanelStrings;
  readonly experiment: { readonly status: ExperimentStatus; readonly message: string };
}

export type ExplanationHostToWebviewMessage = ExplanationStateMessage;

// ——— webview → host ———

export interface ExplanationReadyMessage {
  readonly type: 'ready';
}

/** The student pressed the experiment button of `topic`. */
export interface RunExperimentMessage {
  readonly type: 'runExperiment';
  readonly topic: ExplanationTopicId;
}

/** The student picked another topic in the page. */
export interface ShowTopicMessage {
  readonly type: 'showTopic';
  readonly topic: ExplanationTopicId;
}

/** Sent after every drawing, counted from the DOM: which topic is on screen and what of it was drawn. */
export interface ExplanationRenderedMessage {
  readonly type: 'rendered';
  readonly topic: ExplanationTopicId;
  readonly formulaLines: number;
  readonly sources: number;
  readonly experimentButton: boolean;
}

export type ExplanationWebviewToHostMessage = ExplanationReadyMessage | RunExperimentMessage | ShowTopicMessage | ExplanationRenderedMessage;

/** What the page saves with setState, handed back after a window reload. */
export interface ExplanationPersistedState {
  readonly topic: ExplanationTopicId;
}

const STRING_KEYS = [
  'formulaHeading', 'symbolsLabel', 'sourcesHeading', 'experimentHeading', 'lookForLabel', 'otherTopics', 'running',
] as const satisfies readonly (keyof ExplanationPanelStrings)[];
const STATUSES: readonly ExperimentStatus[] = ['idle', 'running', 'finished', 'failed'];
/** Generous bounds on lists from the host, so a malformed message cannot make the page build thousands of nodes. */
const MAX_LIST = 64;

function readTopic(raw: unknown, path: string): ValidationResult<ExplanationTopicId> {
  return readEnum(raw, path, EXPLANATION_TOPIC_IDS);
}

function readString(raw: unknown, path: string): ValidationResult<string> {
  return typeof raw === 'string' ? accept(raw) : reject(path, 'wrongType', 'a string', raw);
}

function readStrings(raw: unknown, path: string): ValidationResult<readonly string[]> {
  if (!Array.isArray(raw)) return reject(path, 'wrongType', 'an array of strings', raw);
  if (raw.length > MAX_LIST) return reject(path, 'outOfRange', `at most ${MAX_LIST} strings`, raw.length);
  for (let i = 0; i < raw.length; i++) {
    const item = readString(raw[i], `${path}[${i}]`);
    if (!item.ok) return item;
  }
  return accept(raw as string[]);
}

export function parseExplanationWebviewToHostMessage(raw: unknown): ValidationResult<ExplanationWebviewToHostMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'ready':
      return accept({ type: 'ready' });
    case 'runExperiment':
    case 'showTopic': {
      const topic = readTopic(raw.topic, 'topic');
      return topic.ok ? accept({ type: raw.type, topic: topic.value }) : topic;
    }
    case 'rendered': {
      const topic = readTopic(raw.topic, 'topic');
      if (!topic.ok) return topic;
      const formulaLines = readInteger(raw.formulaLines, 'formulaLines', 0, MAX_LIST);
      if (!formulaLines.ok) return formulaLines;
      const sources = readInteger(raw.sources, 'sources', 0, MAX_LIST);
      if (!sources.ok) return sources;
      if (typeof raw.experimentButton !== 'boolean') return reject('experimentButton', 'wrongType', 'true or false', raw.experimentButton);
      return accept({ type: 'rendered', topic: topic.value, formulaLines: formulaLines.value, sources: sources.value, experimentButton: raw.experimentButton });
    }
    default:
      return reject('type', 'unknownType', 'one of ready, runExperiment, showTopic, rendered', raw.type);
  }
}

function parseView(raw: unknown, path: string): ValidationResult<ExplanationView> {
  if (!isRecord(raw)) return reject(path, 'notObject', 'an explanation object', raw);
  const id = readTopic(raw.id, `${path}.id`);
  if (!id.ok) return id;
  for (const key of ['title', 'summary', 'symbols', 'experimentLabel', 'lookFor'] as const) {
    const text = readString(raw[key], `${path}.${key}`);
    if (!text.ok) return text;
  }
  for (const key of ['paragraphs', 'formula', 'sources'] as const) {
    const list = readStrings(raw[key], `${path}.${key}`);
    if (!list.ok) return list;
  }
  return accept(raw as unknown as ExplanationView);
}

export function parseExplanationHostToWebviewMessage(raw: unknown): ValidationResult<ExplanationHostToWebviewMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'state') return reject('type', 'unknownType', 'state', raw.type);
  const topic = parseView(raw.topic, 'topic');
  if (!topic.ok) return topic;
  if (!Array.isArray(raw.topics)) return reject('topics', 'wrongType', 'an array of { id, title }', raw.topics);
  if (raw.topics.length > MAX_LIST) return reject('topics', 'outOfRange', `at most ${MAX_LIST} topics`, raw.topics.length);
  for (let i = 0; i < raw.topics.length; i++) {
    const entry: unknown = raw.topics[i];
    if (!isRecord(entry)) return reject(`topics[${i}]`, 'notObject', 'an object { id, title }', entry);
    const id = readTopic(entry.id, `topics[${i}].id`);
    if (!id.ok) return id;
    const title = readString(entry.title, `topics[${i}].title`);
    if (!title.ok) return title;
  }
  if (!isRecord(raw.strings)) return reject('strings', 'notObject', 'an object of strings', raw.strings);
  for (const key of STRING_KEYS) {
    const text = readString(raw.strings[key], `strings.${key}`);
    if (!text.ok) return text;
  }
  if (!isRecord(raw.experiment)) return reject('experiment', 'notObject', 'an object { status, message }', raw.experiment);
  const status = readEnum(raw.experiment.status, 'experiment.status', STATUSES);
  if (!status.ok) return status;
  const message = readString(raw.experiment.message, 'experiment.message');
  if (!message.ok) return message;
  return accept(raw as unknown as ExplanationStateMessage);
}

/** The state VS Code hands back after a reload; anything unreadable opens the first topic. */
export function parseExplanationPersistedState(raw: unknown): ValidationResult<ExplanationPersistedState> {
  if (!isRecord(raw)) return reject('', 'notObject', 'an object { topic }', raw);
  const topic = readTopic(raw.topic, 'topic');
  return topic.ok ? accept({ topic: topic.value }) : topic;
}
