// Gradient Check after a window reload (issue 6): the state the page keeps with setState is what the panel serializer
// validates and revives. A real check's outcome survives JSON (VS Code stores the state as JSON) and is accepted
// unchanged; malformed or contradictory state is rejected with the field path, so the panel is closed, not crashed.
import * as assert from 'assert';
import type { GradientCheckPersistedState, GradientCheckRequest } from '../../../src/protocol/gradientCheckProtocol';
import { parseGradientCheckPersistedState } from '../../../src/protocol/gradientCheckProtocol';
import { runGradientCheck } from '../../../src/worker/gradientCheckWorker';

const REQUEST: GradientCheckRequest = { cell: 'gru', nonlinearity: 'tanh', numLayers: 1, topology: 'many-to-many-synced', hiddenSize: 2, steps: 4, seed: 7 };

describe('gradient check panel state (restore after reload)', () => {
  const answer = runGradientCheck({ type: 'check', request: REQUEST });
  if (answer.type !== 'result') throw new Error('the check failed');
  const done: GradientCheckPersistedState = JSON.parse(JSON.stringify({ request: REQUEST, status: 'done', result: answer, error: null })) as GradientCheckPersistedState;

  it('accepts the persisted outcome of a real check unchanged, every number intact', () => {
    const parsed = parseGradientCheckPersistedState(done);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.deepStrictEqual(parsed.value, done);
    assert.strictEqual(parsed.value.result?.report.worstRelativeError, answer.report.worstRelativeError);
    assert.strictEqual(parsed.value.result?.report.parameters.length, 6);
    assert.ok(parsed.value.result!.report.passed);
  });

  it('accepts a failed check and a check interrupted by the reload', () => {
    assert.ok(parseGradientCheckPersistedState({ request: REQUEST, status: 'failed', result: null, error: 'worker crashed' }).ok);
    assert.ok(parseGradientCheckPersistedState({ request: REQUEST, status: 'running', result: null, error: null }).ok);
  });

  it('rejects unusable state with the field path', () => {
    const cases: [unknown, string][] = [
      [null, ''],
      [{ ...done, request: { ...REQUEST, hiddenSize: 40 } }, 'request.hiddenSize'],
      [{ ...done, status: 'finished' }, 'status'],
      [{ ...done, result: null }, 'result'],
      [{ ...done, result: { ...answer, report: { ...answer.report, passed: 'yes' } } }, 'result.report.passed'],
      [{ ...done, result: { type: 'error', message: 'x' } }, 'result.type'],
      [{ request: REQUEST, status: 'failed', result: null, error: null }, 'error'],
      [{ ...done, error: 12 }, 'error'],
    ];
    for (const [state, path] of cases) {
      const parsed = parseGradientCheckPersistedState(state);
      assert.ok(!parsed.ok, JSON.stringify(state)?.slice(0, 80));
      if (!parsed.ok) assert.strictEqual(parsed.issue.path, path);
    }
  });
});
