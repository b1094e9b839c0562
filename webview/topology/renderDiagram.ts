// Turns a diagram model (webview/topology/topologyDiagram.ts) into an SVG element: boxes with x_t / h_t / ŷ_t labels,
// arrows with arrow heads, W labels, "⋯" for elided steps, encoder/decoder frames and the time axis. Colours are
// presentation attributes from the theme palette (no inline style), fonts come from style.css classes.
import type { TopologyPanelStrings } from '../../src/protocol/topologyProtocol';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import type { DiagramArrow, DiagramLabel, DiagramPoint, TopologyDiagram } from './topologyDiagram';
import { round, svg } from '../shared/dom';
import type { DiagramPalette } from './palette';

const ARROW_HEAD_LENGTH = 7;
const ARROW_HEAD_HALF_WIDTH = 4;

/** The accessible name: what the picture shows, in words, with the step counts and the caption. */
export function diagramAriaLabel(diagram: TopologyDiagram, strings: TopologyPanelStrings): string {
  const text = strings.topologies[diagram.topology];
  if (diagram.topology === 'many-to-many-encoder-decoder') {
    return formatTemplate(strings.encoderDecoderAria, text.name, diagram.inputLength, diagram.outputLength, text.caption);
  }
  return formatTemplate(strings.diagramAria, text.name, diagram.inputLength, diagram.totalSteps, diagram.outputLength, text.caption);
}

/** A label as SVG text: base glyph plus a lowered, smaller subscript (x₃, W_rec), or a localised word. */
function labelText(label: DiagramLabel, at: DiagramPoint, className: string, fill: string, strings: TopologyPanelStrings, anchor = 'middle'): SVGTextElement {
  const text = svg('text', { x: round(at.x), y: round(at.y), class: className, fill, 'text-anchor': anchor });
  if (label.kind === 'text') {
    text.append(strings[label.key]);
    return text;
  }
  text.append(svg('tspan', {}, label.base));
  if (label.subscript !== '') text.append(svg('tspan', { class: 'subscript', 'baseline-shift': 'sub' }, label.subscript));
  return text;
}

/** A straight arrow ending in a filled triangular head at `to`. */
function arrowShape(from: DiagramPoint, to: DiagramPoint, color: string, width: number, dashed: boolean, className: string): SVGGElement {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const baseX = to.x - ux * ARROW_HEAD_LENGTH;
  const baseY = to.y - uy * ARROW_HEAD_LENGTH;
  const head = [
    [to.x, to.y],
    [baseX - uy * ARROW_HEAD_HALF_WIDTH, baseY + ux * ARROW_HEAD_HALF_WIDTH],
    [baseX + uy * ARROW_HEAD_HALF_WIDTH, baseY - ux * ARROW_HEAD_HALF_WIDTH],
  ]
    .map(([x, y]) => `${round(x)},${round(y)}`)
    .join(' ');
  return svg(
    'g',
    { class: className },
    svg('line', {
      x1: round(from.x),
      y1: round(from.y),
      x2: round(baseX),
      y2: round(baseY),
      stroke: color,
      'stroke-width': width,
      'stroke-dasharray': dashed ? '3 3' : null,
    }),
    svg('polygon', { points: head, fill: color }),
  );
}

function arrowColor(arrow: DiagramArrow, palette: DiagramPalette): string {
  switch (arrow.kind) {
    case 'recurrent':
      return palette.recurrent;
    case 'context':
      return palette.context;
    case 'input':
    case 'output':
      return palette.muted;
  }
}

export function renderDiagram(diagram: TopologyDiagram, strings: TopologyPanelStrings, palette: DiagramPalette): SVGSVGElement {
  const root = svg('svg', {
    class: 'diagram',
    viewBox: `0 0 ${diagram.width} ${diagram.height}`,
    width: diagram.width,
    height: diagram.height,
    role: 'img',
    'aria-label': diagramAriaLabel(diagram, strings),
    focusable: 'false',
    'data-topology': diagram.topology,
  });

  for (const group of diagram.groups) {
    root.append(
      svg('rect', {
        class: 'group',
        x: round(group.x),
        y: round(group.y),
        width: round(group.width),
        height: round(group.height),
        rx: 8,
        fill: 'none',
        stroke: palette.muted,
        'stroke-width': 1,
        'stroke-dasharray': '5 4',
        'data-stack': group.stack,
      }),
      labelText(group.label, group.labelAt, 'group-label', palette.muted, strings),
    );
  }

  for (const arrow of diagram.arrows) {
    const color = arrowColor(arrow, palette);
    const width = arrow.kind === 'context' ? palette.strokeWidth + 1 : arrow.kind === 'recurrent' ? palette.strokeWidth + 0.5 : palette.strokeWidth;
    root.append(arrowShape(arrow.from, arrow.to, color, width, arrow.elided, `arrow arrow-${arrow.kind}`));
    if (arrow.label && arrow.labelAt) {
      const anchor = arrow.kind === 'input' || arrow.kind === 'output' ? 'start' : 'middle';
      const className = arrow.kind === 'context' ? 'weight-label context-label' : 'weight-label';
      root.append(labelText(arrow.label, arrow.labelAt, className, arrow.kind === 'context' ? palette.context : palette.foreground, strings, anchor));
    }
  }

  for (const node of diagram.nodes) {
    const color = palette.rowColor[node.row];
    root.append(
      svg(
        'g',
        { class: `node node-${node.row}`, 'data-node': node.id },
        svg('rect', {
          x: round(node.x),
          y: round(node.y),
          width: node.width,
          height: node.height,
          rx: 6,
          fill: color,
          'fill-opacity': palette.boxFillOpacity,
          stroke: color,
          'stroke-width': palette.strokeWidth,
        }),
        labelText(node.label, { x: node.x + node.width / 2, y: node.y + node.height / 2 + 5 }, 'node-label', palette.foreground, strings),
      ),
    );
  }

  for (const ellipsis of diagram.ellipses) {
    root.append(
      svg('text', { class: 'ellipsis', x: round(ellipsis.center.x), y: round(ellipsis.center.y + 5), fill: palette.foreground, 'text-anchor': 'middle' }, '⋯'),
    );
  }

  if (diagram.timeAxis) {
    const { from, to } = diagram.timeAxis;
    root.append(
      arrowShape(from, to, palette.muted, 1, false, 'time-axis'),
      svg('text', { class: 'axis-label', x: round(to.x), y: round(to.y + 14), fill: palette.muted, 'text-anchor': 'end' }, strings.timeAxis),
    );
  }
  return root;
}
