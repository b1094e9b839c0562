// Python source literals for the generated scripts. Floats use JavaScript's shortest round-trip form, which Python's
// float() reads back to the identical float64 (so a constant written into a script is the engine's number, bit for
// bit); integral floats get a `.0` so Python keeps them floats.

/** A finite float64 as a Python float literal. */
export function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a Python float literal needs a finite number, got ${String(value)}`);
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** None, a bool, an int, a float, a str (JSON's escapes are valid Python), or a list/tuple of them. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 53 && !Object.is(value, -0) ? String(value) : pyFloat(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  throw new TypeError(`no Python literal for ${typeof value}`);
}

/**
 * A Python str literal: JSON's escaping (\" \\ \n \uXXXX …) is valid Python; lone surrogates would not survive a
 * UTF-8 script, so every non-ASCII character is written as an escape (astral ones as \UXXXXXXXX, one code point).
 */
export function pyString(text: string): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (character === '"') out += '\\"';
    else if (character === '\\') out += '\\\\';
    else if (code >= 0x20 && code < 0x7f) out += character;
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0d) out += '\\r';
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A Python comment block: every line prefixed with `# `. */
export function pyComment(text: string, indent = ''): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? `${indent}#` : `${indent}# ${line}`))
    .join('\n');
}
