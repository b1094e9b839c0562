// The lecture topics of "RNN Lab: Explain…": every topic has its formula (the one of docs/maths.md), its sources (the
// papers docs/maths.md cites, with their years), and an experiment that can actually run — a command contributed in
// package.json with arguments that command accepts, on a sample that exists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTableText } from '../../../src/data/parse/loadTable';
import { detectSequenceGrouping } from '../../../src/data/prepare/sequenceGrouping';
import { EXPLANATION_TOPIC_IDS } from '../../../src/protocol/explainProtocol';
import { parseTopologyFocus } from '../../../src/protocol/topologyProtocol';
import { checkValue } from '../../../src/lab/settings/resolveSettings';
import { settingSpec } from '../../../src/lab/settings/settingsSchema';
import type { SettingsSection } from '../../../src/lab/runs/runRecord';
import { SETTINGS_SECTIONS } from '../../../src/lab/settings/settingsSchema';
import { resolveExperiment } from '../../../src/host/explain/lectureExperiment';
import { lectureTopicText } from '../../../src/host/explain/lectureTopicText';
import type { LectureTopicId } from '../../../src/host/explain/lectureTopics';
import { LECTURE_TOPICS, LECTURE_TOPIC_IDS, lectureTopic } from '../../../src/host/explain/lectureTopics';
import { contributedCommands, englishTranslator, root, spanishTranslator } from './teachingFixtures';

const SAMPLES = path.join(root, 'samples');

describe('lecture topics', () => {
  it('cover the lecture, in its order, each once', () => {
    assert.deepEqual(
      LECTURE_TOPICS.map((topic) => topic.id),
      [
        'topologies',
        'cost-and-gradient-descent',
        'bptt',
        'vanishing-gradient',
        'exploding-gradient',
        'truncated-bptt',
        'penalties',
        'gradient-clipping',
        'weight-initialisation',
        'echo-state-networks',
        'lstm',
      ],
    );
    assert.deepEqual([...LECTURE_TOPIC_IDS], [...EXPLANATION_TOPIC_IDS]);
  });

  for (const topic of LECTURE_TOPICS) {
    describe(topic.id, () => {
      it('has a formula and sources named by authors, year, title and venue', () => {
        assert.ok(topic.formula.length >= 1);
        for (const line of topic.formula) assert.ok(line.trim().length >= 5, `formula line ${JSON.stringify(line)}`);
        assert.ok(topic.sources.length >= 1);
        for (const source of topic.sources) {
          assert.ok(Number.isInteger(source.year) && source.year >= 1980 && source.year <= 2026, `${source.title}: year ${source.year}`);
          for (const field of [source.authors, source.title, source.venue]) assert.ok(field.trim().length >= 3, JSON.stringify(source));
        }
      });

      it('has an experiment that runs: a contributed command, existing samples, valid arguments', () => {
        const resolved = resolveExperiment(topic.experiment, SAMPLES);
        for (const file of resolved.samplePaths) assert.ok(fs.existsSync(file), `${topic.id}: missing sample ${file}`);
        if (resolved.kind === 'openSample') return;
        assert.ok(contributedCommands().has(resolved.command), `${topic.id}: ${resolved.command} is not contributed in package.json`);
        checkCommandArgument(topic.id, resolved.command, resolved.argument);
      });

      it('has every explanation string in English and in Spanish', () => {
        const english = lectureTopicText(topic.id, englishTranslator);
        const spanish = lectureTopicText(topic.id, spanishTranslator());
        const texts = (text: typeof english): string[] => [
          text.title, text.summary, ...text.paragraphs, text.symbols, text.experimentLabel, text.lookFor,
        ];
        assert.ok(english.paragraphs.length >= 2, 'at least two paragraphs');
        const englishTexts = texts(english);
        const spanishTexts = texts(spanish);
        for (let i = 0; i < englishTexts.length; i++) {
          assert.ok((englishTexts[i] as string).length >= 5);
          assert.notEqual(spanishTexts[i], englishTexts[i], `untranslated: ${englishTexts[i]}`);
        }
      });
    });
  }
});

/** Checks an experiment's argument the way its command will: known fields, valid values, existing columns. */
function checkCommandArgument(topic: LectureTopicId, command: string, argument: Readonly<Record<string, unknown>> | undefined): void {
  switch (command) {
    case 'rnnLab.showTopologies': {
      if (argument === undefined) return;
      const parsed = parseTopologyFocus(argument);
      assert.ok(parsed.ok, `${topic}: showTopologies argument ${JSON.stringify(argument)}`);
      return;
    }
    case 'rnnLab.trainOnFile': {
      assert.ok(argument !== undefined);
      const file = argument.file;
      assert.equal(typeof file, 'string');
      assert.ok(path.isAbsolute(file as string), 'file is an absolute path');
      const text = fs.readFileSync(file as string, 'utf8');
      const header = text.split(/\r?\n/)[0]?.split(',') ?? [];
      const grouped = detectSequenceGrouping(parseTableText(text, path.basename(file as string))) !== undefined;
      if (grouped) {
        // a table of many sequences decides its own inputs, target and topology (one example per sequence)
        assert.equal(argument.columns, undefined, `${topic}: grouped data takes no columns`);
      } else {
        const columns = argument.columns as string[];
        for (const column of columns) assert.ok(header.includes(column), `${topic}: column ${column} not in ${header.join(',')}`);
        assert.ok(columns.includes(argument.target as string), `${topic}: target among the columns`);
      }
      assert.equal(argument.silent, true, `${topic}: the button must not stop at prompts`);
      const settings = argument.settings as Record<string, Record<string, unknown>>;
      for (const [section, values] of Object.entries(settings)) {
        assert.ok((SETTINGS_SECTIONS as readonly string[]).includes(section), `${topic}: section ${section}`);
        for (const [name, value] of Object.entries(values)) {
          const spec = settingSpec(section as SettingsSection, name);
          assert.ok(spec !== undefined, `${topic}: unknown setting rnnLab.${section}.${name}`);
          assert.equal(checkValue(spec, value), undefined, `${topic}: rnnLab.${section}.${name} = ${JSON.stringify(value)}`);
        }
      }
      const model = settings.model ?? {};
      if (!grouped) assert.ok(typeof model.window === 'number', `${topic}: sets the window`);
      const remedies = settings.remedies ?? {};
      // TBPTT needs k2 ≥ k1 (docs/maths.md "Backpropagation through time").
      assert.ok(Number(remedies.tbpttK2 ?? 0) === 0 || Number(remedies.tbpttK2) >= Number(remedies.tbpttK1), `${topic}: k2 ≥ k1`);
      return;
    }
    default:
      assert.fail(`${topic}: no argument check for ${command}; add one`);
  }
}

describe('lecture topic formulas follow docs/maths.md', () => {
  const formula = (id: LectureTopicId): string => lectureTopic(id).formula.join('\n');

  it('the cost has the lecture’s ½ and the gradient (ŷ − y)/m', () => {
    assert.match(formula('cost-and-gradient-descent'), /J\(θ\) = 1\/\(2m\) · Σᵢ \(ŷᵢ − yᵢ\)²/);
    assert.match(formula('cost-and-gradient-descent'), /∂J\/∂ŷᵢ = \(ŷᵢ − yᵢ\)\/m/);
  });

  it('BPTT is the sum over t and k with the product of W_recᵀ diag(σ′)', () => {
    assert.match(formula('bptt'), /∂ε\/∂θ = Σₜ ∂εₜ\/∂θ/);
    assert.match(formula('bptt'), /Π_\{k<i≤t\} W_recᵀ diag\(σ′\(x_\{i−1\}\)\)/);
  });

  it('vanishing: the bound (λ₁γ)^(t−k), γ = 1 for tanh and ¼ for sigmoid', () => {
    assert.match(formula('vanishing-gradient'), /\(λ₁ γ\)\^\(t−k\)/);
    assert.match(formula('vanishing-gradient'), /1 \(tanh, ReLU\), ¼ \(sigmoid\)/);
  });

  it('clipping rescales to τ·g/‖g‖ when ‖g‖ ≥ τ', () => {
    assert.match(formula('gradient-clipping'), /if ‖g‖ ≥ τ:\s+g ← τ · g \/ ‖g‖/);
  });

  it('Xavier uses √(6/(fan_in + fan_out)); the LSTM cell path is diag(fₜ); the ESN readout is ridge', () => {
    assert.match(formula('weight-initialisation'), /√\(6\/\(fan_in \+ fan_out\)\)/);
    assert.match(formula('lstm'), /cₜ = f ⊙ cₜ₋₁ \+ i ⊙ g/);
    assert.match(formula('lstm'), /∂cₜ\/∂cₜ₋₁ = diag\(fₜ\)/);
    assert.match(formula('echo-state-networks'), /W_out = Y Xᵀ \(X Xᵀ \+ βI\)⁻¹/);
    assert.match(formula('echo-state-networks'), /ρ\(W\) = 0\.95/);
  });

  it('names the papers docs/maths.md cites, with their years', () => {
    const cites = (id: LectureTopicId, surname: string, year: number): void => {
      const found = lectureTopic(id).sources.some((source) => source.authors.includes(surname) && source.year === year);
      assert.ok(found, `${id} cites ${surname} ${year}`);
    };
    cites('vanishing-gradient', 'Pascanu', 2013);
    cites('exploding-gradient', 'Pascanu', 2013);
    cites('gradient-clipping', 'Pascanu', 2013);
    cites('penalties', 'Pascanu', 2013);
    cites('lstm', 'Hochreiter', 1997);
    cites('lstm', 'Jozefowicz', 2015);
    cites('truncated-bptt', 'Williams', 1990);
    cites('echo-state-networks', 'Jaeger', 2001);
    cites('weight-initialisation', 'Le', 2015);
    cites('weight-initialisation', 'Glorot', 2010);
    cites('weight-initialisation', 'Saxe', 2014);
    cites('bptt', 'Werbos', 1990);
    cites('cost-and-gradient-descent', 'Rumelhart', 1986);
  });
});

describe('experiment settings switch on exactly the remedy of their topic', () => {
  const remedies = (id: LectureTopicId): Record<string, unknown> => {
    const experiment = lectureTopic(id).experiment;
    assert.equal(experiment.kind, 'command');
    if (experiment.kind !== 'command') return {};
    return ((experiment.args?.settings as Record<string, Record<string, unknown>>).remedies ?? {}) as Record<string, unknown>;
  };

  it('vanishing: orthogonal W_hh at ρ = λ₁ = 0.8, no remedy; exploding: ρ = 1.8 without clipping; clipping: the same with τ = 1', () => {
    assert.deepEqual(remedies('vanishing-gradient'), {
      clipNorm: 0, clipValue: 0, tbpttK1: 0, tbpttK2: 0, l2: 0, omega: 0, init: 'orthogonal', spectralRadius: 0.8,
    });
    const exploding = remedies('exploding-gradient');
    const clipping = remedies('gradient-clipping');
    assert.equal(exploding.spectralRadius, 1.8);
    assert.equal(exploding.clipNorm, 0);
    assert.deepEqual({ ...exploding, clipNorm: 1 }, clipping);
  });

  it('TBPTT(10, 20), L2 weight decay without Ω (the training worker refuses Ω > 0), IRNN with identity', () => {
    assert.deepEqual([remedies('truncated-bptt').tbpttK1, remedies('truncated-bptt').tbpttK2], [10, 20]);
    assert.deepEqual([remedies('penalties').l2, remedies('penalties').omega], [0.01, 0]);
    assert.equal(remedies('weight-initialisation').init, 'identity');
  });
});
