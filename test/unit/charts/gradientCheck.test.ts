// Gradient Check (issue 6): the worker entry produces the engine's report for the tiny model of the current settings,
// the real worker_threads worker answers off the calling thread, and malformed requests and answers are rejected.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runGradientCheckInWorker } from '../../../src/host/gradientCheck/gradientCheckWorkerClient';
import type { GradientCheckRequest } from '../../../src/protocol/gradientCheckProtocol';
import {
  parseGradientCheckHostMessage,
  parseGradientCheckWebviewMessage,
  parseGradientCheckWorkerMessage,
  parseRunGradientCheckMessage,
} from '../../../src/protocol/gradientCheckProtocol';
import { runGradientCheck } from '../../../src/worker/gradientCheckWorker';
import { bundleWorker } from '../workerBundle';

const REQUEST: GradientCheckRequest = { cell: 'rnn', nonlinearity: 'tanh', numLayers: 1, topology: 'many-to-one', hiddenSize: 3, steps: 5, seed: 42 };

describe('gradient check worker', function () {
  let directory: string;
  let workerScript: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-gradcheck-'));
    workerScript = await bundleWorker('gradientCheckWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('checks every parameter of the tiny RNN: all relative errors below 1e-6, shapes per PyTorch name', () => {
    const result = runGradientCheck({ type: 'check', request: REQUEST });
    assert.strictEqual(result.type, 'result');
    if (result.type !== 'result') return;
    const names = result.report.parameters.map((p) => p.name);
    assert.deepStrictEqual(names, ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_out', 'bias_out']);
    assert.deepStrictEqual(result.shapes.weight_hh_l0, [3, 3]);
    assert.deepStrictEqual(result.report.parameters.map((p) => p.count), [6, 9, 3, 3, 9, 3]);
    assert.ok(result.report.passed, `worst ${result.report.worstRelativeError}`);
    for (const parameter of result.report.parameters) assert.ok(parameter.worstRelativeError < 1e-6, `${parameter.name}: ${parameter.worstRelativeError}`);
    assert.ok(parseGradientCheckWorkerMessage(JSON.parse(JSON.stringify(result))).ok, 'the answer passes the host-side validator');
  });

  it('runs in a real worker thread and leaves the calling thread free (LSTM, 2 layers)', async () => {
    let longestStallMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStallMs = Math.max(longestStallMs, now - last);
      last = now;
    }, 5);
    try {
      const result = await runGradientCheckInWorker(workerScript, { ...REQUEST, cell: 'lstm', numLayers: 2 });
      assert.ok(result.report.passed, `worst ${result.report.worstRelativeError}`);
      assert.deepStrictEqual(result.shapes.weight_hh_l1, [12, 3], 'LSTM stacks i, f, g, o: 4H × H');
      assert.ok(result.elapsedMs > 0);
    } finally {
      clearInterval(ticker);
    }
    // The check itself takes hundreds of milliseconds; the calling thread must never be blocked for that long.
    assert.ok(longestStallMs < 100, `calling thread stalled ${longestStallMs.toFixed(0)} ms`);
  });

  it('a malformed request becomes an error answer, not a crash', async () => {
    assert.ok(!parseRunGradientCheckMessage({ type: 'check', request: { ...REQUEST, hiddenSize: 64 } }).ok);
    await assert.rejects(runGradientCheckInWorker(workerScript, { ...REQUEST, steps: 99 }), /request\.steps: expected an integer in \[1, 8\], received 99/);
  });
});

describe('gradient check protocol', () => {
  it('rejects malformed webview and host messages with the field path', () => {
    const bad = parseGradientCheckWebviewMessage({ type: 'rendered', requestId: 1, rows: 2, failing: 3 });
    assert.ok(!bad.ok && bad.issue.path === 'failing' && bad.issue.kind === 'outOfRange');
    assert.ok(parseGradientCheckWebviewMessage({ type: 'runAgain' }).ok);
    const host = parseGradientCheckHostMessage({ type: 'state', requestId: 0, status: 'done', request: REQUEST, result: { type: 'result', elapsedMs: 1, shapes: {}, report: { parameters: [{ name: 'w' }] } }, error: null, strings: {} });
    assert.ok(!host.ok && host.issue.path === 'result.report.parameters[0].count', JSON.stringify(host));
  });
});
