// The bad-input corpus (issue 13): what a case is, what it expects, and the few ways of saying "where".
// A case is one or more `rnn-lab` command lines run on files the generator writes into a temporary folder.

/** What one spawned `rnn-lab` process did. */
export interface RunResult {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Peak resident memory in kB (from the process itself at exit, or /proc when it had to be killed). */
  readonly maxRssKB: number | undefined;
  readonly timedOut: boolean;
}

/** Returns what is wrong with a reading (undefined when it is correct). */
export type Check = (runs: readonly RunResult[]) => string | undefined;

export type Expectation =
  /** Exit 2; stderr matches every `message` pattern (what + where) and none of `forbid`. */
  | { readonly kind: 'refuse'; readonly message: readonly RegExp[]; readonly forbid?: readonly RegExp[] }
  /** Exit 0 on every run and `check` finds nothing wrong. */
  | { readonly kind: 'read'; readonly facts: string; readonly check: Check }
  /** Either a refusal as above or a reading as above (a random bit flip may or may not break a file). */
  | { readonly kind: 'either'; readonly message: readonly RegExp[]; readonly forbid?: readonly RegExp[]; readonly facts?: string; readonly check?: Check };

export interface CaseSpec {
  /** Unique, stable: "category/what". */
  readonly id: string;
  /** The item this case covers ("mutation: …" for the extra mutations). */
  readonly item: string;
  /** One or more command lines (arguments after `dist/cli.js`), run one after the other in the corpus folder. */
  readonly runs: readonly (readonly string[])[];
  readonly expect: Expectation;
  /** Wall-clock limit per run (default 10 s, the bound). */
  readonly timeoutMs?: number;
}

export interface CorpusCase extends CaseSpec {
  /** The part of the id before "/". */
  readonly category: string;
  /** Corpus files (names in the corpus folder) to write before running. */
  readonly needs: readonly string[];
}

export type OutcomeClass =
  | 'refusal with location'
  | 'refusal without location'
  | 'correct reading'
  | 'wrong reading'
  | 'crash / stack trace'
  | 'hang / timeout'
  | 'OOM';

export const OUTCOME_CLASSES: readonly OutcomeClass[] = [
  'refusal with location',
  'refusal without location',
  'correct reading',
  'wrong reading',
  'crash / stack trace',
  'hang / timeout',
  'OOM',
];

export interface Outcome {
  readonly id: string;
  readonly category: string;
  readonly item: string;
  readonly outcome: OutcomeClass;
  readonly passed: boolean;
  /** Why it failed (or what it did), one line. */
  readonly detail: string;
  readonly ms: number;
  readonly maxRssKB: number | undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name:LINE` (a line, optionally with a column). */
export function atLine(name: string, line?: number): RegExp {
  return new RegExp(`${escape(name)}:${line === undefined ? '\\d+' : String(line)}\\b`);
}

/** `name:LINE:COLUMN`. */
export function atColumn(name: string): RegExp {
  return new RegExp(`${escape(name)}:\\d+:\\d+`);
}

/** A JSON path naming `key` (`$.a.b`, `a.b[0].key`, `"key"`), or a `name:LINE:COLUMN` position. */
export function atPath(name: string, key: string): RegExp {
  return new RegExp(`${escape(name)}:\\d+:\\d+|(^|[\\s.$\\["'(])${escape(key)}\\b`);
}

/** A JSON position: `name:LINE:COLUMN`, `name: a.b[0]:` or a `$.a.b` path. */
export function atJson(name: string): RegExp {
  return new RegExp(`${escape(name)}(:\\d+:\\d+|: [^\\s:]+:)|\\$[.[]\\w`);
}

/** The file named (a refusal of the whole file: empty, binary, a device). */
export function naming(name: string): RegExp {
  return new RegExp(escape(name));
}

/** The flag named (`--hidden`). */
export function flag(name: string): RegExp {
  return new RegExp(`--${escape(name)}\\b`);
}

export function refuse(message: readonly RegExp[], forbid?: readonly RegExp[]): Expectation {
  return forbid === undefined ? { kind: 'refuse', message } : { kind: 'refuse', message, forbid };
}

export function read(facts: string, check: Check): Expectation {
  return { kind: 'read', facts, check };
}

export function either(message: readonly RegExp[], check?: Check, facts?: string, forbid?: readonly RegExp[]): Expectation {
  return { kind: 'either', message, ...(check === undefined ? {} : { check }), ...(facts === undefined ? {} : { facts }), ...(forbid === undefined ? {} : { forbid }) };
}
