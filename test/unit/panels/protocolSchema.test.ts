// The valibot adapter every channel validates through (src/protocol/schema.ts): the first issue becomes the project's
// { path, kind, expected, received }, with dotted paths and [i] indices, the kinds the host localises, absent fields
// read as undefined, extra fields dropped, and checks written in code (cross-field rules, another file's check) keeping
// their own path below the field they sit in.
import * as assert from 'node:assert/strict';
import * as v from 'valibot';
import {
  checkedBy,
  distinct,
  integerIn,
  jsonNumber,
  list,
  messageUnion,
  parseWith,
  present,
  record,
  rule,
  textFields,
  textUpTo,
} from '../../../src/protocol/schema';
import { parseCompareHostMessage } from '../../../src/protocol/compareRemediesProtocol';
import { reject } from '../../../src/protocol/validation';
import type { ValidationIssue, ValidationResult } from '../../../src/protocol/validation';

function issueOf<T>(result: ValidationResult<T>): Omit<ValidationIssue, 'expected'> & { expected?: string } {
  assert.ok(!result.ok, 'expected a rejection');
  return result.issue;
}

const Point = record({ x: integerIn(0, 10), label: textUpTo(3), tags: list(v.picklist(['a', 'b']), 2) }, 'a point');
const Messages = messageUnion([
  v.object({ type: v.literal('move'), to: Point, at: present(v.nullable(v.string()), 'a time or null') }),
  v.object({ type: v.literal('clear') }),
]);

describe('protocol schemas: the valibot adapter', () => {
  it('accepts a valid value, drops unknown extra fields and keeps optional fields absent', () => {
    const move = { type: 'move', to: { x: 3, label: 'abc', tags: ['a'] }, at: null, extra: 1 };
    assert.deepEqual(parseWith(Messages, move), { ok: true, value: { type: 'move', to: { x: 3, label: 'abc', tags: ['a'] }, at: null } });
    assert.deepEqual(parseWith(Messages, { type: 'clear', to: 'x' }), { ok: true, value: { type: 'clear' } });
  });

  it('reports not-an-object (null, arrays, strings) at the root and below, and an unknown type at `type`', () => {
    for (const raw of [null, [], 'move', 3]) assert.deepEqual(issueOf(parseWith(Messages, raw)), { path: '', kind: 'notObject', expected: 'a message object', received: JSON.stringify(raw) });
    assert.deepEqual(issueOf(parseWith(Messages, { type: 'move', to: [], at: null })), { path: 'to', kind: 'notObject', expected: 'a point', received: '[]' });
    assert.deepEqual(issueOf(parseWith(Messages, { type: 'jump' })), { path: 'type', kind: 'unknownType', expected: 'one of move, clear', received: '"jump"' });
  });

  it('reads an absent field as undefined (the field\'s own issue) unless it must be present', () => {
    const noLabel = issueOf(parseWith(Messages, { type: 'move', to: { x: 1, tags: [] }, at: null }));
    assert.deepEqual(noLabel, { path: 'to.label', kind: 'wrongType', expected: 'a string', received: 'undefined' });
    const noTime = issueOf(parseWith(Messages, { type: 'move', to: { x: 1, label: '', tags: [] } }));
    assert.deepEqual(noTime, { path: 'at', kind: 'missing', expected: 'a time or null', received: 'undefined' });
  });

  it('maps each check to its kind: wrongType, notInteger, outOfRange, notInEnum', () => {
    const at = (to: Record<string, unknown>): unknown => parseWith(Messages, { type: 'move', to: { x: 1, label: '', tags: [], ...to }, at: null });
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ x: '1' }, 'to.x', 'wrongType', 'a number'],
      [{ x: Number.NaN }, 'to.x', 'wrongType', 'a number'],
      [{ x: Number.POSITIVE_INFINITY }, 'to.x', 'wrongType', 'a number'],
      [{ x: 1.5 }, 'to.x', 'notInteger', 'an integer in [0, 10]'],
      [{ x: 11 }, 'to.x', 'outOfRange', 'an integer in [0, 10]'],
      [{ label: 'abcd' }, 'to.label', 'outOfRange', 'at most 3 characters'],
      [{ tags: ['c'] }, 'to.tags[0]', 'notInEnum', 'one of a, b'],
      [{ tags: [1] }, 'to.tags[0]', 'wrongType', 'one of a, b'],
      [{ tags: ['a', 'b', 'a'] }, 'to.tags', 'outOfRange', 'at most 2 items'],
    ];
    for (const [to, path, kind, expected] of cases) {
      const issue = issueOf(at(to) as ValidationResult<unknown>);
      assert.deepEqual([issue.path, issue.kind, issue.expected], [path, kind, expected], JSON.stringify(to));
    }
    assert.equal(issueOf(parseWith(textUpTo(3), 'abcdef')).received, '6', 'a too-long string is reported by its length');
  });

  it('carries checks written in code: rules, duplicates and another file\'s check keep their paths', () => {
    const Range = v.pipe(
      record({ low: integerIn(0, 9), high: integerIn(0, 9) }),
      rule<{ readonly low: number; readonly high: number }>('high', 'conflict', ({ low }) => `at least ${low}`, ({ low, high }) => high >= low),
    );
    assert.deepEqual(issueOf(parseWith(record({ range: Range }), { range: { low: 5, high: 2 } })), { path: 'range.high', kind: 'conflict', expected: 'at least 5', received: '2' });
    const Unique = v.pipe(list(record({ id: v.string() })), distinct<{ readonly id: string }>((item) => item.id, 'id'));
    assert.deepEqual(issueOf(parseWith(Unique, [{ id: 'a' }, { id: 'b' }, { id: 'a' }])), { path: '[2].id', kind: 'conflict', expected: 'each at most once', received: '"a"' });
    const legacy = (raw: unknown): ValidationResult<string> => (raw === 'ok' ? { ok: true, value: raw } : reject('.inner[1]', 'notInEnum', '"ok"', raw));
    assert.deepEqual(issueOf(parseWith(record({ run: checkedBy(legacy) }), { run: 'no' })), { path: 'run.inner[1]', kind: 'notInEnum', expected: '"ok"', received: '"no"' });
  });

  it('localised strings: every key a string, named by its path', () => {
    const Strings = textFields(['title', 'intro'] as const);
    assert.deepEqual(parseWith(Strings, { title: 'T', intro: 'I' }), { ok: true, value: { title: 'T', intro: 'I' } });
    assert.equal(issueOf(parseWith(Strings, { title: 'T' })).path, 'intro');
  });

  it('a JSON number: null (how JSON writes NaN) reads back as NaN', () => {
    assert.deepEqual(parseWith(jsonNumber(), null), { ok: true, value: Number.NaN });
    assert.equal(issueOf(parseWith(jsonNumber(), 'x')).kind, 'wrongType');
    const strings = Object.fromEntries(['title', 'intro', 'decayTitle', 'decayAria', 'decayX', 'decayY', 'lossTitle', 'lossAria', 'lossX', 'lossY', 'tableCaption', 'entry', 'finalLoss', 'steps', 'clipped', 'lambda1', 'time', 'never', 'notApplicable', 'thresholdNote', 'diverged', 'setup'].map((key) => [key, key]));
    const entry = { id: 'rnn', label: 'RNN', finalValidationLoss: null, validationLossPerEpoch: [null], lossPerEpoch: [null], updatesPerEpoch: 3, clippedPercent: null, lambda1: null, wallMilliseconds: 40, diverged: 'NaN loss', hiddenGradNorms: null };
    const row = { id: 'rnn', label: 'RNN', finalValidationLoss: null, stepsToThreshold: null, clippedPercent: null, lambda1: null, seconds: 0.04, diverged: 'NaN loss', best: false };
    const state = JSON.parse(JSON.stringify({ type: 'state', requestId: 1, source: 'sine.csv', epochs: 2, seed: 7, threshold: Number.NaN, entries: [entry], rows: [row], strings })) as unknown;
    const parsed = parseCompareHostMessage(state);
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.issue));
    assert.ok(Number.isNaN(parsed.value.threshold) && Number.isNaN(parsed.value.entries[0]!.finalValidationLoss));
    assert.equal(parsed.value.rows[0]!.lambda1, null, 'a nullable number keeps its null');
  });
});
