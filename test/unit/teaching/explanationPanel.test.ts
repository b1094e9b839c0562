// The explanation channel: the state the host builds for every topic passes the webview's validator in English and in
// Spanish; malformed messages are refused with a field path; experiments resolve to absolute sample paths.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  parseExplanationHostToWebviewMessage,
  parseExplanationPersistedState,
  parseExplanationWebviewToHostMessage,
} from '../../../src/protocol/explainProtocol';
import { explanationStateMessage, formatSource, shortCitation } from '../../../src/host/explain/explainView';
import { resolveExperiment, samplePath } from '../../../src/host/explain/lectureExperiment';
import { LECTURE_TOPIC_IDS, lectureTopic } from '../../../src/host/explain/lectureTopics';
import { englishTranslator, spanishTranslator } from './teachingFixtures';

describe('explanation panel state', () => {
  for (const [language, translator] of [['English', englishTranslator], ['Spanish', spanishTranslator()]] as const) {
    it(`is valid for every topic in ${language}`, () => {
      for (const id of LECTURE_TOPIC_IDS) {
        const state = explanationStateMessage(id, translator);
        const parsed = parseExplanationHostToWebviewMessage(JSON.parse(JSON.stringify(state)));
        assert.ok(parsed.ok, `${id}: ${parsed.ok ? '' : JSON.stringify(parsed.issue)}`);
        assert.equal(state.topic.id, id);
        assert.equal(state.topics.length, 11);
        assert.deepEqual(state.topic.formula, lectureTopic(id).formula, 'formulas are sent unchanged');
        assert.equal(state.topic.sources.length, lectureTopic(id).sources.length);
        assert.deepEqual(state.experiment, { status: 'idle', message: '' });
      }
    });
  }

  it('uses the Spanish labels of the course', () => {
    const state = explanationStateMessage('vanishing-gradient', spanishTranslator());
    assert.equal(state.strings.formulaHeading, 'Fórmula');
    assert.equal(state.topic.title, 'Desvanecimiento del gradiente');
    assert.equal(state.topics.find((topic) => topic.id === 'gradient-clipping')?.title, 'Recorte del gradiente');
    assert.equal(state.topics.find((topic) => topic.id === 'bptt')?.title, 'Retropropagación a través del tiempo (BPTT)');
    assert.match(state.topic.paragraphs.join(' '), /gradiente que se desvanece/);
  });

  it('formats a source as "Authors (year). Title. Venue."', () => {
    assert.equal(
      formatSource({ authors: 'S. Hochreiter, J. Schmidhuber', year: 1997, title: 'Long short-term memory', venue: 'Neural Computation 9(8):1735–1780' }),
      'S. Hochreiter, J. Schmidhuber (1997). Long short-term memory. Neural Computation 9(8):1735–1780.',
    );
  });

  it('cites papers as the slides do: one surname, two with &, three or more with et al.', () => {
    assert.deepEqual(lectureTopic('lstm').sources.map(shortCitation), ['Hochreiter & Schmidhuber 1997', 'Gers et al. 2000', 'Jozefowicz et al. 2015']);
    assert.deepEqual(lectureTopic('echo-state-networks').sources.map(shortCitation), ['Jaeger 2001', 'Lukoševičius 2012']);
    assert.equal(shortCitation(lectureTopic('vanishing-gradient').sources[0] as never), 'Pascanu et al. 2013');
  });

  it('refuses malformed host messages with the path of the bad field', () => {
    const state = JSON.parse(JSON.stringify(explanationStateMessage('lstm', englishTranslator))) as Record<string, unknown>;
    const withTopic = (topic: unknown): unknown => ({ ...state, topic });
    const bad = (raw: unknown, pathExpected: string): void => {
      const parsed = parseExplanationHostToWebviewMessage(raw);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.equal(parsed.issue.path, pathExpected);
    };
    bad({ ...state, type: 'other' }, 'type');
    bad(withTopic({ ...(state.topic as object), id: 'gru' }), 'topic.id');
    bad(withTopic({ ...(state.topic as object), formula: 'J = …' }), 'topic.formula');
    bad(withTopic({ ...(state.topic as object), sources: [1] }), 'topic.sources[0]');
    bad({ ...state, strings: { ...(state.strings as object), running: 3 } }, 'strings.running');
    bad({ ...state, experiment: { status: 'exploded', message: '' } }, 'experiment.status');
    bad({ ...state, topics: [{ id: 'lstm' }] }, 'topics[0].title');
  });

  it('accepts exactly the four webview messages, each with a known topic', () => {
    assert.deepEqual(parseExplanationWebviewToHostMessage({ type: 'ready' }), { ok: true, value: { type: 'ready' } });
    assert.deepEqual(parseExplanationWebviewToHostMessage({ type: 'runExperiment', topic: 'penalties', extra: 1 }), {
      ok: true,
      value: { type: 'runExperiment', topic: 'penalties' },
    });
    const unknown = parseExplanationWebviewToHostMessage({ type: 'showTopic', topic: 'transformers' });
    assert.equal(unknown.ok, false);
    if (!unknown.ok) assert.equal(unknown.issue.path, 'topic');
    assert.deepEqual(parseExplanationWebviewToHostMessage({ type: 'rendered', topic: 'lstm', formulaLines: 4, sources: 3, experimentButton: true }), {
      ok: true,
      value: { type: 'rendered', topic: 'lstm', formulaLines: 4, sources: 3, experimentButton: true },
    });
    const fractional = parseExplanationWebviewToHostMessage({ type: 'rendered', topic: 'lstm', formulaLines: 1.5, sources: 3, experimentButton: true });
    assert.equal(fractional.ok, false);
    if (!fractional.ok) assert.equal(fractional.issue.path, 'formulaLines');
    assert.equal(parseExplanationWebviewToHostMessage({ type: 'rendered', topic: 'lstm', formulaLines: 4, sources: 3 }).ok, false);
    assert.equal(parseExplanationWebviewToHostMessage({ type: 'eval', code: 'x' }).ok, false);
    assert.equal(parseExplanationWebviewToHostMessage('ready').ok, false);
    assert.deepEqual(parseExplanationPersistedState({ topic: 'bptt' }), { ok: true, value: { topic: 'bptt' } });
    assert.equal(parseExplanationPersistedState({ topic: 5 }).ok, false);
  });
});

describe('experiment resolution', () => {
  const samples = path.join(path.sep, 'ext', 'samples');

  it('makes sample arguments absolute and keeps the other arguments', () => {
    const resolved = resolveExperiment(lectureTopic('lstm').experiment, samples);
    assert.equal(resolved.kind, 'command');
    if (resolved.kind !== 'command') return;
    assert.equal(resolved.command, 'rnnLab.trainOnFile');
    // the LSTM runs on the adding problem, grouped by sequence (the data decides columns and topology)
    assert.equal(resolved.argument?.file, path.join(samples, 'adding-problem.csv'));
    assert.equal(resolved.argument?.columns, undefined);
    assert.deepEqual(resolved.samplePaths, [path.join(samples, 'adding-problem.csv')]);
    assert.equal((resolved.argument?.settings as { model: { cell: string } }).model.cell, 'lstm');
    const gradientDescent = resolveExperiment(lectureTopic('cost-and-gradient-descent').experiment, samples);
    assert.ok(gradientDescent.kind === 'command' && gradientDescent.argument?.file === path.join(samples, 'sine.csv'));
    assert.ok(gradientDescent.kind === 'command' && (gradientDescent.argument?.columns as string[])[0] === 'value');
  });

  it('passes no argument when the experiment has none, and opens the ESN config as a file', () => {
    const topologies = resolveExperiment(lectureTopic('topologies').experiment, samples);
    assert.deepEqual(topologies, { kind: 'command', command: 'rnnLab.showTopologies', argument: undefined, samplePaths: [] });
    const esn = resolveExperiment(lectureTopic('echo-state-networks').experiment, samples);
    assert.deepEqual(esn, { kind: 'openSample', samplePaths: [path.join(samples, 'configs', 'echo-state-network.rnn.json')] });
  });

  it('refuses sample paths that leave samples/', () => {
    assert.throws(() => samplePath(samples, '../package.json'), /not inside samples/);
    assert.throws(() => samplePath(samples, '/etc/passwd'), /not inside samples/);
    assert.throws(() => samplePath(samples, 'configs/../../x'), /not inside samples/);
    assert.throws(() => samplePath(samples, ''), /not inside samples/);
    assert.equal(samplePath(samples, 'configs/./lstm.rnn.json'), path.join(samples, 'configs', 'lstm.rnn.json'));
  });
});
