// The "Show Lecture Topologies" channel: host ⇄ webview messages as discriminated unions, the command argument
// `{ topology, inputLength, outputLength }`, and the validators that every value crossing the boundary goes through.
import type { TopologyId } from '../engine/dataset';
import type { ValidationResult } from './validation';
import { accept, isRecord, readEnum, readInteger, reject } from './validation';

/** The lecture's order (same ids as the engine's TOPOLOGY_IDS; a unit test keeps the two lists equal). */
export const TOPOLOGY_ORDER: readonly TopologyId[] = [
  'one-to-one',
  'one-to-many',
  'many-to-one',
  'many-to-many-encoder-decoder',
  'many-to-many-synced',
];

/** Longest sequence the command accepts; the diagram draws at most MAX_DRAWN_STEPS of it with an ellipsis. */
export const MAX_SEQUENCE_STEPS = 1_000_000;

/** Step counts used when the caller gives none: short enough to read, long enough to show the unrolling. */
export const DEFAULT_STEPS: Readonly<Record<TopologyId, { readonly inputLength: number; readonly outputLength: number }>> = {
  'one-to-one': { inputLength: 1, outputLength: 1 },
  'one-to-many': { inputLength: 1, outputLength: 4 },
  'many-to-one': { inputLength: 4, outputLength: 1 },
  'many-to-many-encoder-decoder': { inputLength: 3, outputLength: 3 },
  'many-to-many-synced': { inputLength: 4, outputLength: 4 },
};

/** One topology with concrete step counts: what a focused panel draws. */
export interface TopologyFocus {
  readonly topology: TopologyId;
  /** Input steps T (1 for one-to-one and one-to-many). */
  readonly inputLength: number;
  /** Output steps M (1 for one-to-one and many-to-one; equal to T for synced many-to-many). */
  readonly outputLength: number;
}

/**
 * Checks the argument of `rnnLab.showTopologies` (or a restored/ webview-sent focus). `topology` is required;
 * the lengths are optional integers in [1, MAX_SEQUENCE_STEPS]. Lengths a topology fixes must match:
 * one-to-one is 1 → 1, one-to-many takes 1 input, many-to-one gives 1 output, synced many-to-many has M = T
 * (given one of the two, the other follows). Missing lengths take DEFAULT_STEPS.
 */
export function parseTopologyFocus(raw: unknown, path = ''): ValidationResult<TopologyFocus> {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  if (!isRecord(raw)) return reject(path, 'notObject', 'an object { topology, inputLength?, outputLength? }', raw);
  if (raw.topology === undefined) return reject(at('topology'), 'missing', `one of ${TOPOLOGY_ORDER.join(', ')}`, raw.topology);
  const topology = readEnum(raw.topology, at('topology'), TOPOLOGY_ORDER);
  if (!topology.ok) return topology;
  const lengths: { inputLength?: number; outputLength?: number } = {};
  for (const field of ['inputLength', 'outputLength'] as const) {
    if (raw[field] === undefined) continue;
    const length = readInteger(raw[field], at(field), 1, MAX_SEQUENCE_STEPS);
    if (!length.ok) return length;
    lengths[field] = length.value;
  }
  const id = topology.value;
  const defaults = DEFAULT_STEPS[id];
  const fixedInput = id === 'one-to-one' || id === 'one-to-many';
  const fixedOutput = id === 'one-to-one' || id === 'many-to-one';
  if (fixedInput && lengths.inputLength !== undefined && lengths.inputLength !== 1) {
    return reject(at('inputLength'), 'conflict', `1 (${id} takes a single input)`, lengths.inputLength);
  }
  if (fixedOutput && lengths.outputLength !== undefined && lengths.outputLength !== 1) {
    return reject(at('outputLength'), 'conflict', `1 (${id} gives a single output)`, lengths.outputLength);
  }
  if (id === 'many-to-many-synced') {
    const { inputLength, outputLength } = lengths;
    if (inputLength !== undefined && outputLength !== undefined && inputLength !== outputLength) {
      return reject(at('outputLength'), 'conflict', `the same as inputLength (${inputLength}) for synced many-to-many`, outputLength);
    }
    const steps = inputLength ?? outputLength ?? defaults.inputLength;
    return accept({ topology: id, inputLength: steps, outputLength: steps });
  }
  return accept({
    topology: id,
    inputLength: lengths.inputLength ?? defaults.inputLength,
    outputLength: lengths.outputLength ?? defaults.outputLength,
  });
}

/** Name and caption of one topology, already localised by the host. */
export interface TopologyText {
  /** e.g. "Many-to-one". */
  readonly name: string;
  /** The examples from the lecture, e.g. "Sentiment analysis: a whole sentence → one label." */
  readonly caption: string;
}

/**
 * Every string the panel shows, localised by the host (the webview has no l10n API). Templates use {0}, {1} …
 * as vscode.l10n.t does.
 */
export interface TopologyPanelStrings {
  readonly heading: string;
  readonly intro: string;
  readonly focusLabel: string;
  readonly allTopologies: string;
  readonly inputStepsLabel: string;
  readonly outputStepsLabel: string;
  /** Shown beside a step count the topology fixes (e.g. one-to-many's single input). */
  readonly fixedByTopology: string;
  /** Label before the buttons that switch a focused panel to another topology. */
  readonly otherTopologies: string;
  readonly encoder: string;
  readonly decoder: string;
  /** Label of the arrow that carries the encoder's final state into the decoder. */
  readonly context: string;
  /** Axis label under each diagram: "time step t →". */
  readonly timeAxis: string;
  readonly legendInput: string;
  readonly legendHidden: string;
  readonly legendOutput: string;
  /** "{0} of {1} steps drawn" when a long sequence is elided. */
  readonly elidedSteps: string;
  /** Accessible name of a diagram: {0} name, {1} input steps, {2} hidden states, {3} output steps, {4} caption. */
  readonly diagramAria: string;
  /** Accessible name of the encoder–decoder diagram: {0} name, {1} encoder steps, {2} decoder steps, {3} caption. */
  readonly encoderDecoderAria: string;
  readonly topologies: Readonly<Record<TopologyId, TopologyText>>;
}

const STRING_KEYS = [
  'heading', 'intro', 'focusLabel', 'allTopologies', 'inputStepsLabel', 'outputStepsLabel', 'fixedByTopology',
  'otherTopologies', 'encoder', 'decoder', 'context', 'timeAxis', 'legendInput', 'legendHidden', 'legendOutput',
  'elidedSteps', 'diagramAria', 'encoderDecoderAria',
] as const satisfies readonly Exclude<keyof TopologyPanelStrings, 'topologies'>[];

// ——— host → webview ———

/** The whole panel state; sent after every `ready` (replay) and whenever the host changes the focus. */
export interface TopologyStateMessage {
  readonly type: 'state';
  /** Increases with every command invocation; the webview's `rendered` report echoes it. */
  readonly requestId: number;
  /** null: the overview of all five topologies. */
  readonly focus: TopologyFocus | null;
  readonly strings: TopologyPanelStrings;
}

export type TopologyHostToWebviewMessage = TopologyStateMessage;

// ——— webview → host ———

/** First message of every (re)loaded webview: the host answers with the state. */
export interface TopologyReadyMessage {
  readonly type: 'ready';
}

/** Sent after every drawing, computed from the DOM: the topology ids of the SVG diagrams present, in page order. */
export interface TopologyRenderedMessage {
  readonly type: 'rendered';
  /** The `requestId` of the state drawn; null when the webview redrew on its own (theme change, user pick). */
  readonly requestId: number | null;
  readonly rendered: readonly TopologyId[];
}

/** The user picked another topology or step count in the panel; the host keeps it for replay. */
export interface TopologyFocusChangedMessage {
  readonly type: 'focusChanged';
  readonly focus: TopologyFocus | null;
}

export type TopologyWebviewToHostMessage = TopologyReadyMessage | TopologyRenderedMessage | TopologyFocusChangedMessage;

/** What the webview persists with setState, handed back to the panel serializer after a window reload. */
export interface TopologyPersistedState {
  readonly focus: TopologyFocus | null;
}

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;

function parseFocusOrNull(raw: unknown, path: string): ValidationResult<TopologyFocus | null> {
  return raw === null ? accept(null) : parseTopologyFocus(raw, path);
}

export function parseTopologyWebviewToHostMessage(raw: unknown): ValidationResult<TopologyWebviewToHostMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  switch (raw.type) {
    case 'ready':
      return accept({ type: 'ready' });
    case 'rendered': {
      let requestId: number | null = null;
      if (raw.requestId !== null) {
        const id = readInteger(raw.requestId, 'requestId', 0, MAX_REQUEST_ID);
        if (!id.ok) return id;
        requestId = id.value;
      }
      if (!Array.isArray(raw.rendered)) return reject('rendered', 'wrongType', 'an array of topology ids', raw.rendered);
      if (raw.rendered.length > TOPOLOGY_ORDER.length) {
        return reject('rendered', 'outOfRange', `at most ${TOPOLOGY_ORDER.length} topology ids`, raw.rendered);
      }
      const rendered: TopologyId[] = [];
      for (let i = 0; i < raw.rendered.length; i++) {
        const id = readEnum(raw.rendered[i], `rendered[${i}]`, TOPOLOGY_ORDER);
        if (!id.ok) return id;
        if (rendered.includes(id.value)) return reject(`rendered[${i}]`, 'conflict', 'each topology at most once', id.value);
        rendered.push(id.value);
      }
      return accept({ type: 'rendered', requestId, rendered });
    }
    case 'focusChanged': {
      if (!('focus' in raw)) return reject('focus', 'missing', 'a topology focus or null', undefined);
      const focus = parseFocusOrNull(raw.focus, 'focus');
      return focus.ok ? accept({ type: 'focusChanged', focus: focus.value }) : focus;
    }
    default:
      return reject('type', 'unknownType', 'one of ready, rendered, focusChanged', raw.type);
  }
}

function parseStrings(raw: unknown, path: string): ValidationResult<TopologyPanelStrings> {
  if (!isRecord(raw)) return reject(path, 'notObject', 'an object of strings', raw);
  for (const key of STRING_KEYS) {
    if (typeof raw[key] !== 'string') return reject(`${path}.${key}`, 'wrongType', 'a string', raw[key]);
  }
  const topologies = raw.topologies;
  if (!isRecord(topologies)) return reject(`${path}.topologies`, 'notObject', 'an object keyed by topology id', topologies);
  for (const id of TOPOLOGY_ORDER) {
    const text = topologies[id];
    if (!isRecord(text)) return reject(`${path}.topologies.${id}`, 'notObject', 'an object { name, caption }', text);
    for (const field of ['name', 'caption'] as const) {
      if (typeof text[field] !== 'string') return reject(`${path}.topologies.${id}.${field}`, 'wrongType', 'a string', text[field]);
    }
  }
  return accept(raw as unknown as TopologyPanelStrings);
}

export function parseTopologyHostToWebviewMessage(raw: unknown): ValidationResult<TopologyHostToWebviewMessage> {
  if (!isRecord(raw)) return reject('', 'notObject', 'a message object', raw);
  if (raw.type !== 'state') return reject('type', 'unknownType', 'state', raw.type);
  const requestId = readInteger(raw.requestId, 'requestId', 0, MAX_REQUEST_ID);
  if (!requestId.ok) return requestId;
  if (!('focus' in raw)) return reject('focus', 'missing', 'a topology focus or null', undefined);
  const focus = parseFocusOrNull(raw.focus, 'focus');
  if (!focus.ok) return focus;
  const strings = parseStrings(raw.strings, 'strings');
  if (!strings.ok) return strings;
  return accept({ type: 'state', requestId: requestId.value, focus: focus.value, strings: strings.value });
}

/** The state VS Code hands back after a reload; anything unreadable restores the overview. */
export function parseTopologyPersistedState(raw: unknown): ValidationResult<TopologyPersistedState> {
  if (!isRecord(raw)) return reject('', 'notObject', 'an object { focus }', raw);
  const focus = parseFocusOrNull(raw.focus ?? null, 'focus');
  return focus.ok ? accept({ focus: focus.value }) : focus;
}
