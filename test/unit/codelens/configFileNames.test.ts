// Config file names, run names, and which saved run "Show gradient decay of last run" opens.
import * as assert from 'node:assert/strict';
import { configRunName, isRnnConfigFileName, withRnnJsonExtension } from '../../../src/modelFiles/rnnConfig/configFileNames';
import { pickLastRun } from '../../../src/host/modelFiles/lastRunMemory';
import type { RunListing } from '../../../src/node/runStore';

function run(name: string, startedAt: string): RunListing {
  return { id: `${startedAt}-${name}`, name, status: 'completed', startedAt, epochs: 3, lastEpochTrainLoss: 0.1, lastEpochValidationLoss: 0.2, runJsonPath: `/runs/${name}/${startedAt}/run.json` };
}

describe('config file names and the last run', () => {
  it('recognises *.rnn.json in any case, and names new configs so the schema and lenses apply', () => {
    assert.equal(isRnnConfigFileName('/a/b/adding.rnn.json'), true);
    assert.equal(isRnnConfigFileName('C:\\m\\X.RNN.JSON'), true);
    assert.equal(isRnnConfigFileName('/a/model.json'), false);
    assert.equal(withRnnJsonExtension('/a/new.json'), '/a/new.rnn.json');
    assert.equal(withRnnJsonExtension('/a/new'), '/a/new.rnn.json');
    assert.equal(withRnnJsonExtension('/a/new.rnn.json'), '/a/new.rnn.json');
  });

  it('names runs after the config file', () => {
    assert.equal(configRunName('/work/adding.rnn.json'), 'adding');
    assert.equal(configRunName('C:\\work\\sine-train.rnn.json'), 'sine-train');
    assert.equal(configRunName('/work/model.json'), 'model');
    assert.equal(configRunName('Untitled-1'), 'Untitled-1');
  });

  it('prefers the newest run of the config, else the newest run of all', () => {
    const runs = [run('adding', '2026-01-02T10:00:00.000Z'), run('sine', '2026-01-03T10:00:00.000Z'), run('adding', '2026-01-02T12:00:00.000Z')];
    assert.equal(pickLastRun(runs, 'adding')?.startedAt, '2026-01-02T12:00:00.000Z');
    assert.equal(pickLastRun(runs, 'other')?.name, 'sine');
    assert.equal(pickLastRun(runs, undefined)?.name, 'sine');
    assert.equal(pickLastRun([], 'adding'), undefined);
  });
});
