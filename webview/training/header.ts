// The panel's header (issue 6, item 7): run name and status, the effective configuration with where each value came
// from, the data's shapes, and the lecture formulas — J = 1/(2m)Σ(ŷ−y)², the BPTT sum and the Jacobian product
// ∂X_t/∂X_k = Π W_recᵀ diag(σ'(x_{i−1})) with its bound (λ₁γ)^(t−k) — with the run's current J, m, λ₁ and γ
// substituted (docs/maths.md "Losses" and "Backpropagation through time").
import { formulaNumbers } from '../../src/lab/charts/chartSeries';
import type { RunRecord } from '../../src/lab/runs/runRecord';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import type { TrainingPanelStrings } from '../../src/protocol/trainingPanelProtocol';
import type { SourcedValue } from '../../src/lab/runs/runRecord';
import { html } from '../shared/dom';
import { formatNumber } from './charts/panelChart';
import { block, frac, mi, mn, mo, partial, row, sub, sup, underOver } from './mathml';

/** Settings shown in the header, by section (the ones that shape the gradients; the rest are in run.json). */
const SHOWN_SETTINGS: Readonly<Record<'model' | 'training' | 'remedies', readonly string[]>> = {
  model: ['cell', 'nonlinearity', 'hiddenSize', 'layers', 'topology', 'window', 'horizon'],
  training: ['epochs', 'batch', 'optimizer', 'learningRate', 'seed', 'validationSplit'],
  remedies: ['clipNorm', 'clipValue', 'tbpttK1', 'tbpttK2', 'l2', 'init', 'spectralRadius'],
};

function sourceLabel(value: SourcedValue<unknown>, strings: TrainingPanelStrings): string {
  switch (value.source) {
    case 'default':
      return strings.sourceDefault;
    case 'configFile':
      return strings.sourceConfigFile;
    case 'argument':
      return strings.sourceArgument;
    case 'setting': {
      const level = value.level === 'workspace' ? strings.levelWorkspace : value.level === 'workspaceFolder' ? strings.levelWorkspaceFolder : strings.levelUser;
      return `${strings.sourceSetting} (${level})`;
    }
  }
}

function configTable(record: RunRecord, strings: TrainingPanelStrings): HTMLElement {
  const sections: HTMLElement[] = [];
  for (const [section, names] of Object.entries(SHOWN_SETTINGS) as [keyof typeof SHOWN_SETTINGS, readonly string[]][]) {
    const values = record.config[section] as unknown as Readonly<Record<string, SourcedValue<unknown> | undefined>>;
    const rows: HTMLElement[] = [];
    for (const name of names) {
      const entry = values[name];
      if (entry === undefined) continue;
      rows.push(
        html(
          'tr',
          { class: entry.source === 'default' ? 'from-default' : 'from-user' },
          html('th', { scope: 'row', title: `rnnLab.${section}.${name}` }, name),
          html('td', {}, String(entry.value)),
          html('td', { class: `source source-${entry.source}` }, sourceLabel(entry, strings)),
        ),
      );
    }
    sections.push(html('div', { class: 'config-section' }, html('h3', {}, section), html('table', { class: 'config-table' }, html('tbody', {}, ...rows))));
  }
  return html('div', { class: 'config-columns' }, ...sections);
}

function dataList(record: RunRecord, strings: TrainingPanelStrings): HTMLElement {
  const { data } = record;
  const shape = (s: readonly number[]): string => `[${s.join(' × ')}]`;
  const item = (label: string, value: string): HTMLElement => html('div', { class: 'data-row' }, html('dt', {}, label), html('dd', {}, value));
  return html(
    'dl',
    { class: 'data-list' },
    item(strings.dataSource, data.source),
    item(strings.dataPredicts, data.predicts),
    item(strings.dataRows, `${data.shapes.rowsRead} (${data.shapes.columnsUsed.join(', ')})`),
    item(strings.dataWindows, formatTemplate('{0} + {1}', data.shapes.trainWindows, data.shapes.validationWindows)),
    item(strings.dataInputShape, shape(data.shapes.inputShape)),
    item(strings.dataTargetShape, shape(data.shapes.targetShape)),
  );
}

function formulas(record: RunRecord, layer: number, strings: TrainingPanelStrings): HTMLElement {
  const n = formulaNumbers(record, layer);
  const yHat = (): Element => mi('ŷ');
  const X = (index: Element): Element => sub(mi('X'), index);
  const eps = (index?: Element): Element => (index === undefined ? mi('ε') : sub(mi('ε'), index));
  const measured = (value: number | null): string => (value === null ? strings.notYetMeasured : formatNumber(value));

  const loss = block(
    'J = 1/(2m) sum (y hat - y)^2',
    mi('J'), mo('='), frac(mn('1'), row(mn('2'), mi('m'))),
    underOver(mo('∑'), row(mi('i'), mo('='), mn('1')), mi('m')),
    sup(row(mo('('), sub(yHat(), mi('i')), mo('−'), sub(mi('y'), mi('i')), mo(')')), mn('2')),
    mo('='), mn(measured(n.loss)),
  );
  const bptt = block(
    'BPTT: d epsilon / d theta = sum over t of d epsilon_t / d theta, each a sum over k of three factors',
    partial(eps(), mi('θ')), mo('='), underOver(mo('∑'), mi('t')), partial(eps(mi('t')), mi('θ')), mo(','), mspace(),
    partial(eps(mi('t')), mi('θ')), mo('='), underOver(mo('∑'), row(mi('k'), mo('≤'), mi('t'))),
    partial(eps(mi('t')), X(mi('t'))), partial(X(mi('t')), X(mi('k'))), partial(X(mi('k')), mi('θ')),
  );
  const lg = n.lambdaGamma;
  const jacobian = block(
    'Jacobian product and its bound',
    partial(X(mi('t')), X(mi('k'))), mo('='),
    underOver(mo('∏'), row(mi('k'), mo('<'), mi('i'), mo('≤'), mi('t'))),
    sup(sub(mi('W'), mi('rec', true)), mi('T', true)), mi('diag', true),
    row(mo('('), mi('σ′'), row(mo('('), sub(mi('x'), row(mi('i'), mo('−'), mn('1'))), mo(')')), mo(')')),
    mo(','), mspace(),
    row(mo('‖'), partial(X(mi('t')), X(mi('k'))), mo('‖')), mo('≤'),
    sup(row(mo('('), sub(mi('λ'), mn('1')), mi('γ'), mo(')')), row(mi('t'), mo('−'), mi('k'))), mo('='),
    sup(row(mo('('), mn(measured(n.lambda1)), mo('·'), mn(measured(n.gamma)), mo(')')), row(mi('t'), mo('−'), mi('k'))), mo('='),
    sup(mn(measured(lg)), row(mi('t'), mo('−'), mi('k'))),
  );
  const caption = (text: string): HTMLElement => html('p', { class: 'formula-caption' }, text);
  return html(
    'div',
    { class: 'formulas' },
    caption(formatTemplate(strings.formulaLoss, n.epoch ?? '—', n.m)),
    html('div', { class: 'formula' }, loss),
    caption(strings.formulaBptt),
    html('div', { class: 'formula' }, bptt),
    caption(strings.formulaJacobian),
    html('div', { class: 'formula' }, jacobian),
    caption(formatTemplate(strings.formulaBound, n.steps, n.steps - 1, measured(n.boundOverWindow))),
  );
}

function mspace(): Element {
  const space = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mspace');
  space.setAttribute('width', '1.5em');
  return space;
}

function statusText(record: RunRecord, totalEpochs: number, strings: TrainingPanelStrings): string {
  const progress = formatTemplate(strings.epochProgress, record.epochs.length, totalEpochs);
  switch (record.status) {
    case 'running':
      return `${strings.statusRunning} · ${progress}`;
    case 'completed':
      return `${strings.statusCompleted} · ${progress}`;
    case 'cancelled':
      return `${strings.statusCancelled} · ${progress}`;
    case 'diverged':
      return `${strings.statusDiverged} · ${progress}`;
    case 'failed':
      return `${strings.statusFailed} · ${progress}`;
  }
}

export function buildHeader(record: RunRecord, totalEpochs: number, layer: number, strings: TrainingPanelStrings): HTMLElement {
  const notes: HTMLElement[] = [];
  if (record.divergence !== undefined) notes.push(html('p', { class: 'run-note run-note-warning' }, formatTemplate(strings.divergenceNote, record.divergence.epoch, record.divergence.detail)));
  if (record.error !== undefined) notes.push(html('p', { class: 'run-note run-note-error' }, formatTemplate(strings.errorNote, record.error)));
  if (record.epochs.length === 0) notes.push(html('p', { class: 'run-note' }, strings.emptyRun));
  return html(
    'header',
    { class: 'panel-header' },
    html(
      'div',
      { class: 'title-row' },
      html('h1', {}, formatTemplate(strings.title, record.name)),
      html('span', { class: `status status-${record.status}`, id: 'run-status', role: 'status' }, statusText(record, totalEpochs, strings)),
    ),
    ...notes,
    html(
      'div',
      { class: 'header-grid' },
      html('section', { class: 'header-block header-formulas', 'aria-label': strings.headerFormulas }, html('h2', {}, strings.headerFormulas), formulas(record, layer, strings)),
      html('section', { class: 'header-block header-config', 'aria-label': strings.headerConfig }, html('h2', {}, strings.headerConfig), configTable(record, strings)),
      html('section', { class: 'header-block header-data', 'aria-label': strings.headerData }, html('h2', {}, strings.headerData), dataList(record, strings)),
    ),
  );
}
