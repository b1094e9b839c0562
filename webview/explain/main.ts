// The explanation page: one lecture topic — title, short explanation, the formula (Unicode maths, as text so screen
// readers and copy-paste get it), the symbols, the sources — and the button that asks the host to run the topic's
// experiment. Every string comes localised in the host's `state` message (validated); the page only lays it out.
import '../shared/base.css';
import './style.css';
import type {
  ExplanationHostToWebviewMessage,
  ExplanationPersistedState,
  ExplanationStateMessage,
  ExplanationWebviewToHostMessage,
} from '../../src/protocol/explainProtocol';
import { parseExplanationHostToWebviewMessage } from '../../src/protocol/explainProtocol';
import { html } from '../shared/dom';
import { connectToHost } from '../shared/hostChannel';
import { getVsCodeApi } from '../shared/vscodeApi';

const vscode = getVsCodeApi<ExplanationWebviewToHostMessage, ExplanationPersistedState>();
const app = document.getElementById('app') ?? document.body.appendChild(html('main', { id: 'app' }));

function formulaBlock(state: ExplanationStateMessage): HTMLElement {
  const { topic, strings } = state;
  const lines = topic.formula.map((line) => html('div', { class: 'formula-line' }, line));
  return html(
    'section',
    { class: 'formula', 'aria-labelledby': 'formula-heading' },
    html('h2', { id: 'formula-heading' }, strings.formulaHeading),
    html('div', { class: 'formula-lines', role: 'math', 'aria-label': topic.formula.join('; ') }, ...lines),
    html('p', { class: 'symbols' }, html('span', { class: 'label' }, strings.symbolsLabel), ' ', topic.symbols),
  );
}

function experimentBlock(state: ExplanationStateMessage): HTMLElement {
  const { topic, strings, experiment } = state;
  const running = experiment.status === 'running';
  const button = html('button', { type: 'button', class: 'primary', id: 'run-experiment', disabled: running }, topic.experimentLabel);
  button.addEventListener('click', () => vscode.postMessage({ type: 'runExperiment', topic: topic.id }));
  const status =
    experiment.status === 'idle'
      ? []
      : [
          html(
            'p',
            { class: `status status-${experiment.status}`, role: experiment.status === 'failed' ? 'alert' : 'status' },
            running ? strings.running : experiment.message,
          ),
        ];
  return html(
    'section',
    { class: 'experiment', 'aria-labelledby': 'experiment-heading' },
    html('h2', { id: 'experiment-heading' }, strings.experimentHeading),
    html('p', {}, html('span', { class: 'label' }, strings.lookForLabel), ' ', topic.lookFor),
    button,
    ...status,
  );
}

function topicNavigation(state: ExplanationStateMessage): HTMLElement {
  const buttons = state.topics
    .filter((entry) => entry.id !== state.topic.id)
    .map((entry) => {
      const button = html('button', { type: 'button', class: 'secondary', 'data-topic': entry.id }, entry.title);
      button.addEventListener('click', () => vscode.postMessage({ type: 'showTopic', topic: entry.id }));
      return button;
    });
  return html('nav', { class: 'other-topics', 'aria-label': state.strings.otherTopics }, html('h2', {}, state.strings.otherTopics), ...buttons);
}

function draw(state: ExplanationStateMessage): void {
  const { topic, strings } = state;
  const sources = html(
    'section',
    { class: 'sources', 'aria-labelledby': 'sources-heading' },
    html('h2', { id: 'sources-heading' }, strings.sourcesHeading),
    html('ul', {}, ...topic.sources.map((source) => html('li', {}, source))),
  );
  app.replaceChildren(
    html(
      'article',
      { 'data-topic': topic.id },
      html('h1', {}, topic.title),
      html('p', { class: 'summary' }, topic.summary),
      ...topic.paragraphs.map((paragraph) => html('p', {}, paragraph)),
      formulaBlock(state),
      experimentBlock(state),
      sources,
    ),
    topicNavigation(state),
  );
  vscode.setState({ topic: topic.id });
  // The report is counted from the DOM, so the host (and the tests) learn what is really on screen.
  vscode.postMessage({
    type: 'rendered',
    topic: topic.id,
    formulaLines: app.querySelectorAll('.formula-line').length,
    sources: app.querySelectorAll('.sources li').length,
    experimentButton: document.getElementById('run-experiment') !== null,
  });
}

connectToHost<ExplanationHostToWebviewMessage, ExplanationWebviewToHostMessage>(
  { channel: 'explanation panel', parse: parseExplanationHostToWebviewMessage, handlers: { state: draw } },
  { type: 'ready' },
);
