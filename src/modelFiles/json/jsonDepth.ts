// How deep a JSON text nests, found before anything parses it. JSON.parse itself reads deep nesting, but every walk
// over the value afterwards (JSON.stringify in an error message, a recursive shape check, jsonc-parser's recursive
// descent) uses one stack frame per level and dies with "Maximum call stack size exceeded" between 3,000 and 5,000
// levels. So every reader of model files, data files and gradient cases refuses nesting beyond MAX_FILE_JSON_DEPTH
// first, with a located message, in one iterative pass (a loop and an explicit stack, no recursion).
//
// Why 64: the deepest real documents are Keras functional models (model → config → layers[i] → inbound_nodes →
// [[[name, 0, 0, {kwargs}]]] → …, about 12 levels) and [sequence][time][feature] data (4 with {"sequences": …});
// 64 leaves room for anything a program writes and stays far below the stack's limit.

/** Nesting deeper than this (arrays and objects inside each other) is refused in every JSON file RNN Lab reads. */
export const MAX_FILE_JSON_DEPTH = 64;

export interface ExcessiveNesting {
  /** Offset of the bracket that opens level `maxDepth + 1`. */
  readonly offset: number;
  /** JSON path of that bracket's value, e.g. `$.layers[0].config[0][0]` (shortened in the middle when very long). */
  readonly path: string;
  readonly message: string;
}

/** Longest path printed whole; longer ones keep their start and end with `…` between. */
const PATH_CHARS = 400;

type Level = { readonly object: false; index: number } | { readonly object: true; key: string };

/**
 * The first bracket opening a level deeper than `maxDepth`, or undefined. Strings (with escapes) and, when
 * `comments` is set, `//` and `/* *\/` comments are skipped, so brackets inside them do not count. Syntax errors are
 * not this function's business: it only counts, and the parser reports them afterwards.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_FILE_JSON_DEPTH, comments = true): ExcessiveNesting | undefined {
  const stack: Level[] = [];
  let lastString = '';
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === 0x22 /* " */) {
      const start = index + 1;
      index = start;
      while (index < length) {
        const c = text.charCodeAt(index);
        if (c === 0x5c /* \ */) index += 2;
        else if (c === 0x22) break;
        else index += 1;
      }
      lastString = text.slice(start, Math.min(index, start + 40));
      index += 1;
      continue;
    }
    if (comments && code === 0x2f /* / */) {
      const next = text.charCodeAt(index + 1);
      if (next === 0x2f) {
        const end = text.indexOf('\n', index + 2);
        index = end < 0 ? length : end + 1;
        continue;
      }
      if (next === 0x2a /* * */) {
        const end = text.indexOf('*/', index + 2);
        index = end < 0 ? length : end + 2;
        continue;
      }
    }
    if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      if (stack.length >= maxDepth) {
        return { offset: index, path: pathOf(stack), message: `nesting deeper than ${maxDepth} levels (arrays and objects inside each other)` };
      }
      stack.push(code === 0x5b ? { object: false, index: 0 } : { object: true, key: '' });
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      stack.pop();
    } else if (code === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top !== undefined && !top.object) top.index += 1;
    } else if (code === 0x3a /* : */) {
      const top = stack[stack.length - 1];
      if (top !== undefined && top.object) top.key = lastString;
    }
    index += 1;
  }
  return undefined;
}

/** `$` followed by one step per open level: `[i]` in arrays, `.key` (or `["key"]`) in objects. */
function pathOf(stack: readonly Level[]): string {
  let path = '$';
  // The step into level k+1 is named by level k's current index or key; the innermost level names nothing yet.
  for (let level = 0; level < stack.length; level += 1) {
    const entry = stack[level] as Level;
    path += entry.object ? (/^[A-Za-z_$][\w$]*$/.test(entry.key) ? `.${entry.key}` : `[${JSON.stringify(entry.key)}]`) : `[${entry.index}]`;
  }
  return path.length > PATH_CHARS ? `${path.slice(0, PATH_CHARS / 2)}…${path.slice(-PATH_CHARS / 2)}` : path;
}
