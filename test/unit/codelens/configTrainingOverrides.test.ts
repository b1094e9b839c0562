// A *.rnn.json as training settings overrides: every value it states, remedies it omits switched off, the window the
// flow needs per topology, and the fields the editor's training cannot take.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRnnConfigText } from '../../../src/modelFiles/rnnConfig/readRnnConfig';
import { configTrainingPlan } from '../../../src/lab/settings/configFileOverrides';
import { resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { configFrom } from './configText';

function sample(name: string) {
  const text = fs.readFileSync(path.resolve(__dirname, `../../../../samples/configs/${name}.rnn.json`), 'utf8');
  const reading = readRnnConfigText(text);
  assert.ok(reading.ok);
  return reading.config;
}

describe('config → training settings overrides', () => {
  it('carries the many-to-one sample into settings the merge accepts without a problem', () => {
    const planned = configTrainingPlan(sample('many-to-one'));
    assert.ok(planned.ok);
    const resolved = resolveSettings({ args: planned.plan.overrides });
    assert.deepEqual(resolved.problems, []);
    const s = resolved.settings;
    assert.equal(s.model.topology.value, 'many-to-one');
    assert.equal(s.model.cell.value, 'lstm');
    assert.equal(s.model.hiddenSize.value, 32);
    assert.equal(s.model.window.value, 50);
    assert.equal(s.training.epochs.value, 300);
    assert.equal(s.training.optimizer.value, 'adam');
    assert.equal(s.training.learningRate.value, 0.01);
    assert.equal(s.training.seed.value, 42);
    assert.equal(s.remedies.clipNorm.value, 1);
    assert.equal(s.remedies.init.value, 'orthogonal');
    assert.equal(s.remedies.tbpttK1.value, 0, 'no tbptt in the file: full BPTT, whatever the settings say');
    assert.equal(s.remedies.spectralRadius.value, 0);
    assert.equal(s.training.epochs.source, 'argument');
    assert.deepEqual(planned.plan.notCarried, []);
  });

  it('one-to-many generates `window` steps from one input: window = outputLength', () => {
    const planned = configTrainingPlan(sample('one-to-many'));
    assert.ok(planned.ok);
    assert.equal(planned.plan.overrides.model?.window, 12);
    assert.equal(planned.plan.overrides.model?.topology, 'one-to-many');
  });

  it('lists what the editor training cannot take: another output length, loss, identity scale, momentum', () => {
    const encoderDecoder = configTrainingPlan(sample('many-to-many-encoder-decoder'));
    assert.ok(encoderDecoder.ok);
    assert.deepEqual(encoderDecoder.plan.notCarried, ['outputLength = 8', 'loss = "xent"']);
    assert.equal(encoderDecoder.plan.overrides.remedies?.tbpttK1, 10);
    const irnn = configTrainingPlan(configFrom({ topology: 'many-to-one', inputLength: 5, outputLength: 1, init: 'identity', identityScale: 0.5, optimizer: 'momentum', momentum: 0.5 }));
    assert.ok(irnn.ok);
    assert.deepEqual(irnn.plan.notCarried, ['momentum = 0.5', 'identityScale = 0.5']);
  });

  it('takes the data source: path, column (0-based → 1-based), horizon and normalisation', () => {
    const planned = configTrainingPlan(configFrom({ topology: 'many-to-one', outputLength: 1, data: { path: '../sine.csv', column: 1, window: 30, horizon: 2, normalization: 'minmax' } }));
    assert.ok(planned.ok);
    assert.equal(planned.plan.dataPath, '../sine.csv');
    assert.deepEqual(planned.plan.columns, ['2']);
    assert.equal(planned.plan.overrides.model?.window, 30);
    assert.equal(planned.plan.overrides.model?.horizon, 2);
    assert.equal(planned.plan.overrides.data?.normalization, 'minmax');
    const named = configTrainingPlan(configFrom({ topology: 'many-to-one', inputLength: 4, outputLength: 1, data: { path: 'a.csv', column: 'value' } }));
    assert.ok(named.ok);
    assert.deepEqual(named.plan.columns, ['value']);
  });

  it('refuses an echo state network and a config whose topology cannot be decided, with the engine reason', () => {
    const esn = configTrainingPlan(sample('echo-state-network'));
    assert.equal(esn.ok, false);
    assert.match(esn.ok ? '' : esn.reason, /echo state network/);
    const undecided = configTrainingPlan(configFrom({ cell: 'rnn', hiddenSize: 4 }));
    assert.equal(undecided.ok, false);
    assert.match(undecided.ok ? '' : undecided.reason, /outputLength/);
  });
});
