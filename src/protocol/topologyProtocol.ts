// The "Show Lecture Topologies" channel: host ⇄ webview messages as discriminated unions, the command argument
// `{ topology, inputLength, outputLength }`, and their valibot schemas (schema.ts), which every value crossing the
// boundary goes through. The message types are inferred from the schemas.
import * as v from 'valibot';
import type { TopologyId } from '../engine/dataset';
import type { ValidationIssue, ValidationResult } from './validation';
import { integerIn, list, distinct, messageUnion, parseWith, present, record, refine } from './schema';

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

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;
const topologyId = v.picklist(TOPOLOGY_ORDER);
const stepCount = integerIn(1, MAX_SEQUENCE_STEPS);

/** The focus as given: the lengths are optional. */
const TopologyFocusFieldsSchema = record(
  {
    topology: present(topologyId, `one of ${TOPOLOGY_ORDER.join(', ')}`),
    inputLength: v.optional(stepCount),
    outputLength: v.optional(stepCount),
  },
  'an object { topology, inputLength?, outputLength? }',
);
type TopologyFocusFields = v.InferOutput<typeof TopologyFocusFieldsSchema>;

/** Lengths a topology fixes must match: one-to-one is 1 → 1, one-to-many takes 1 input, many-to-one gives 1 output, synced has M = T. */
function lengthConflict({ topology: id, inputLength, outputLength }: TopologyFocusFields): ValidationIssue | null {
  const conflict = (path: string, expected: string, received: number): ValidationIssue => ({ path, kind: 'conflict', expected, received: String(received) });
  if ((id === 'one-to-one' || id === 'one-to-many') && inputLength !== undefined && inputLength !== 1) {
    return conflict('inputLength', `1 (${id} takes a single input)`, inputLength);
  }
  if ((id === 'one-to-one' || id === 'many-to-one') && outputLength !== undefined && outputLength !== 1) {
    return conflict('outputLength', `1 (${id} gives a single output)`, outputLength);
  }
  if (id === 'many-to-many-synced' && inputLength !== undefined && outputLength !== undefined && inputLength !== outputLength) {
    return conflict('outputLength', `the same as inputLength (${inputLength}) for synced many-to-many`, outputLength);
  }
  return null;
}

/** Missing lengths take DEFAULT_STEPS; for synced many-to-many, one given length gives the other. */
function withDefaultSteps({ topology, inputLength, outputLength }: TopologyFocusFields): TopologyFocus {
  const defaults = DEFAULT_STEPS[topology];
  if (topology === 'many-to-many-synced') {
    const steps = inputLength ?? outputLength ?? defaults.inputLength;
    return { topology, inputLength: steps, outputLength: steps };
  }
  return { topology, inputLength: inputLength ?? defaults.inputLength, outputLength: outputLength ?? defaults.outputLength };
}

/**
 * The argument of `rnnLab.showTopologies` (or a restored / webview-sent focus). `topology` is required; the lengths
 * are optional integers in [1, MAX_SEQUENCE_STEPS] that must agree with the topology (lengthConflict).
 */
export const TopologyFocusSchema = v.pipe(TopologyFocusFieldsSchema, refine(lengthConflict), v.transform(withDefaultSteps));

const focusOrNull = present(v.nullable(TopologyFocusSchema), 'a topology focus or null');

const TopologyTextSchema = record({ name: v.string(), caption: v.string() }, 'an object { name, caption }');
/** Name and caption of one topology, already localised by the host. */
export type TopologyText = v.InferOutput<typeof TopologyTextSchema>;

const text = v.string();

/**
 * Every string the panel shows, localised by the host (the webview has no l10n API). Templates use {0}, {1} …
 * as vscode.l10n.t does.
 */
export const TopologyPanelStringsSchema = record(
  {
    heading: text,
    intro: text,
    focusLabel: text,
    allTopologies: text,
    inputStepsLabel: text,
    outputStepsLabel: text,
    /** Shown beside a step count the topology fixes (e.g. one-to-many's single input). */
    fixedByTopology: text,
    /** Label before the buttons that switch a focused panel to another topology. */
    otherTopologies: text,
    encoder: text,
    decoder: text,
    /** Label of the arrow that carries the encoder's final state into the decoder. */
    context: text,
    /** Axis label under each diagram: "time step t →". */
    timeAxis: text,
    legendInput: text,
    legendHidden: text,
    legendOutput: text,
    /** "{0} of {1} steps drawn" when a long sequence is elided. */
    elidedSteps: text,
    /** Accessible name of a diagram: {0} name, {1} input steps, {2} hidden states, {3} output steps, {4} caption. */
    diagramAria: text,
    /** Accessible name of the encoder–decoder diagram: {0} name, {1} encoder steps, {2} decoder steps, {3} caption. */
    encoderDecoderAria: text,
    /** Name and caption of every topology ("Many-to-one"; "Sentiment analysis: a whole sentence → one label."). */
    topologies: record(
      {
        'one-to-one': TopologyTextSchema,
        'one-to-many': TopologyTextSchema,
        'many-to-one': TopologyTextSchema,
        'many-to-many-encoder-decoder': TopologyTextSchema,
        'many-to-many-synced': TopologyTextSchema,
      } satisfies Record<TopologyId, typeof TopologyTextSchema>,
      'an object keyed by topology id',
    ),
  },
  'an object of strings',
);
export type TopologyPanelStrings = v.InferOutput<typeof TopologyPanelStringsSchema>;

// ——— host → webview ———

export const TopologyHostToWebviewSchema = messageUnion([
  /** The whole panel state; sent after every `ready` (replay) and whenever the host changes the focus. */
  v.object({
    type: v.literal('state'),
    /** Increases with every command invocation; the webview's `rendered` report echoes it. */
    requestId: integerIn(0, MAX_REQUEST_ID),
    /** null: the overview of all five topologies. */
    focus: focusOrNull,
    strings: TopologyPanelStringsSchema,
  }),
]);
export type TopologyHostToWebviewMessage = v.InferOutput<typeof TopologyHostToWebviewSchema>;
export type TopologyStateMessage = Extract<TopologyHostToWebviewMessage, { type: 'state' }>;

// ——— webview → host ———

export const TopologyWebviewToHostSchema = messageUnion([
  /** First message of every (re)loaded webview: the host answers with the state. */
  v.object({ type: v.literal('ready') }),
  /** Sent after every drawing, computed from the DOM: the topology ids of the SVG diagrams present, in page order. */
  v.object({
    type: v.literal('rendered'),
    /** The `requestId` of the state drawn; null when the webview redrew on its own (theme change, user pick). */
    requestId: v.nullable(integerIn(0, MAX_REQUEST_ID)),
    rendered: v.pipe(
      list(topologyId, TOPOLOGY_ORDER.length, 'an array of topology ids'),
      distinct<TopologyId>((id) => id, '', 'each topology at most once'),
    ),
  }),
  /** The user picked another topology or step count in the panel; the host keeps it for replay. */
  v.object({ type: v.literal('focusChanged'), focus: focusOrNull }),
]);
export type TopologyWebviewToHostMessage = v.InferOutput<typeof TopologyWebviewToHostSchema>;
export type TopologyReadyMessage = Extract<TopologyWebviewToHostMessage, { type: 'ready' }>;
export type TopologyRenderedMessage = Extract<TopologyWebviewToHostMessage, { type: 'rendered' }>;
export type TopologyFocusChangedMessage = Extract<TopologyWebviewToHostMessage, { type: 'focusChanged' }>;

/** What the webview persists with setState, handed back to the panel serializer after a window reload. */
export const TopologyPersistedStateSchema = record({ focus: v.nullish(TopologyFocusSchema, null) }, 'an object { focus }');
export type TopologyPersistedState = v.InferOutput<typeof TopologyPersistedStateSchema>;

export function parseTopologyFocus(raw: unknown): ValidationResult<TopologyFocus> {
  return parseWith(TopologyFocusSchema, raw);
}

export function parseTopologyWebviewToHostMessage(raw: unknown): ValidationResult<TopologyWebviewToHostMessage> {
  return parseWith(TopologyWebviewToHostSchema, raw);
}

export function parseTopologyHostToWebviewMessage(raw: unknown): ValidationResult<TopologyHostToWebviewMessage> {
  return parseWith(TopologyHostToWebviewSchema, raw);
}

/** The state VS Code hands back after a reload; a missing focus restores the overview. */
export function parseTopologyPersistedState(raw: unknown): ValidationResult<TopologyPersistedState> {
  return parseWith(TopologyPersistedStateSchema, raw);
}
