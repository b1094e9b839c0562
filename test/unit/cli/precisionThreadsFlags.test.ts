// rnnLab.training.precision and rnnLab.training.threads (issue 15, plumbing): the settings' defaults and bounds,
// `rnn-lab train --precision / --threads` (one-line errors, exit 2), the *.rnn.json fields, and run records written
// before the two settings existed still being repeated (today's defaults fill them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { effectiveSettings, parseTrainFlags } from '../../../src/cli/train/trainFlags';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { TRAIN_HELP } from '../../../src/cli/train/trainHelp';
import { prepareRerun } from '../../../src/lab/runs/rerun';
import { configTrainingPlan } from '../../../src/lab/settings/configFileOverrides';
import { resolveSettings } from '../../../src/lab/settings/resolveSettings';
import { nodePlatform } from '../../../src/node/nodePlatform';
import { configFrom } from '../codelens/configText';
import { runCommand } from './captureCommand';

function settingsOf(args: string[]) {
  const options = parseTrainFlags(['data.csv', ...args]);
  assert.ok(options !== null);
  return effectiveSettings(options.overrides);
}

function refused(args: string[], message: string): void {
  assert.throws(
    () => settingsOf(args),
    (error: unknown) => error instanceof CliUsageError && error.message === message,
    `expected "${message}" for ${args.join(' ')}`,
  );
}

describe('training precision and threads: settings and flags', () => {
  it('default to auto and 0 (the cores, at most 8), with source "default"', () => {
    const { settings, problems } = resolveSettings();
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.training.precision, { value: 'auto', source: 'default' });
    assert.deepEqual(settings.training.threads, { value: 0, source: 'default' });
  });

  it('a VS Code setting sets them; a value out of bounds is skipped with a problem naming the key', () => {
    const { settings, problems } = resolveSettings({
      readLevels: (key) => (key === 'rnnLab.training.precision' ? { user: 'float32' } : key === 'rnnLab.training.threads' ? { user: 4, workspace: 9 } : {}),
    });
    assert.equal(settings.training.precision.value, 'float32');
    assert.equal(settings.training.threads.value, 4);
    assert.deepEqual(problems.map((p) => [p.key, p.kind, p.expected]), [['rnnLab.training.threads', 'above-maximum', 'an integer 0–8']]);
  });

  it('--precision and --threads set them (source "argument")', () => {
    for (const precision of ['auto', 'float32', 'float64'] as const) assert.equal(settingsOf(['--precision', precision]).training.precision, precision);
    assert.equal(settingsOf(['--threads', '1']).training.threads, 1);
    assert.equal(settingsOf(['--threads', '8']).training.threads, 8);
    const options = parseTrainFlags(['data.csv', '--precision', 'float64', '--threads', '2']);
    assert.deepEqual(options?.overrides.training, { precision: 'float64', threads: 2 });
  });

  it('refuses bad values in one line naming the flag, what is accepted and the value', () => {
    refused(['--precision', 'float16'], '--precision must be one of auto, float32, float64, got "float16"');
    refused(['--threads', '9'], '--threads must be an integer 0–8, got 9');
    refused(['--threads=-1'], '--threads must be an integer 0–8, got -1');
    refused(['--threads', '1.5'], '--threads must be an integer 0–8, got 1.5');
    refused(['--threads', 'many'], '--threads must be an integer 0–8, got "many"');
  });

  it('refuses a bad value before reading the data (exit 2); --cell esn refuses them (no mini-batches to compute)', async () => {
    await assert.rejects(runCommand(trainCommand(), ['missing.csv', '--precision', 'double']), (error: unknown) => error instanceof CliUsageError && error.message === '--precision must be one of auto, float32, float64, got "double"');
    assert.throws(() => parseTrainFlags(['data.csv', '--cell', 'esn', '--threads', '2']), (error: unknown) => error instanceof CliUsageError && /^--threads does not apply to --cell esn/.test(error.message));
  });

  it('--help documents both flags and their range', () => {
    const help = TRAIN_HELP;
    assert.match(help, /--precision auto\|float32\|float64/);
    assert.match(help, /--threads N/);
    assert.match(help, /--threads 0–8/);
    for (const line of help.split('\n').filter((l) => /precision|threads|float64/.test(l))) assert.ok(line.length <= 120, line);
  });

  it('a *.rnn.json that states them carries them; one that does not leaves them to the settings', () => {
    const stated = configTrainingPlan(configFrom({ topology: 'many-to-one', precision: 'float64', threads: 1 }));
    assert.ok(stated.ok);
    assert.deepEqual([stated.plan.overrides.training?.precision, stated.plan.overrides.training?.threads], ['float64', 1]);
    const silent = configTrainingPlan(configFrom({ topology: 'many-to-one' }));
    assert.ok(silent.ok);
    assert.equal('precision' in (silent.plan.overrides.training ?? {}), false);
    assert.equal('threads' in (silent.plan.overrides.training ?? {}), false);
  });
});

describe('run records from before precision and threads', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-old-record-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('load with today\'s defaults (auto, 0) and the recorded precision and threads when present', async () => {
    const directory = path.join(root, 'run');
    const data = path.resolve(__dirname, '../../../../samples/sine.csv');
    const result = await runCommand(trainCommand(), [data, '--epochs', '1', '--precision', 'float64', '--threads', '1', '--run-dir', directory, '--quiet']);
    assert.equal(result.code, 0, result.stderr);
    const runJson = path.join(directory, 'run.json');
    const record = JSON.parse(fs.readFileSync(runJson, 'utf8'));
    assert.deepEqual(record.config.training.precision, { value: 'float64', source: 'argument' });
    assert.deepEqual(record.config.training.threads, { value: 1, source: 'argument' });
    assert.equal((await prepareRerun(directory, nodePlatform)).settings.training.precision, 'float64');
    // the resolved arithmetic is what a re-run follows (auto and 0 depend on the machine)
    assert.deepEqual(record.arithmetic, { precision: 'float64', reason: 'requested', threads: 1, kernels: null });
    record.config.training.precision = { value: 'auto', source: 'default' };
    record.config.training.threads = { value: 0, source: 'default' };
    fs.writeFileSync(runJson, JSON.stringify(record));
    const resolved = await prepareRerun(directory, nodePlatform);
    assert.deepEqual([resolved.settings.training.precision, resolved.settings.training.threads], ['float64', 1]);
    delete record.config.training.precision;
    delete record.config.training.threads;
    delete record.arithmetic;
    fs.writeFileSync(runJson, JSON.stringify(record));
    const old = await prepareRerun(directory, nodePlatform);
    assert.equal(old.settings.training.precision, 'auto');
    assert.equal(old.settings.training.threads, 0);
    assert.deepEqual(old.config.training.threads, { value: 0, source: 'default' });
  });
});
