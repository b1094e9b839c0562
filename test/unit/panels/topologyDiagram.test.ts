import * as assert from 'assert';
import type { TopologyId } from '../../../src/engine/dataset';
import { TOPOLOGY_IDS } from '../../../src/engine/dataset';
import { TOPOLOGY_ORDER } from '../../../src/protocol/topologyProtocol';
import type { DiagramArrowKind, DiagramRow, TopologyDiagram } from '../../../webview/topology/topologyDiagram';
import { DIAGRAM_GEOMETRY, MAX_DRAWN_STEPS, buildTopologyDiagram, elideSteps } from '../../../webview/topology/topologyDiagram';

function diagram(topology: TopologyId, inputLength: number, outputLength: number): TopologyDiagram {
  return buildTopologyDiagram({ topology, inputLength, outputLength });
}

function count(d: TopologyDiagram, row: DiagramRow): number {
  return d.nodes.filter((node) => node.row === row).length;
}

function arrows(d: TopologyDiagram, kind: DiagramArrowKind): number {
  return d.arrows.filter((arrow) => arrow.kind === kind).length;
}

function labels(d: TopologyDiagram, row: DiagramRow): string[] {
  return d.nodes.filter((node) => node.row === row).map((node) => node.label.base + node.label.subscript);
}

describe('topology diagram model', () => {
  it('lists the same topology ids as the engine, in the lecture order', () => {
    assert.deepStrictEqual([...TOPOLOGY_ORDER], [...TOPOLOGY_IDS]);
  });

  it('one-to-one: one input, one hidden state, one output, no recurrent arrow and no time axis', () => {
    const d = diagram('one-to-one', 7, 9); // lengths a topology fixes are forced to 1
    assert.deepStrictEqual([count(d, 'input'), count(d, 'hidden'), count(d, 'output')], [1, 1, 1]);
    assert.strictEqual(arrows(d, 'recurrent'), 0);
    assert.strictEqual(arrows(d, 'context'), 0);
    assert.strictEqual(arrows(d, 'input'), 1);
    assert.strictEqual(arrows(d, 'output'), 1);
    assert.strictEqual(d.timeAxis, null);
    assert.deepStrictEqual(labels(d, 'hidden'), ['h']);
    assert.strictEqual(d.columns, 1);
  });

  it('one-to-many (M = 5): the input only at step 1, five hidden states and outputs, four W_rec arrows', () => {
    const d = diagram('one-to-many', 1, 5);
    assert.deepStrictEqual([count(d, 'input'), count(d, 'hidden'), count(d, 'output')], [1, 5, 5]);
    assert.strictEqual(arrows(d, 'recurrent'), 4);
    assert.strictEqual(d.nodes.find((node) => node.row === 'input')?.column, 0);
    assert.deepStrictEqual(labels(d, 'output'), ['ŷ1', 'ŷ2', 'ŷ3', 'ŷ4', 'ŷ5']);
    for (const arrow of d.arrows.filter((a) => a.kind === 'recurrent')) {
      assert.deepStrictEqual(arrow.label, { kind: 'math', base: 'W', subscript: 'rec' });
      assert.ok(arrow.to.x > arrow.from.x, 'recurrent arrows run forward in time');
    }
  });

  it('many-to-one (T = 6): six inputs and hidden states, one output at the last step', () => {
    const d = diagram('many-to-one', 6, 1);
    assert.deepStrictEqual([count(d, 'input'), count(d, 'hidden'), count(d, 'output')], [6, 6, 1]);
    assert.strictEqual(arrows(d, 'recurrent'), 5);
    assert.strictEqual(d.nodes.find((node) => node.row === 'output')?.column, 5);
    assert.deepStrictEqual(labels(d, 'input'), ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']);
  });

  it('synced many-to-many (T = 4): an input and an output at every step', () => {
    const d = diagram('many-to-many-synced', 4, 4);
    assert.deepStrictEqual([count(d, 'input'), count(d, 'hidden'), count(d, 'output')], [4, 4, 4]);
    assert.strictEqual(arrows(d, 'recurrent'), 3);
    assert.strictEqual(arrows(d, 'input'), 4);
    assert.strictEqual(arrows(d, 'output'), 4);
    for (const node of d.nodes) assert.strictEqual(node.stack, 'encoder');
  });

  it('encoder–decoder (T = 3, M = 2): encoder then decoder, joined by one context arrow from h_T to s_1', () => {
    const d = diagram('many-to-many-encoder-decoder', 3, 2);
    const encoderHidden = d.nodes.filter((n) => n.row === 'hidden' && n.stack === 'encoder');
    const decoderHidden = d.nodes.filter((n) => n.row === 'hidden' && n.stack === 'decoder');
    assert.strictEqual(encoderHidden.length, 3);
    assert.strictEqual(decoderHidden.length, 2);
    assert.deepStrictEqual([count(d, 'input'), count(d, 'output')], [3, 2]);
    // Inputs only under the encoder, outputs only over the decoder, all outputs after all inputs.
    assert.ok(d.nodes.filter((n) => n.row === 'input').every((n) => n.stack === 'encoder'));
    assert.ok(d.nodes.filter((n) => n.row === 'output').every((n) => n.stack === 'decoder'));
    const lastInputX = Math.max(...d.nodes.filter((n) => n.row === 'input').map((n) => n.x));
    const firstOutputX = Math.min(...d.nodes.filter((n) => n.row === 'output').map((n) => n.x));
    assert.ok(firstOutputX > lastInputX);
    // 2 recurrent arrows inside the encoder, 1 inside the decoder (its own W′), 1 context arrow between them.
    assert.strictEqual(arrows(d, 'recurrent'), 3);
    const context = d.arrows.filter((a) => a.kind === 'context');
    assert.strictEqual(context.length, 1);
    const hT = encoderHidden[2];
    const s1 = decoderHidden[0];
    assert.strictEqual(context[0].from.x, hT.x + hT.width);
    assert.strictEqual(context[0].to.x, s1.x);
    assert.deepStrictEqual(context[0].label, { kind: 'text', key: 'context' });
    assert.deepStrictEqual(labels(d, 'hidden'), ['h1', 'h2', 'h3', 's1', 's2']);
    const decoderArrow = d.arrows.find((a) => a.kind === 'recurrent' && a.id.startsWith('decoder'));
    assert.deepStrictEqual(decoderArrow?.label, { kind: 'math', base: 'W′', subscript: 'rec' });
    assert.deepStrictEqual(d.groups.map((group) => group.stack), ['encoder', 'decoder']);
    // The stack gap separates the two frames.
    assert.ok(d.groups[1].x - (d.groups[0].x + d.groups[0].width) >= DIAGRAM_GEOMETRY.stackGap);
  });

  it('elides long sequences to MAX_DRAWN_STEPS columns: first steps, an ellipsis, the last step', () => {
    assert.deepStrictEqual(
      elideSteps(200, 12).map((slot) => (slot.kind === 'step' ? slot.step : '…')),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…', 200],
    );
    const d = diagram('many-to-one', 200, 1);
    assert.strictEqual(d.columns, MAX_DRAWN_STEPS);
    assert.strictEqual(d.elided, true);
    assert.strictEqual(d.totalSteps, 200);
    assert.strictEqual(d.drawnSteps, 11);
    assert.deepStrictEqual(labels(d, 'input'), ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x200']);
    // "⋯" in the input and hidden rows; the single output row has none.
    assert.deepStrictEqual(d.ellipses.map((e) => e.row).sort(), ['hidden', 'input']);
    // 11 hidden boxes + 1 ellipsis = 12 chain links → 11 arrows, two of them dashed through the ellipsis, unlabelled.
    const recurrent = d.arrows.filter((a) => a.kind === 'recurrent');
    assert.strictEqual(recurrent.length, 11);
    assert.strictEqual(recurrent.filter((a) => a.elided).length, 2);
    assert.ok(recurrent.filter((a) => a.elided).every((a) => a.label === null));
  });

  it('a sequence of exactly MAX_DRAWN_STEPS is drawn in full', () => {
    const d = diagram('many-to-many-synced', MAX_DRAWN_STEPS, MAX_DRAWN_STEPS);
    assert.strictEqual(d.elided, false);
    assert.strictEqual(count(d, 'hidden'), MAX_DRAWN_STEPS);
  });

  it('splits the column budget of a long encoder–decoder (T = 40, M = 3): the decoder keeps all 3 steps', () => {
    const d = diagram('many-to-many-encoder-decoder', 40, 3);
    assert.strictEqual(d.columns, MAX_DRAWN_STEPS);
    assert.strictEqual(d.nodes.filter((n) => n.row === 'hidden' && n.stack === 'decoder').length, 3);
    assert.deepStrictEqual(labels(d, 'input'), ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x40']);
    assert.strictEqual(d.arrows.filter((a) => a.kind === 'context').length, 1);
    const both = diagram('many-to-many-encoder-decoder', 50, 60);
    assert.strictEqual(both.columns, MAX_DRAWN_STEPS);
    assert.strictEqual(both.ellipses.filter((e) => e.row === 'hidden').length, 2);
  });

  it('keeps every box inside the view box, with no two boxes overlapping', () => {
    for (const topology of TOPOLOGY_ORDER) {
      for (const [t, m] of [[1, 1], [3, 3], [12, 12], [500, 70]] as const) {
        const d = diagram(topology, t, topology === 'many-to-many-synced' ? t : m);
        for (const node of d.nodes) {
          assert.ok(node.x >= 0 && node.x + node.width <= d.width, `${topology} ${node.id} inside horizontally`);
          assert.ok(node.y >= 0 && node.y + node.height <= d.height, `${topology} ${node.id} inside vertically`);
        }
        const keys = new Set(d.nodes.map((node) => `${node.row}@${node.column}`));
        assert.strictEqual(keys.size, d.nodes.length, `${topology}: one box per row and column`);
        assert.ok(d.columns <= MAX_DRAWN_STEPS);
      }
    }
  });
});
