// Valibot schemas → the project's ValidationResult. Every channel in src/protocol declares its messages as valibot
// schemas (one declaration gives both the runtime check and the TypeScript type) and validates through `parseWith`,
// which turns valibot's first issue into { path, kind, expected, received } (validation.ts). The helpers below are
// the building blocks the channels share; they report the paths, kinds and wording the hand-written checks did.
//
// Two conventions hold for every object schema built here:
// - An absent field is checked as `undefined` (over postMessage and JSON the two are the same), so it gets the field's
//   own issue (`wrongType` for a missing string …); a field that must be present says so with `present` (`missing`).
// - Unknown extra fields are dropped from the parsed value (valibot's `object`): a message is what its schema says.
import * as v from 'valibot';
import type { ValidationIssue, ValidationIssueKind, ValidationResult } from './validation';
import { accept, isRecord, printable } from './validation';

// ——— the adapter ———

/** An issue our own code found (a cross-field rule, a check from another file); valibot carries it as the issue input. */
class CarriedIssue {
  constructor(readonly issue: ValidationIssue) {}
}

/** Checks `raw` against `schema`; the first problem becomes a ValidationIssue. */
export function parseWith<const TSchema extends v.GenericSchema>(schema: TSchema, raw: unknown): ValidationResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, raw, { abortEarly: true, message: expectedText });
  return result.success ? accept(result.output) : { ok: false, issue: toValidationIssue(result.issues[0]) };
}

/** `parent.child`, `parent[3]`, or either alone when the other is empty. */
export function joinPath(parent: string, child: string): string {
  if (child === '') return parent;
  if (parent === '') return child.startsWith('.') ? child.slice(1) : child;
  return child.startsWith('[') || child.startsWith('.') ? `${parent}${child}` : `${parent}.${child}`;
}

function toValidationIssue(issue: v.BaseIssue<unknown>): ValidationIssue {
  const path = (issue.path ?? []).reduce((text, item) => joinPath(text, typeof item.key === 'number' ? `[${item.key}]` : String(item.key)), '');
  if (issue.input instanceof CarriedIssue) return { ...issue.input.issue, path: joinPath(path, issue.input.issue.path) };
  return { path, kind: kindOf(issue), expected: issue.message, received: receivedOf(issue) };
}

/** valibot's issue type → the project's kind (topologyCommand.ts localises by kind). */
function kindOf(issue: v.BaseIssue<unknown>): ValidationIssueKind {
  switch (issue.type) {
    case 'custom': // only `objectGuard` below uses custom()
      return 'notObject';
    case 'variant': // valibot's variant expects "Object" when the value is none, else the discriminator's values
      return issue.expected === 'Object' ? 'notObject' : 'unknownType';
    case 'object':
      return issue.path?.at(-1)?.origin === 'key' ? 'missing' : 'notObject';
    case 'non_optional':
      return 'missing';
    case 'picklist':
    case 'literal':
      return typeof issue.input === 'string' ? 'notInEnum' : 'wrongType';
    case 'integer':
      return 'notInteger';
    case 'min_value':
    case 'max_value':
    case 'max_length':
      return 'outOfRange';
    case 'check':
      return 'conflict';
    default: // string, number, finite, boolean, array, null, union, starts_with, instance …
      return 'wrongType';
  }
}

/** What came, printably; for a too-long string or array, its length. */
function receivedOf(issue: v.BaseIssue<unknown>): string {
  const { input } = issue;
  if (issue.type === 'max_length' && (typeof input === 'string' || Array.isArray(input))) return printable(input.length);
  return printable(input);
}

/** `("a" | "b")` (valibot's expects) → `a, b`. */
function listed(expects: string | null): string {
  const inner = (expects ?? '').replace(/^\((.*)\)$/, '$1');
  return inner.split(' | ').map((item) => item.replace(/^"(.*)"$/, '$1')).join(', ');
}

/** The `expected` text of an issue whose schema gave none. */
function expectedText(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'string':
      return 'a string';
    case 'number':
    case 'finite':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'array':
      return 'an array';
    case 'picklist':
      return `one of ${listed(issue.expected)}`;
    case 'literal':
      return listed(issue.expected);
    case 'variant':
      return issue.expected === 'Object' ? 'an object' : `one of ${listed(issue.expected)}`;
    case 'object':
      return issue.path?.at(-1)?.origin === 'key' ? `a value for ${listed(issue.expected)}` : 'an object';
    default:
      return issue.expected ?? 'a valid value';
  }
}

// ——— objects and messages ———

/** A plain object (not null, not an array: valibot's own object schemas accept arrays). */
function objectGuard(expected: string) {
  return v.custom<Record<string, unknown>>(isRecord, expected);
}

const OPTIONAL_TYPES: ReadonlySet<string> = new Set(['optional', 'exact_optional', 'nullish']);

/** Gives every required field of `entries` that `input` lacks the value `undefined` (see the header). */
function absentAsUndefined(entries: v.ObjectEntries): (input: Record<string, unknown>) => Record<string, unknown> {
  const required = Object.keys(entries).filter((key) => !OPTIONAL_TYPES.has(entries[key]!.type));
  return (input) => {
    if (required.every((key) => key in input)) return input;
    const filled: Record<string, unknown> = { ...input };
    for (const key of required) if (!(key in filled)) filled[key] = undefined;
    return filled;
  };
}

/** An object with these fields, checked in their order; `expected` describes it when the value is not an object. */
export function record<const TEntries extends v.ObjectEntries>(entries: TEntries, expected = 'an object') {
  return v.pipe(objectGuard(expected), v.transform(absentAsUndefined(entries)), v.object(entries), v.readonly());
}

/** An object under any string keys whose every value is `value` (e.g. parameter name → shape). */
export function dictionary<const TValue extends v.GenericSchema>(value: TValue, expected = 'an object') {
  return v.pipe(objectGuard(expected), v.record(v.string(), value), v.readonly());
}

/**
 * A message union discriminated by `type`: not an object → `notObject` at the root, an unknown `type` →
 * `unknownType` at `type`, then the fields of the matching option (`v.object`s with `type: v.literal(…)`, or a pipe
 * starting with one when the message needs a cross-field rule or a transform).
 */
export function messageUnion<const TOptions extends v.VariantOptions<'type'>>(options: TOptions) {
  const fillers = options.flatMap((option) => ('entries' in option ? [{ tag: option.entries.type, fill: absentAsUndefined(option.entries) }] : []));
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, unknown>(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      if (isRecord(input)) return fillers.find(({ tag }) => v.is(tag, input.type))?.fill(input) ?? input;
      addIssue({ input: carried({ path: '', kind: 'notObject', expected: 'a message object', received: printable(input) }) });
      return NEVER;
    }),
    v.variant('type', options),
    v.readonly(),
  );
}

/** The (read-only) message type of a list of `messageUnion` options, e.g. the members a channel shares with another. */
export type MessageOf<TOptions extends readonly v.GenericSchema[]> = Readonly<v.InferOutput<TOptions[number]>>;

/** Wraps a field that must be there (absent → `missing`), e.g. a focus that may be null but not left out. */
export function present<const TWrapped extends v.GenericSchema>(wrapped: TWrapped, expected: string) {
  return v.nonOptional(wrapped, expected);
}

// ——— values ———

/** A whole number in [min, max]: `wrongType` for a non-number (NaN and ±∞ included), then `notInteger`, `outOfRange`. */
export function integerIn(min: number, max: number) {
  const expected = `an integer in [${min}, ${max}]`;
  return v.pipe(v.number('a number'), v.finite('a number'), v.integer(expected), v.minValue(min, expected), v.maxValue(max, expected));
}

/** A finite number in [min, max]. */
export function numberIn(min: number, max: number) {
  const expected = `a number in [${min}, ${max}]`;
  return v.pipe(v.number('a number'), v.finite('a number'), v.minValue(min, expected), v.maxValue(max, expected));
}

/** Any number, NaN and ±∞ included (a diverged loss is NaN; worker messages are structured clones, not JSON). */
export function anyNumber() {
  return v.union([v.number(), v.nan()], 'a number');
}

/**
 * A number that crossed a JSON boundary (webview messages, saved state): JSON writes NaN and ±∞ as null, which reads
 * back as NaN, so the value is a number again for the code that draws it.
 */
export function jsonNumber() {
  return v.pipe(
    v.union([v.number(), v.nan(), v.null()], 'a number or null'),
    v.transform((value: number | null): number => value ?? Number.NaN),
  );
}

/** Typed arrays as the engine types them (over any ArrayBufferLike: v.instance alone would narrow them to ArrayBuffer). */
export const float64s = v.pipe(v.instance(Float64Array, 'a Float64Array'), v.transform((array): Float64Array => array));
export const int32s = v.pipe(v.instance(Int32Array, 'an Int32Array'), v.transform((array): Int32Array => array));

/** A string of at most `max` characters. */
export function textUpTo(max: number) {
  return v.pipe(v.string('a string'), v.maxLength(max, `at most ${max} characters`));
}

/** A read-only array of `item`, optionally at most `max` long (checked before the items, as a bound should be). */
export function list<const TItem extends v.GenericSchema>(item: TItem, max = Number.POSITIVE_INFINITY, expected = 'an array') {
  return v.pipe(v.array(v.unknown(), expected), v.maxLength(max, `at most ${max} items`), v.array(item), v.readonly());
}

/** An object whose every value is a string, one entry per key: the localised strings of a panel. */
export function textFields<const TKey extends string>(keys: readonly TKey[]) {
  const entries: Partial<Record<TKey, v.StringSchema<undefined>>> = {};
  for (const key of keys) entries[key] = v.string();
  if (!hasEvery(keys, entries)) throw new Error('textFields: a key without a schema');
  return record(entries, 'an object of strings');
}

function hasEvery<TKey extends string, TValue>(keys: readonly TKey[], entries: Partial<Record<TKey, TValue>>): entries is Record<TKey, TValue> {
  return keys.every((key) => entries[key] !== undefined);
}

// ——— checks written in code ———

/** Passes the outcome of our own check through valibot (used as `addIssue({ input: carried(…) })`). */
export function carried(issue: ValidationIssue, under = ''): CarriedIssue {
  return new CarriedIssue({ ...issue, path: joinPath(under, issue.path) });
}

/**
 * An object-level check in a pipe after the object's schema: `find` returns the problem (path relative to the object)
 * or null. Runs only on a value whose fields already passed.
 */
export function refine<TInput>(find: (input: TInput) => ValidationIssue | null) {
  return v.rawCheck<TInput>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const issue = find(dataset.value);
    if (issue !== null) addIssue({ input: carried(issue) });
  });
}

/** `refine` for the common case: when `holds` is false, `key` gets an issue of `kind`. */
export function rule<TInput extends Readonly<Record<string, unknown>>>(
  key: string & keyof TInput,
  kind: ValidationIssueKind,
  expected: (input: TInput) => string,
  holds: (input: TInput) => boolean,
) {
  return refine<TInput>((input) => (holds(input) ? null : { path: key, kind, expected: expected(input), received: printable(input[key]) }));
}

/** The first item of a list that repeats an earlier one (by `keyOf`), reported at `[i]` + `under` as a conflict. */
export function distinct<TItem>(keyOf: (item: TItem) => unknown, under = '', expected = 'each at most once') {
  return refine<readonly TItem[]>((items) => {
    const seen = new Set<unknown>();
    for (let i = 0; i < items.length; i++) {
      const key = keyOf(items[i]!);
      if (seen.has(key)) return { path: joinPath(`[${i}]`, under), kind: 'conflict', expected, received: printable(key) };
      seen.add(key);
    }
    return null;
  });
}

/** A value checked by an existing `(raw) => ValidationResult<T>` function; its issue path continues below this field. */
export function checkedBy<T>(check: (raw: unknown) => ValidationResult<T>) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, T>(({ dataset, addIssue, NEVER }) => {
      const result = check(dataset.value);
      if (result.ok) return result.value;
      addIssue({ input: carried(result.issue) });
      return NEVER;
    }),
  );
}
