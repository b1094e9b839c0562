import * as assert from 'assert';
import { requestedHost } from '../../host/testHostChoice';

describe('requestedHost (RNN_LAB_TEST_HOST)', () => {
  it('defaults to automatic selection', () => {
    assert.strictEqual(requestedHost(undefined), 'auto');
    assert.strictEqual(requestedHost(''), 'auto');
    assert.strictEqual(requestedHost('auto'), 'auto');
  });

  it('accepts the two hosts by name', () => {
    assert.strictEqual(requestedHost('desktop'), 'desktop');
    assert.strictEqual(requestedHost('code-server'), 'code-server');
  });

  it('rejects anything else with the allowed values', () => {
    assert.throws(() => requestedHost('electron'), /must be "desktop", "code-server" or "auto" \(got "electron"\)/);
  });
});
