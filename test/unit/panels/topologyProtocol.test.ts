import * as assert from 'assert';
import type { TopologyPanelStrings, TopologyWebviewToHostMessage } from '../../../src/protocol/topologyProtocol';
import {
  MAX_SEQUENCE_STEPS,
  TOPOLOGY_ORDER,
  parseTopologyFocus,
  parseTopologyHostToWebviewMessage,
  parseTopologyPersistedState,
  parseTopologyWebviewToHostMessage,
} from '../../../src/protocol/topologyProtocol';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import { MessageHandler } from '../../../src/protocol/messageHandler';
import { describeIssue } from '../../../src/protocol/validation';

function strings(): TopologyPanelStrings {
  const text = (key: string): string => `«${key}»`;
  return {
    heading: text('heading'), intro: text('intro'), focusLabel: text('focusLabel'), allTopologies: text('all'),
    inputStepsLabel: text('in'), outputStepsLabel: text('out'), fixedByTopology: text('fixed'),
    otherTopologies: text('others'), encoder: text('enc'), decoder: text('dec'), context: text('ctx'),
    timeAxis: text('time'), legendInput: text('li'), legendHidden: text('lh'), legendOutput: text('lo'),
    elidedSteps: text('elided'), diagramAria: text('aria'), encoderDecoderAria: text('aria2'),
    topologies: Object.fromEntries(TOPOLOGY_ORDER.map((id) => [id, { name: id, caption: `caption of ${id}` }])) as TopologyPanelStrings['topologies'],
  };
}

describe('topology command argument', () => {
  it('accepts a topology alone and fills the default step counts', () => {
    assert.deepStrictEqual(parseTopologyFocus({ topology: 'many-to-one' }), {
      ok: true,
      value: { topology: 'many-to-one', inputLength: 4, outputLength: 1 },
    });
  });

  it('accepts explicit step counts', () => {
    const parsed = parseTopologyFocus({ topology: 'many-to-many-encoder-decoder', inputLength: 20, outputLength: 7 });
    assert.deepStrictEqual(parsed, { ok: true, value: { topology: 'many-to-many-encoder-decoder', inputLength: 20, outputLength: 7 } });
  });

  it('synced many-to-many: one length gives the other', () => {
    const parsed = parseTopologyFocus({ topology: 'many-to-many-synced', outputLength: 9 });
    assert.deepStrictEqual(parsed, { ok: true, value: { topology: 'many-to-many-synced', inputLength: 9, outputLength: 9 } });
  });

  const bad: [string, unknown, string, string][] = [
    ['not an object', 'many-to-one', '', 'notObject'],
    ['null', null, '', 'notObject'],
    ['an array', ['many-to-one'], '', 'notObject'],
    ['missing topology', { inputLength: 3 }, 'topology', 'missing'],
    ['unknown topology', { topology: 'two-to-two' }, 'topology', 'notInEnum'],
    ['numeric topology', { topology: 3 }, 'topology', 'wrongType'],
    ['fractional length', { topology: 'many-to-one', inputLength: 2.5 }, 'inputLength', 'notInteger'],
    ['zero length', { topology: 'many-to-one', inputLength: 0 }, 'inputLength', 'outOfRange'],
    ['huge length', { topology: 'many-to-one', inputLength: MAX_SEQUENCE_STEPS + 1 }, 'inputLength', 'outOfRange'],
    ['string length', { topology: 'many-to-one', inputLength: '5' }, 'inputLength', 'wrongType'],
    ['NaN length', { topology: 'many-to-one', inputLength: Number.NaN }, 'inputLength', 'wrongType'],
    ['one-to-many with 3 inputs', { topology: 'one-to-many', inputLength: 3 }, 'inputLength', 'conflict'],
    ['many-to-one with 2 outputs', { topology: 'many-to-one', outputLength: 2 }, 'outputLength', 'conflict'],
    ['one-to-one with 2 outputs', { topology: 'one-to-one', outputLength: 2 }, 'outputLength', 'conflict'],
    ['synced with T ≠ M', { topology: 'many-to-many-synced', inputLength: 4, outputLength: 5 }, 'outputLength', 'conflict'],
  ];
  for (const [name, value, path, kind] of bad) {
    it(`rejects ${name} (${path || 'root'}: ${kind})`, () => {
      const parsed = parseTopologyFocus(value);
      assert.strictEqual(parsed.ok, false);
      if (!parsed.ok) {
        assert.strictEqual(parsed.issue.path, path);
        assert.strictEqual(parsed.issue.kind, kind);
      }
    });
  }

  it('describes an issue with the field path, what was expected and what came', () => {
    const parsed = parseTopologyFocus({ topology: 'many-to-one', inputLength: 0 });
    assert.ok(!parsed.ok);
    if (!parsed.ok) assert.strictEqual(describeIssue(parsed.issue), `inputLength: expected an integer in [1, ${MAX_SEQUENCE_STEPS}], received 0`);
  });
});

describe('topology webview → host messages', () => {
  const good: TopologyWebviewToHostMessage[] = [
    { type: 'ready' },
    { type: 'rendered', requestId: 3, rendered: ['one-to-one', 'many-to-one'] },
    { type: 'rendered', requestId: null, rendered: [...TOPOLOGY_ORDER] },
    { type: 'focusChanged', focus: null },
    { type: 'focusChanged', focus: { topology: 'one-to-many', inputLength: 1, outputLength: 6 } },
  ];
  for (const message of good) {
    it(`accepts ${JSON.stringify(message)}`, () => {
      assert.deepStrictEqual(parseTopologyWebviewToHostMessage(message), { ok: true, value: message });
    });
  }

  const bad: [string, unknown, string][] = [
    ['a string', 'ready', ''],
    ['no type', { rendered: [] }, 'type'],
    ['an unknown type', { type: 'eval', code: '1' }, 'type'],
    ['rendered without an array', { type: 'rendered', requestId: 1, rendered: 'one-to-one' }, 'rendered'],
    ['rendered with an unknown id', { type: 'rendered', requestId: 1, rendered: ['one-to-one', 'x'] }, 'rendered[1]'],
    ['rendered with a duplicate', { type: 'rendered', requestId: 1, rendered: ['one-to-one', 'one-to-one'] }, 'rendered[1]'],
    ['rendered with six ids', { type: 'rendered', requestId: 1, rendered: [...TOPOLOGY_ORDER, 'one-to-one'] }, 'rendered'],
    ['rendered with a negative request id', { type: 'rendered', requestId: -1, rendered: [] }, 'requestId'],
    ['rendered without a request id', { type: 'rendered', rendered: [] }, 'requestId'],
    ['focusChanged without focus', { type: 'focusChanged' }, 'focus'],
    ['focusChanged with a bad length', { type: 'focusChanged', focus: { topology: 'many-to-one', inputLength: -4 } }, 'focus.inputLength'],
  ];
  for (const [name, value, path] of bad) {
    it(`rejects ${name} at ${path || 'root'}`, () => {
      const parsed = parseTopologyWebviewToHostMessage(value);
      assert.strictEqual(parsed.ok, false);
      if (!parsed.ok) assert.strictEqual(parsed.issue.path, path);
    });
  }
});

describe('topology host → webview messages', () => {
  it('accepts a full state message', () => {
    const message = { type: 'state', requestId: 0, focus: null, strings: strings() };
    assert.deepStrictEqual(parseTopologyHostToWebviewMessage(message), { ok: true, value: message });
  });

  it('rejects a state with a missing string, naming it', () => {
    const incomplete: Record<string, unknown> = { ...strings() };
    delete incomplete.timeAxis;
    const parsed = parseTopologyHostToWebviewMessage({ type: 'state', requestId: 1, focus: null, strings: incomplete });
    assert.ok(!parsed.ok && parsed.issue.path === 'strings.timeAxis');
  });

  it('rejects a state with a topology caption missing', () => {
    const s = strings();
    const topologies: Record<string, unknown> = { ...s.topologies, 'many-to-one': { name: 'M2O' } };
    const parsed = parseTopologyHostToWebviewMessage({ type: 'state', requestId: 1, focus: null, strings: { ...s, topologies } });
    assert.ok(!parsed.ok && parsed.issue.path === 'strings.topologies.many-to-one.caption');
  });

  it('rejects other message types and a bad focus', () => {
    assert.ok(!parseTopologyHostToWebviewMessage({ type: 'ready' }).ok);
    const parsed = parseTopologyHostToWebviewMessage({ type: 'state', requestId: 1, focus: { topology: 'x' }, strings: strings() });
    assert.ok(!parsed.ok && parsed.issue.path === 'focus.topology');
  });
});

describe('persisted panel state', () => {
  it('restores a focus and treats a missing focus as the overview', () => {
    const focus = { topology: 'many-to-one', inputLength: 30, outputLength: 1 };
    assert.deepStrictEqual(parseTopologyPersistedState({ focus }), { ok: true, value: { focus } });
    assert.deepStrictEqual(parseTopologyPersistedState({}), { ok: true, value: { focus: null } });
    assert.ok(!parseTopologyPersistedState(undefined).ok);
    assert.ok(!parseTopologyPersistedState({ focus: { topology: 'one-to-one', outputLength: 3 } }).ok);
  });
});

describe('message handler', () => {
  it('dispatches valid messages to their handler and drops malformed ones with a log line', () => {
    const seen: string[] = [];
    const logged: string[] = [];
    const sent: unknown[] = [];
    const handler = new MessageHandler<TopologyWebviewToHostMessage, { type: 'ping' }>({
      channel: 'test',
      send: (message) => sent.push(message),
      parse: parseTopologyWebviewToHostMessage,
      handlers: {
        ready: () => seen.push('ready'),
        rendered: (message) => seen.push(`rendered:${message.rendered.length}`),
        focusChanged: (message) => seen.push(`focus:${message.focus?.topology ?? 'none'}`),
      },
      logRejected: (line) => logged.push(line),
    });
    assert.strictEqual(handler.receive({ type: 'ready' }), true);
    assert.strictEqual(handler.receive({ type: 'rendered', requestId: 2, rendered: ['one-to-one', 'one-to-many'] }), true);
    assert.strictEqual(handler.receive({ type: 'focusChanged', focus: null }), true);
    assert.strictEqual(handler.receive({ type: 'rendered', requestId: 2, rendered: [42] }), false);
    assert.strictEqual(handler.receive(undefined), false);
    handler.post({ type: 'ping' });
    assert.deepStrictEqual(seen, ['ready', 'rendered:2', 'focus:none']);
    assert.strictEqual(handler.rejected, 2);
    assert.strictEqual(logged.length, 2);
    assert.match(logged[0], /^\[test\] ignored a malformed message: rendered\[0\]: expected one of one-to-one/);
    assert.deepStrictEqual(sent, [{ type: 'ping' }]);
  });
});

describe('formatTemplate', () => {
  it('fills numbered placeholders and leaves unknown ones', () => {
    assert.strictEqual(formatTemplate('{0} of {1} steps drawn, {2}', 11, 200), '11 of 200 steps drawn, {2}');
  });
});
