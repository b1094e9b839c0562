// `rnn-lab train` with the remedy flags, end to end on real files: the documented --json fields (docs/train-json.md),
// divergence with exit code 1, echo state networks, grouped sequences (the adding problem), and exit-2 errors.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CliUsageError } from '../../../src/cli/cliSupport';
import { trainCommand } from '../../../src/cli/train/trainCommand';
import { sampledEpochs } from '../../../src/engine/diagnostics/epochDiagnostics';
import { runCommand } from '../cli/captureCommand';

const SINE = path.resolve(__dirname, '../../../../test/fixtures/train/sine.csv');
const ADDING = path.resolve(__dirname, '../../../../samples/adding-problem.csv');

interface RemedyJson {
  trainLoss: number | null;
  lossPerEpoch: (number | null)[];
  hidden_grad_norms: number[][] | null;
  clipping: { updates: number; clipped: number; fraction: number; preClipNorms: number[]; clippedPerUpdate: boolean[] } | null;
  diverged: { epoch: number; reason: string; hint: string } | null;
  diagnostics: {
    epoch: number;
    hiddenGradNorms?: number[][];
    jacobianProductNorms?: { step: number; values: number[][] };
    spectral: { matrices: { largestSingularValue: number; spectralRadius: number | null; bound: number[] }[] };
    omegaPenalty?: number | null;
  }[];
  training?: { remedies: { clipNorm: number | null; omega: number; init: { scheme: string } } };
  echoState?: { reservoirSize: number; trainSamples: number };
}

async function train(args: string[]): Promise<{ code: number; json: RemedyJson; stderr: string }> {
  const result = await runCommand(trainCommand(), args);
  return { code: result.code, json: JSON.parse(result.stdout) as RemedyJson, stderr: result.stderr };
}

async function usage(args: string[], pattern: RegExp): Promise<void> {
  await assert.rejects(runCommand(trainCommand(), args), (error: unknown) => error instanceof CliUsageError && pattern.test(error.message) && !error.message.includes('\n'));
}

describe('rnn-lab train: remedy flags and diagnostics', function () {
  this.timeout(60_000);

  it('--clip-norm, --l2, --omega, --init orthogonal --spectral-radius: clipping report, the initial parameters and every epoch of a short run sampled with every diagnostic', async () => {
    const { code, json } = await train([SINE, '--window', '10', '--hidden', '6', '--epochs', '12', '--batch', '8', '--lr', '0.05', '--clip-norm', '0.5', '--l2', '1e-4', '--omega', '2', '--init', 'orthogonal', '--spectral-radius', '0.9', '--json', '--quiet']);
    assert.equal(code, 0);
    assert.equal(json.diverged, null);
    const clipping = json.clipping!;
    assert.equal(clipping.preClipNorms.length, clipping.updates);
    assert.equal(clipping.clippedPerUpdate.length, clipping.updates);
    assert.equal(clipping.clipped, clipping.preClipNorms.filter((norm) => norm >= 0.5).length);
    assert.equal(clipping.fraction, clipping.clipped / clipping.updates);
    assert.deepEqual(json.diagnostics.map((d) => d.epoch), [0, ...sampledEpochs(12)]);
    assert.equal(json.diagnostics.length, 13);
    assert.equal(json.diagnostics[0]!.omegaPenalty, null, 'no penalty before the first update');
    const first = json.diagnostics[1]!;
    assert.equal(first.hiddenGradNorms![0]!.length, 10);
    // ‖∂h_t/∂h_k‖ at 6 of the 13 entries, the first and the last among them
    const withJacobian = json.diagnostics.filter((d) => d.jacobianProductNorms !== null).map((d) => d.epoch);
    assert.deepEqual(withJacobian, [0, 2, 5, 7, 10, 12]);
    const last = json.diagnostics[12]!;
    assert.equal(last.jacobianProductNorms!.step, 9);
    assert.equal(last.jacobianProductNorms!.values[0]!.length, 10);
    const spectrum = first.spectral.matrices[0]!;
    assert.ok(spectrum.spectralRadius! <= spectrum.largestSingularValue * (1 + 1e-12));
    assert.equal(first.spectral.matrices[0]!.bound.length, 10);
    assert.ok(first.omegaPenalty! > 0);
    assert.deepEqual(json.training!.remedies.init, { scheme: 'orthogonal', spectralRadius: 0.9 });
  });

  it('an exploding run stops with exit code 1 and "diverged": { epoch, reason, hint }; the same run with --clip-norm trains', async () => {
    const exploding = [SINE, '--window', '30', '--hidden', '8', '--nonlinearity', 'relu', '--init', 'identity', '--identity-scale', '1.8', '--epochs', '3', '--json', '--quiet'];
    const { code, json, stderr } = await train(exploding);
    assert.equal(code, 1);
    assert.equal(json.diverged!.epoch, 1);
    assert.equal(json.diverged!.reason, 'gradient-norm-above-bound');
    assert.match(json.diverged!.hint, /--clip-norm/);
    assert.match(stderr, /^training diverged in epoch 1: the gradient norm .* kept the last good parameters \(after 0 updates\)\. Training diverged: try to enable gradient clipping/);
    const clipped = await train([...exploding, '--clip-norm', '1']);
    assert.equal(clipped.code, 0);
    assert.equal(clipped.json.diverged, null);
    assert.ok(clipped.json.clipping!.clipped > 0);
  });

  it('--cell esn fits a reservoir readout in closed form: ESN fields, reservoir spectrum, no BPTT fields', async () => {
    const { code, json } = await train([SINE, '--window', '20', '--cell', 'esn', '--reservoir', '40', '--spectral-radius', '0.95', '--leak', '0.5', '--json', '--quiet']);
    assert.equal(code, 0);
    assert.equal(json.hidden_grad_norms, null);
    assert.equal(json.clipping, null);
    assert.equal(json.diverged, null);
    assert.equal(json.echoState!.reservoirSize, 40);
    assert.ok(Math.abs(json.diagnostics[0]!.spectral.matrices[0]!.spectralRadius! - 0.95) < 1e-6);
    assert.ok(json.trainLoss! < 0.05, `ESN train J = ${json.trainLoss}`);
  });

  it('the adding problem (--group sequence --target target): vanilla ‖∂J/∂h_k‖ vanishes towards k = 0, the LSTM\'s does not', async () => {
    const common = [ADDING, '--group', 'sequence', '--target', 'target', '--column', 'value,marker', '--hidden', '16', '--epochs', '2', '--json', '--quiet'];
    const rnn = (await train([...common, '--cell', 'rnn'])).json.hidden_grad_norms![0]!;
    const lstm = (await train([...common, '--cell', 'lstm'])).json.hidden_grad_norms![0]!;
    assert.equal(rnn.length, 50);
    assert.ok(rnn[0]! / rnn[49]! < 1e-3, `vanilla ratio ${rnn[0]! / rnn[49]!}`);
    assert.ok(lstm[0]! / lstm[49]! > 100 * (rnn[0]! / rnn[49]!), `LSTM ratio ${lstm[0]! / lstm[49]!}`);
  });

  it('recognises the adding problem without --group (as the extension does), and --no-group cuts windows instead', async () => {
    const auto = await runCommand(trainCommand(), [ADDING, '--cell', 'rnn', '--hidden', '16', '--epochs', '2', '--json']);
    assert.match(auto.stderr, /reading one sequence per value of "sequence" \(100 sequences\), target "target"/);
    const json = JSON.parse(auto.stdout) as RemedyJson & { data: { group?: string; target?: string; columns: string[]; trainingWindows: number } };
    assert.deepEqual([json.data.group, json.data.target, json.data.columns, json.data.trainingWindows], ['sequence', 'target', ['value', 'marker'], 80]);
    const explicit = await train([ADDING, '--group', 'sequence', '--target', 'target', '--column', 'value,marker', '--cell', 'rnn', '--hidden', '16', '--epochs', '2', '--json', '--quiet']);
    assert.deepEqual(json.hidden_grad_norms, explicit.json.hidden_grad_norms, 'the same run as with the explicit flags');
    const windows = await runCommand(trainCommand(), [ADDING, '--no-group', '--epochs', '1', '--json', '--quiet']);
    const windowed = JSON.parse(windows.stdout) as { data: { group?: string } };
    assert.equal(windowed.data.group, undefined);
  });

  it('bad values and combinations: one line naming the flag, exit 2', async () => {
    await usage([SINE, '--clip-norm', '-1'], /--clip-norm/);
    await usage([SINE, '--tbptt', '5,3'], /^--tbptt must be K1,K2 with integers 1 ≤ K1 ≤ K2/);
    await usage([SINE, '--cell', 'lstm', '--omega', '2'], /^--omega applies to the vanilla RNN's W_hh/);
    await usage([SINE, '--cell', 'esn', '--clip-norm', '1'], /^--clip-norm does not apply to --cell esn/);
    await usage([SINE, '--cell', 'esn', '--topology', 'one-to-many'], /^--cell esn: not supported for topology one-to-many/);
    await usage([SINE, '--init', 'identity', '--identity-scale', '0'], /^--identity-scale must be a number 0\.01–10, got 0$/);
    await usage([SINE, '--group', 'sequence'], /^--group sequence: .*--target/);
  });
});
