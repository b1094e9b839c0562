// The "Lecture Topologies" page. Waits for the host's state (validated), draws the five topologies as SVG from the
// shared diagram model — or only the focused one, large, with buttons to the others — and reports back to the host which
// diagrams are actually in the DOM. Redraws on theme change and when the user picks another topology or step count.
import '../shared/base.css';
import './style.css';
import type { TopologyId } from '../../src/engine/dataset';
import type {
  TopologyFocus,
  TopologyHostToWebviewMessage,
  TopologyPanelStrings,
  TopologyPersistedState,
  TopologyStateMessage,
  TopologyWebviewToHostMessage,
} from '../../src/protocol/topologyProtocol';
import { DEFAULT_STEPS, TOPOLOGY_ORDER, parseTopologyHostToWebviewMessage } from '../../src/protocol/topologyProtocol';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import { buildTopologyDiagram } from './topologyDiagram';
import { html } from '../shared/dom';
import { connectToHost } from '../shared/hostChannel';
import { watchThemeChanges } from '../shared/theme';
import { getVsCodeApi } from '../shared/vscodeApi';
import { buildToolbar } from './controls';
import { readDiagramPalette } from './palette';
import { renderDiagram } from './renderDiagram';

interface PageState {
  readonly strings: TopologyPanelStrings;
  readonly focus: TopologyFocus | null;
}

const vscode = getVsCodeApi<TopologyWebviewToHostMessage, TopologyPersistedState>();
const app = document.getElementById('app') ?? document.body.appendChild(html('main', { id: 'app' }));
let page: PageState | undefined;

/** Narrow diagrams (one-to-one) still get a readable caption column. */
const MIN_CAPTION_WIDTH = 220;

/** One figure: the topology's name, its SVG, and the caption naming the lecture's examples. */
function figure(focus: TopologyFocus, strings: TopologyPanelStrings, focused: boolean): HTMLElement {
  const diagram = buildTopologyDiagram(focus);
  const text = strings.topologies[focus.topology];
  const caption = html('figcaption', {}, html('p', { class: 'caption' }, text.caption));
  // The caption wraps at the diagram's width (CSSOM, which the CSP allows, unlike style attributes), so figures stay
  // as narrow as their drawing and several fit side by side.
  caption.style.maxWidth = `${Math.max(diagram.width, MIN_CAPTION_WIDTH)}px`;
  if (diagram.elided) {
    caption.append(html('p', { class: 'elided' }, formatTemplate(strings.elidedSteps, diagram.drawnSteps, diagram.totalSteps)));
  }
  const heading = html(focused ? 'h2' : 'h3', { class: 'topology-name' }, text.name);
  return html(
    'figure',
    { class: focused ? 'topology topology-focused' : 'topology', 'data-topology-figure': focus.topology },
    heading,
    html('div', { class: 'diagram-frame' }, renderDiagram(diagram, strings, readDiagramPalette())),
    caption,
  );
}

function legend(strings: TopologyPanelStrings): HTMLElement {
  const item = (row: 'input' | 'hidden' | 'output', label: string): HTMLElement =>
    html('li', { class: `legend-item legend-${row}` }, html('span', { class: 'swatch', 'aria-hidden': 'true' }), label);
  return html(
    'ul',
    { class: 'legend' },
    item('input', strings.legendInput),
    item('hidden', strings.legendHidden),
    item('output', strings.legendOutput),
  );
}

/** The ids of the diagrams actually present in the DOM, in page order (an SVG counts only if it holds boxes). */
function renderedTopologies(): TopologyId[] {
  const ids: TopologyId[] = [];
  for (const element of Array.from(app.querySelectorAll('svg[data-topology]'))) {
    const id = element.getAttribute('data-topology');
    const known = TOPOLOGY_ORDER.find((topology) => topology === id);
    if (known && element.querySelector('g.node rect') !== null && !ids.includes(known)) ids.push(known);
  }
  return ids;
}

/** The user picked another topology or step count: redraw, and tell the host so a restored page shows the same. */
function changeFocus(next: TopologyFocus | null): void {
  if (!page) return;
  page = { strings: page.strings, focus: next };
  vscode.postMessage({ type: 'focusChanged', focus: next });
  draw(null);
}

/** Buttons that switch the focus to each other topology (with its default step counts). */
function otherTopologies(strings: TopologyPanelStrings, current: TopologyId, onPick: (focus: TopologyFocus) => void): HTMLElement {
  const buttons = TOPOLOGY_ORDER.filter((id) => id !== current).map((id) => {
    const button = html('button', { type: 'button', class: 'secondary', 'data-topology-link': id }, strings.topologies[id].name);
    button.addEventListener('click', () => onPick({ topology: id, ...DEFAULT_STEPS[id] }));
    return button;
  });
  return html('nav', { class: 'other-topologies', 'aria-label': strings.otherTopologies }, html('span', {}, strings.otherTopologies), ...buttons);
}

function draw(requestId: number | null): void {
  if (!page) return;
  const { strings, focus } = page;
  const header = html(
    'header',
    {},
    html('h1', {}, strings.heading),
    html('p', { class: 'intro' }, strings.intro),
    buildToolbar(strings, focus, changeFocus),
    legend(strings),
  );
  const content: HTMLElement[] = [header];
  if (focus) {
    // Focused (e.g. opened from a code lens): only that diagram, large, with the caller's step counts; one click
    // away from each of the others (or all five, in the picker above).
    content.push(html('section', { class: 'focused' }, figure(focus, strings, true)), otherTopologies(strings, focus.topology, changeFocus));
  } else {
    const all = TOPOLOGY_ORDER.map((id) => figure({ topology: id, ...DEFAULT_STEPS[id] }, strings, false));
    content.push(html('section', { class: 'gallery' }, ...all));
  }
  // Keep keyboard focus on the control the user just changed across the redraw.
  const activeId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  app.replaceChildren(...content);
  if (activeId !== '') document.getElementById(activeId)?.focus();
  vscode.setState({ focus });
  vscode.postMessage({ type: 'rendered', requestId, rendered: renderedTopologies() });
}

function onState(message: TopologyStateMessage): void {
  page = { strings: message.strings, focus: message.focus };
  draw(message.requestId);
}

connectToHost<TopologyHostToWebviewMessage, TopologyWebviewToHostMessage>(
  { channel: 'topology panel', parse: parseTopologyHostToWebviewMessage, handlers: { state: onState } },
  { type: 'ready' },
);
watchThemeChanges(() => draw(null));
