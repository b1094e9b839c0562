// The Gradient Check page: a table with one row per parameter matrix — shape, entries compared, the worst entry's
// position, its analytic (BPTT) and numeric (central differences) gradient, and their relative error, red above the
// tolerance (docs/maths.md "Gradient check"). Reports to the host how many rows it drew and how many are red, and keeps
// the outcome with setState so the panel serializer can bring it back after a window reload.
import '../shared/base.css';
import './style.css';
import type {
  GradientCheckHostToWebviewMessage,
  GradientCheckPersistedState,
  GradientCheckStateMessage,
  GradientCheckWebviewToHostMessage,
} from '../../src/protocol/gradientCheckProtocol';
import { parseGradientCheckHostMessage } from '../../src/protocol/gradientCheckProtocol';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import { html } from '../shared/dom';
import { connectToHost } from '../shared/hostChannel';
import { getVsCodeApi } from '../shared/vscodeApi';

const app = document.getElementById('app') ?? document.body.appendChild(html('main', { id: 'app' }));

/** Full precision where it matters: 10 significant digits show where analytic and numeric start to differ. */
function gradientText(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(10) : String(value);
}

function errorText(value: number): string {
  return Number.isFinite(value) ? value.toExponential(2) : String(value);
}

/** Row-major flat index → (row, column) for matrices, [i] for vectors. */
function entryText(index: number, shape: readonly number[] | undefined): string {
  if (shape === undefined || shape.length < 2) return `[${index}]`;
  const columns = shape[shape.length - 1]!;
  return `[${Math.floor(index / columns)}, ${index % columns}]`;
}

let channel: { post(message: GradientCheckWebviewToHostMessage): void } | undefined;

function draw(message: GradientCheckStateMessage): void {
  const { strings, request, result } = message;
  const content: HTMLElement[] = [html('h1', {}, strings.title), html('p', { class: 'intro' }, formatTemplate(strings.intro, '1e-6', '1e-6'))];
  let rows = 0;
  let failing = 0;
  if (message.status === 'running') content.push(html('p', { class: 'running', role: 'status' }, strings.running));
  if (message.status === 'failed') content.push(html('p', { class: 'error', role: 'alert' }, formatTemplate(strings.failed, message.error ?? '')));
  if (message.status === 'done' && result !== null) {
    const { report } = result;
    content.push(
      html(
        'p',
        { class: 'model-line' },
        formatTemplate(strings.modelLine, request.cell.toUpperCase(), request.nonlinearity, request.numLayers, request.topology, request.hiddenSize, request.steps, request.seed, Math.round(result.elapsedMs)),
      ),
      html(
        'p',
        { class: report.passed ? 'summary passed' : 'summary failed', role: 'status' },
        formatTemplate(report.passed ? strings.summaryPassed : strings.summaryFailed, errorText(report.worstRelativeError), errorText(report.tolerance)),
      ),
    );
    const header = html(
      'tr',
      {},
      ...[strings.parameter, strings.shape, strings.entries, strings.worstEntry, strings.analytic, strings.numeric, strings.relativeError, strings.verdict].map((label) =>
        html('th', { scope: 'col' }, label),
      ),
    );
    const body = report.parameters.map((parameter) => {
      const bad = !(parameter.worstRelativeError <= report.tolerance);
      rows++;
      if (bad) failing++;
      const shape = result.shapes[parameter.name];
      return html(
        'tr',
        { class: bad ? 'row-fail' : 'row-pass', 'data-parameter': parameter.name },
        html('th', { scope: 'row' }, parameter.name),
        html('td', {}, shape === undefined ? '' : shape.join(' × ')),
        html('td', { class: 'number' }, String(parameter.count)),
        html('td', { class: 'number' }, entryText(parameter.worstIndex, shape)),
        html('td', { class: 'number' }, gradientText(parameter.analytic)),
        html('td', { class: 'number' }, gradientText(parameter.numeric)),
        html('td', { class: 'number relative-error' }, errorText(parameter.worstRelativeError)),
        html('td', { class: 'verdict' }, bad ? strings.fail : strings.pass),
      );
    });
    content.push(
      html('table', { class: 'gradients' }, html('caption', {}, strings.tableCaption), html('thead', {}, header), html('tbody', {}, ...body)),
      html('p', { class: 'note' }, strings.precisionNote),
    );
  }
  const again = html('button', { type: 'button', class: 'secondary', disabled: message.status === 'running' }, strings.runAgain);
  again.addEventListener('click', () => channel?.post({ type: 'runAgain' }));
  content.push(html('p', {}, again));
  app.replaceChildren(...content);
  const persisted: GradientCheckPersistedState = { request, status: message.status, result, error: message.error };
  getVsCodeApi<GradientCheckWebviewToHostMessage, GradientCheckPersistedState>().setState(persisted);
  channel?.post({ type: 'rendered', requestId: message.requestId, rows, failing });
}

channel = connectToHost<GradientCheckHostToWebviewMessage, GradientCheckWebviewToHostMessage>(
  { channel: 'gradient check panel', parse: parseGradientCheckHostMessage, handlers: { state: draw } },
  { type: 'ready' },
);
