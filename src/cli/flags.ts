// Flag parsing shared by every `rnn-lab` subcommand. Every error is a CliUsageError naming the flag and what it
// accepts, so the user sees one line and exit code 2 — never a stack trace.
import { parseArgs } from 'node:util';
import { CliUsageError } from './cliSupport';

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** Shown in the "accepted values" part of error messages, e.g. "an integer 1–4". */
  readonly accepts?: string;
  readonly multiple?: boolean;
}

export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

export function parseFlags(command: string, args: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ParsedFlags {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, flag] of Object.entries(spec)) {
    options[name] = flag.multiple ? { type: flag.type, multiple: true } : { type: flag.type };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (error) {
    throw new CliUsageError(`${command}: ${describeParseError(error, spec)}`);
  }
}

function describeParseError(error: unknown, spec: Readonly<Record<string, FlagSpec>>): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const accepted = Object.keys(spec).map((name) => `--${name}`).join(', ');
    return `unknown flag ${unknown[1]}; accepted flags: ${accepted}`;
  }
  const missing = /Option '(?:-\w, )?--([\w-]+)(?: <value>)?' argument missing/.exec(message);
  if (missing) {
    const accepts = spec[missing[1] ?? '']?.accepts;
    return `--${missing[1]} needs a value${accepts ? ` (${accepts})` : ''}`;
  }
  // node:util parseArgs refuses `--lr -1` (a value starting with "-"): say what is accepted and how to write it
  const ambiguous = /Option '(?:-\w, )?--([\w-]+)(?: <value>)?' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const accepts = spec[ambiguous[1] ?? '']?.accepts;
    return `--${ambiguous[1]} got a value starting with "-"${accepts ? `; it accepts ${accepts}` : ''} (write --${ambiguous[1]}=VALUE for such values)`;
  }
  return message.split('\n')[0] ?? message;
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}

/** An integer flag within [min, max]; undefined when absent. */
export function integerFlag(flags: ParsedFlags, name: string, min: number, max: number): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^[+-]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A finite number flag within [min, max] (inclusive unless `exclusiveMin`); undefined when absent. */
export function numberFlag(
  flags: ParsedFlags,
  name: string,
  min: number,
  max: number,
  options: { exclusiveMin?: boolean } = {},
): number | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const belowMin = options.exclusiveMin ? value <= min : value < min;
  if (raw.trim() === '' || !Number.isFinite(value) || belowMin || value > max) {
    const lower = options.exclusiveMin ? `greater than ${min}` : `at least ${min}`;
    throw new CliUsageError(`--${name} must be a number ${lower} and at most ${max}, got "${raw}"`);
  }
  return value;
}

/** One of a fixed list of words; undefined when absent. */
export function enumFlag<T extends string>(flags: ParsedFlags, name: string, accepted: readonly T[]): T | undefined {
  const raw = stringFlag(flags, name);
  if (raw === undefined) return undefined;
  if (!(accepted as readonly string[]).includes(raw)) {
    throw new CliUsageError(`--${name} must be one of ${accepted.join('|')}, got "${raw}"`);
  }
  return raw as T;
}

/** Exactly `count` positional arguments, named in the error (e.g. ["DATA"]). */
export function requirePositionals(command: string, flags: ParsedFlags, names: readonly string[]): string[] {
  if (flags.positionals.length !== names.length) {
    const got = flags.positionals.length === 0 ? 'none' : flags.positionals.map((p) => `"${p}"`).join(' ');
    throw new CliUsageError(`${command} takes ${names.join(' ')}; got ${got}. Usage: rnn-lab ${command} ${names.join(' ')} [flags]`);
  }
  return [...flags.positionals];
}
