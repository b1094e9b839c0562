// Checks of a correct reading: the facts `rnn-lab inspect --json` and `rnn-lab train --json` report.
import type { Check, RunResult } from './corpusTypes';

export interface InspectJson {
  format: string;
  delimiter: string | null;
  hasHeader: boolean;
  rows: number;
  columns: { name: string; type: string; missing: number }[];
  warnings: string[];
}

export interface TrainJson {
  trainLoss: number | null;
  lossPerEpoch: (number | null)[];
  diverged?: unknown;
  data: { rows?: number; columns?: string[] } & Record<string, unknown>;
}

export function parseJson<T>(run: RunResult | undefined): T | string {
  if (run === undefined) return 'no run';
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    return `stdout is not JSON: ${run.stdout.slice(0, 120)}`;
  }
}

export interface InspectFacts {
  rows?: number;
  /** Column names, in order. */
  columns?: readonly string[];
  columnCount?: number;
  hasHeader?: boolean;
  /** Every pattern must match one of the warnings. */
  warnings?: readonly RegExp[];
  /** Missing values per column name. */
  missing?: Readonly<Record<string, number>>;
  /** At least this many values (rows × columns), for "not 'there is no data'". */
  minValues?: number;
}

/** The facts of `inspect --json` (the run at `index`). */
export function inspected(facts: InspectFacts, index = 0): Check {
  return (runs) => {
    const json = parseJson<InspectJson>(runs[index]);
    if (typeof json === 'string') return json;
    const problems: string[] = [];
    if (facts.rows !== undefined && json.rows !== facts.rows) problems.push(`rows ${json.rows}, expected ${facts.rows}`);
    const names = json.columns.map((column) => column.name);
    if (facts.columns !== undefined && names.join('|') !== facts.columns.join('|')) problems.push(`columns ${JSON.stringify(names.slice(0, 5))}, expected ${JSON.stringify(facts.columns)}`);
    if (facts.columnCount !== undefined && names.length !== facts.columnCount) problems.push(`${names.length} columns, expected ${facts.columnCount}`);
    if (facts.hasHeader !== undefined && json.hasHeader !== facts.hasHeader) problems.push(`hasHeader ${json.hasHeader}`);
    for (const pattern of facts.warnings ?? []) {
      if (!json.warnings.some((warning) => pattern.test(warning))) problems.push(`no warning matching ${pattern} (warnings: ${JSON.stringify(json.warnings).slice(0, 160)})`);
    }
    for (const [name, missing] of Object.entries(facts.missing ?? {})) {
      const column = json.columns.find((candidate) => candidate.name === name);
      if (column?.missing !== missing) problems.push(`column ${name}: missing ${column?.missing}, expected ${missing}`);
    }
    if (facts.minValues !== undefined && json.rows * names.length < facts.minValues) problems.push(`${json.rows} rows × ${names.length} columns: fewer than ${facts.minValues} values`);
    return problems.length === 0 ? undefined : problems.join('; ');
  };
}

/** The facts of `train --json`: data rows, a finite loss. */
export function trained(facts: { rows?: number; columns?: readonly string[] }, index = 0): Check {
  return (runs) => {
    const json = parseJson<TrainJson>(runs[index]);
    if (typeof json === 'string') return json;
    const problems: string[] = [];
    if (facts.rows !== undefined && json.data.rows !== facts.rows) problems.push(`data.rows ${json.data.rows}, expected ${facts.rows}`);
    if (facts.columns !== undefined && (json.data.columns ?? []).join('|') !== facts.columns.join('|')) problems.push(`data.columns ${JSON.stringify(json.data.columns)}`);
    if (typeof json.trainLoss !== 'number' || !Number.isFinite(json.trainLoss)) problems.push(`trainLoss ${json.trainLoss}`);
    return problems.length === 0 ? undefined : problems.join('; ');
  };
}

/** stdout + stderr of a run match (or, with `absent`, do not match) a pattern. */
export function says(pattern: RegExp, index = 0, absent = false): Check {
  return (runs) => {
    const run = runs[index];
    const text = `${run?.stdout ?? ''}\n${run?.stderr ?? ''}`;
    if (pattern.test(text) === absent) return `${absent ? 'says' : 'does not say'} ${pattern}: ${run?.stderr.slice(0, 160) ?? ''}`;
    return undefined;
  };
}

/** Every check passes. */
export function all(...checks: readonly Check[]): Check {
  return (runs) => {
    const problems = checks.map((check) => check(runs)).filter((problem): problem is string => problem !== undefined);
    return problems.length === 0 ? undefined : problems.join('; ');
  };
}

/** `grads` printed a finite loss. */
export const finiteLoss: Check = (runs) => {
  const json = parseJson<{ loss: unknown }>(runs[0]);
  if (typeof json === 'string') return json;
  return typeof json.loss === 'number' && Number.isFinite(json.loss) ? undefined : `loss ${JSON.stringify(json.loss)}`;
};

/** `topology --json` named a topology. */
export const namedTopology: Check = (runs) => {
  const json = parseJson<{ topology: unknown; inputLength?: unknown }>(runs[0]);
  if (typeof json === 'string') return json;
  if (typeof json.inputLength === 'number' && json.inputLength <= 0) return `inputLength ${json.inputLength}`;
  return typeof json.topology === 'string' ? undefined : `topology ${JSON.stringify(json.topology)}`;
};

/** The loss curves (`--json` lossPerEpoch) of two runs are (or are not) identical. */
export function sameLosses(first: number, second: number, same: boolean): Check {
  return (runs) => {
    const a = parseJson<TrainJson>(runs[first]);
    const b = parseJson<TrainJson>(runs[second]);
    if (typeof a === 'string') return a;
    if (typeof b === 'string') return b;
    const equal = JSON.stringify(a.lossPerEpoch) === JSON.stringify(b.lossPerEpoch);
    return equal === same ? undefined : `lossPerEpoch ${JSON.stringify(a.lossPerEpoch)} ${same ? '≠' : '='} ${JSON.stringify(b.lossPerEpoch)}`;
  };
}

/** The mutated file (run 1) reads as the same table as the original (run 0): rows, column names and types. */
export const sameTableAsOriginal: Check = (runs) => {
  const original = parseJson<InspectJson>(runs[0]);
  const mutated = parseJson<InspectJson>(runs[1]);
  if (typeof original === 'string') return `original: ${original}`;
  if (typeof mutated === 'string') return mutated;
  const shape = (json: InspectJson): string => `${json.rows} rows, ${json.columns.map((column) => `${column.name}:${column.type}`).join(' ')}`;
  return shape(original) === shape(mutated) ? undefined : `${shape(mutated).slice(0, 160)} ≠ original ${shape(original).slice(0, 160)}`;
};
