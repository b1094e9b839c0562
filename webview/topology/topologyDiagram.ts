// The lecture's five topologies as unrolled networks, computed as data: boxes, arrows and labels with coordinates in
// SVG user units. Pure (no DOM), so unit tests check the structure and the webview only turns it into SVG elements.
//
// Layout (Karpathy's "The Unreasonable Effectiveness of RNNs" picture): one column per timestep, outputs ŷ_t on the
// top row, hidden states h_t in the middle, inputs x_t at the bottom. Between neighbouring hidden states runs the
// recurrent arrow W_rec — the same matrix at every step, h_t = σ(W_ih x_t + W_rec h_{t−1} + b) (docs/maths.md,
// "Parameter layout"; W_rec is PyTorch's weight_hh). Encoder–decoder: the encoder's final state h_T initialises the
// decoder (the "context" arrow), whose states s_j have their own weights W′ and emit ŷ_j.
import type { TopologyId } from '../../src/engine/dataset';
import type { TopologyFocus } from '../../src/protocol/topologyProtocol';

/** At most this many columns per diagram; longer sequences show the first steps, an ellipsis column and the last step. */
export const MAX_DRAWN_STEPS = 12;

/** Geometry in SVG user units (the webview scales the whole viewBox down on narrow panels). */
export const DIAGRAM_GEOMETRY = {
  columnWidth: 80,
  boxWidth: 50,
  boxHeight: 34,
  /** Vertical space between rows, which the input/output arrows span. */
  rowGap: 34,
  marginX: 16,
  /** Room above the top row (arrow heads, frame strokes). */
  marginTop: 10,
  /** Room below the time axis for its label. */
  axisHeight: 20,
  /** Extra space between the encoder's and the decoder's columns, so the context arrow and its label stand apart. */
  stackGap: 64,
} as const;

export type DiagramRow = 'output' | 'hidden' | 'input';
export type DiagramStack = 'encoder' | 'decoder';

/** A mathematical label such as x₃, h_T or W_rec: a base glyph and an optional subscript. */
export interface MathLabel {
  readonly kind: 'math';
  readonly base: string;
  readonly subscript: string;
}

/** A word the host localises (strings[key]). */
export interface TextLabel {
  readonly kind: 'text';
  readonly key: 'encoder' | 'decoder' | 'context';
}

export type DiagramLabel = MathLabel | TextLabel;

export interface DiagramPoint {
  readonly x: number;
  readonly y: number;
}

export interface DiagramNode {
  readonly id: string;
  readonly row: DiagramRow;
  readonly stack: DiagramStack;
  /** 1-based timestep within its stack (decoder steps restart at 1). */
  readonly step: number;
  readonly column: number;
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: MathLabel;
}

/** "⋯" standing for the steps not drawn in one row. */
export interface DiagramEllipsis {
  readonly row: DiagramRow;
  readonly column: number;
  readonly center: DiagramPoint;
}

export type DiagramArrowKind = 'input' | 'output' | 'recurrent' | 'context';

export interface DiagramArrow {
  readonly id: string;
  readonly kind: DiagramArrowKind;
  readonly from: DiagramPoint;
  readonly to: DiagramPoint;
  /** Passes through an ellipsis column (drawn dashed, unlabelled). */
  readonly elided: boolean;
  readonly label: DiagramLabel | null;
  /** Where the label's text is anchored (its centre line, baseline). */
  readonly labelAt: DiagramPoint | null;
}

/** A dashed frame around the encoder or the decoder columns, with its localised name. */
export interface DiagramGroup {
  readonly stack: DiagramStack;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: TextLabel;
  readonly labelAt: DiagramPoint;
}

export interface TopologyDiagram {
  readonly topology: TopologyId;
  /** The requested step counts (the diagram may draw fewer, see `elided`). */
  readonly inputLength: number;
  readonly outputLength: number;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly DiagramNode[];
  readonly arrows: readonly DiagramArrow[];
  readonly ellipses: readonly DiagramEllipsis[];
  readonly groups: readonly DiagramGroup[];
  /** The "time step t →" axis under the inputs; null for one-to-one, which has no time. */
  readonly timeAxis: { readonly from: DiagramPoint; readonly to: DiagramPoint } | null;
  readonly columns: number;
  /** Timesteps the sequence has in total (T, M, or T + M for encoder–decoder; 1 for one-to-one). */
  readonly totalSteps: number;
  /** Timesteps actually drawn as boxes. */
  readonly drawnSteps: number;
  readonly elided: boolean;
}

/** One column of a stack: a timestep, or the ellipsis standing for the skipped ones. */
type Slot = { readonly kind: 'step'; readonly step: number } | { readonly kind: 'ellipsis' };

/** What one stack (a run of columns sharing weights) draws at each of its steps. */
interface StackPlan {
  readonly stack: DiagramStack;
  readonly length: number;
  readonly budget: number;
  /** Which steps (1-based) carry an input box / an output box. */
  readonly hasInput: (step: number, length: number) => boolean;
  readonly hasOutput: (step: number, length: number) => boolean;
  readonly hiddenBase: string;
  /** Base glyph of this stack's recurrent weight label. */
  readonly recurrentBase: string;
  /** Single-box rows (one-to-many's x, many-to-one's ŷ) carry no subscript, as in the lecture slides. */
  readonly subscriptInputs: boolean;
  readonly subscriptOutputs: boolean;
  readonly subscriptHidden: boolean;
}

/** Steps 1…L when they fit the budget; else 1…(budget − 2), an ellipsis, and L (so budget columns in all). */
export function elideSteps(length: number, budget: number): Slot[] {
  if (length <= budget) return Array.from({ length }, (_, i) => ({ kind: 'step', step: i + 1 }) as const);
  const head = Math.max(1, budget - 2);
  const slots: Slot[] = Array.from({ length: head }, (_, i) => ({ kind: 'step', step: i + 1 }) as const);
  slots.push({ kind: 'ellipsis' }, { kind: 'step', step: length });
  return slots;
}

const always = (): boolean => true;
const firstOnly = (step: number): boolean => step === 1;
const lastOnly = (step: number, length: number): boolean => step === length;
const never = (): boolean => false;

/** Column budgets of encoder and decoder: each gets what it needs, the longer one gives way (≥ 6 each if both are long). */
function splitBudget(encoderLength: number, decoderLength: number): [number, number] {
  if (encoderLength + decoderLength <= MAX_DRAWN_STEPS) return [encoderLength, decoderLength];
  const half = MAX_DRAWN_STEPS / 2;
  if (encoderLength <= half) return [encoderLength, MAX_DRAWN_STEPS - encoderLength];
  if (decoderLength <= half) return [MAX_DRAWN_STEPS - decoderLength, decoderLength];
  return [half, half];
}

function stackPlans(topology: TopologyId, inputLength: number, outputLength: number): StackPlan[] {
  const base = { stack: 'encoder', hiddenBase: 'h', recurrentBase: 'W', subscriptInputs: true, subscriptOutputs: true, subscriptHidden: true } as const;
  switch (topology) {
    case 'one-to-one':
      // A plain feedforward net: no time axis, so no subscripts and no recurrent arrow.
      return [{ ...base, length: 1, budget: 1, hasInput: always, hasOutput: always, subscriptInputs: false, subscriptOutputs: false, subscriptHidden: false }];
    case 'one-to-many':
      return [{ ...base, length: outputLength, budget: MAX_DRAWN_STEPS, hasInput: firstOnly, hasOutput: always, subscriptInputs: false }];
    case 'many-to-one':
      return [{ ...base, length: inputLength, budget: MAX_DRAWN_STEPS, hasInput: always, hasOutput: lastOnly, subscriptOutputs: false }];
    case 'many-to-many-synced':
      return [{ ...base, length: inputLength, budget: MAX_DRAWN_STEPS, hasInput: always, hasOutput: always }];
    case 'many-to-many-encoder-decoder': {
      const [encoderBudget, decoderBudget] = splitBudget(inputLength, outputLength);
      return [
        { ...base, length: inputLength, budget: encoderBudget, hasInput: always, hasOutput: never },
        { ...base, stack: 'decoder', length: outputLength, budget: decoderBudget, hasInput: never, hasOutput: always, hiddenBase: 's', recurrentBase: 'W′' },
      ];
    }
  }
}

function clampLength(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : 1;
}

/** The unrolled diagram of one topology with the given step counts (lengths a topology fixes are forced to 1). */
export function buildTopologyDiagram(focus: TopologyFocus): TopologyDiagram {
  const g = DIAGRAM_GEOMETRY;
  const topology = focus.topology;
  const inputLength = topology === 'one-to-one' || topology === 'one-to-many' ? 1 : clampLength(focus.inputLength);
  const outputLength =
    topology === 'one-to-one' || topology === 'many-to-one'
      ? 1
      : topology === 'many-to-many-synced'
        ? inputLength
        : clampLength(focus.outputLength);
  const plans = stackPlans(topology, inputLength, outputLength);

  const rowTop: Record<DiagramRow, number> = {
    output: g.marginTop,
    hidden: g.marginTop + g.boxHeight + g.rowGap,
    input: g.marginTop + 2 * (g.boxHeight + g.rowGap),
  };
  // Decoder columns (encoder–decoder only) are shifted right by stackGap.
  const decoderFirstColumn = plans.length > 1 ? elideSteps(plans[0].length, plans[0].budget).length : Number.POSITIVE_INFINITY;
  const columnLeft = (column: number): number => g.marginX + column * g.columnWidth + (column >= decoderFirstColumn ? g.stackGap : 0);
  const columnCenter = (column: number): number => columnLeft(column) + g.columnWidth / 2;
  const rowCenter = (row: DiagramRow): number => rowTop[row] + g.boxHeight / 2;

  const nodes: DiagramNode[] = [];
  const ellipses: DiagramEllipsis[] = [];
  const arrows: DiagramArrow[] = [];
  const groups: DiagramGroup[] = [];
  /** Hidden-row columns in order, with the node (or null for an ellipsis) — the recurrent chain. */
  const chain: { column: number; node: DiagramNode | null; stack: DiagramStack }[] = [];
  let column = 0;
  let drawnSteps = 0;
  let elided = false;

  const box = (row: DiagramRow, plan: StackPlan, step: number, at: number, label: MathLabel): DiagramNode => {
    const node: DiagramNode = {
      id: `${plan.stack}-${row}-${step}`,
      row,
      stack: plan.stack,
      step,
      column: at,
      x: columnCenter(at) - g.boxWidth / 2,
      y: rowTop[row],
      width: g.boxWidth,
      height: g.boxHeight,
      label,
    };
    nodes.push(node);
    return node;
  };

  for (const plan of plans) {
    const slots = elideSteps(plan.length, plan.budget);
    const firstColumn = column;
    let labelledInput = false;
    let labelledOutput = false;
    for (const slot of slots) {
      if (slot.kind === 'ellipsis') {
        elided = true;
        // An elided row shows "⋯" only where that row has a box at every step of this stack.
        for (const row of ['output', 'hidden', 'input'] as const) {
          const everyStep =
            row === 'hidden' ||
            (row === 'input' && plan.hasInput === always) ||
            (row === 'output' && plan.hasOutput === always);
          if (everyStep) ellipses.push({ row, column, center: { x: columnCenter(column), y: rowCenter(row) } });
        }
        chain.push({ column, node: null, stack: plan.stack });
        column++;
        continue;
      }
      const step = slot.step;
      drawnSteps++;
      const sub = (enabled: boolean): string => (enabled ? String(step) : '');
      const hidden = box('hidden', plan, step, column, { kind: 'math', base: plan.hiddenBase, subscript: sub(plan.subscriptHidden) });
      chain.push({ column, node: hidden, stack: plan.stack });
      if (plan.hasInput(step, plan.length)) {
        const input = box('input', plan, step, column, { kind: 'math', base: 'x', subscript: sub(plan.subscriptInputs) });
        const x = columnCenter(column);
        arrows.push({
          id: `${plan.stack}-input-arrow-${step}`,
          kind: 'input',
          from: { x, y: input.y },
          to: { x, y: hidden.y + hidden.height },
          elided: false,
          // W_ih is shared by every step: labelled once, on the stack's first input arrow.
          label: labelledInput ? null : { kind: 'math', base: 'W', subscript: 'ih' },
          labelAt: labelledInput ? null : { x: x + 6, y: (input.y + hidden.y + hidden.height) / 2 + 4 },
        });
        labelledInput = true;
      }
      if (plan.hasOutput(step, plan.length)) {
        const output = box('output', plan, step, column, { kind: 'math', base: 'ŷ', subscript: sub(plan.subscriptOutputs) });
        const x = columnCenter(column);
        arrows.push({
          id: `${plan.stack}-output-arrow-${step}`,
          kind: 'output',
          from: { x, y: hidden.y },
          to: { x, y: output.y + output.height },
          elided: false,
          label: labelledOutput ? null : { kind: 'math', base: 'W', subscript: 'out' },
          labelAt: labelledOutput ? null : { x: x + 6, y: (hidden.y + output.y + output.height) / 2 + 4 },
        });
        labelledOutput = true;
      }
      column++;
    }
    if (plans.length > 1) {
      // Frame the stack: the encoder spans the input and hidden rows, the decoder the hidden and output rows.
      const padding = 8;
      const top = plan.stack === 'encoder' ? rowTop.hidden : rowTop.output;
      const bottom = plan.stack === 'encoder' ? rowTop.input + g.boxHeight : rowTop.hidden + g.boxHeight;
      const x = columnLeft(firstColumn) + 4;
      const width = (column - firstColumn) * g.columnWidth - 8;
      groups.push({
        stack: plan.stack,
        x,
        y: top - padding,
        width,
        height: bottom - top + 2 * padding,
        label: { kind: 'text', key: plan.stack },
        // The encoder's name sits in the empty output row above it, the decoder's in the empty input row below.
        labelAt:
          plan.stack === 'encoder'
            ? { x: x + width / 2, y: top - padding - 8 }
            : { x: x + width / 2, y: bottom + padding + 16 },
      });
    }
  }

  // The recurrent chain h_1 → h_2 → … (through "⋯" when elided); encoder → decoder is the context arrow.
  const hiddenY = rowCenter('hidden');
  const plansByStack = new Map(plans.map((plan) => [plan.stack, plan]));
  for (let i = 1; i < chain.length; i++) {
    const previous = chain[i - 1];
    const next = chain[i];
    const fromX = previous.node ? previous.node.x + previous.node.width : columnCenter(previous.column) + 12;
    const toX = next.node ? next.node.x : columnCenter(next.column) - 12;
    const isContext = previous.stack !== next.stack;
    const throughEllipsis = previous.node === null || next.node === null;
    const recurrentBase = plansByStack.get(next.stack)?.recurrentBase ?? 'W';
    const label: DiagramLabel | null = isContext
      ? { kind: 'text', key: 'context' }
      : throughEllipsis
        ? null
        : { kind: 'math', base: recurrentBase, subscript: 'rec' };
    arrows.push({
      id: isContext ? 'context-arrow' : `${next.stack}-recurrent-arrow-${i}`,
      kind: isContext ? 'context' : 'recurrent',
      from: { x: fromX, y: hiddenY },
      to: { x: toX, y: hiddenY },
      elided: throughEllipsis,
      label,
      labelAt: label === null ? null : { x: (fromX + toX) / 2, y: hiddenY - 9 },
    });
  }

  const columns = column;
  const axisY = rowTop.input + g.boxHeight + 20;
  const totalSteps = plans.reduce((sum, plan) => sum + plan.length, 0);
  return {
    topology,
    inputLength,
    outputLength,
    width: 2 * g.marginX + columns * g.columnWidth + (plans.length > 1 ? g.stackGap : 0),
    height: topology === 'one-to-one' ? rowTop.input + g.boxHeight + 8 : axisY + g.axisHeight,
    nodes,
    arrows,
    ellipses,
    groups,
    timeAxis:
      topology === 'one-to-one'
        ? null
        : { from: { x: columnCenter(0) - g.boxWidth / 2, y: axisY }, to: { x: columnCenter(columns - 1) + g.boxWidth / 2, y: axisY } },
    columns,
    totalSteps,
    drawnSteps,
    elided,
  };
}
