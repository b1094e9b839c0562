// Whether a `*.rnn.json` is too broken to name its topology: a schema error (the same diagnostics the editor shows,
// readRnnConfig.ts) in a field that decides what `rnn-lab topology` reports — an input length of −30 would be
// reported as "?" and "cell": "transformer" as an RNN — or a NaN/Infinity literal anywhere (not JSON, and never a
// valid setting). Errors elsewhere (a learning rate of 0) leave the topology as written; the editor shows them.
import type { JsonNode } from '../json/locatedJson';
import type { ConfigDiagnostic } from './configDiagnostic';

/** Top-level fields configTopology() and configCells() read. */
const DECIDING_FIELDS: ReadonlySet<string> = new Set(['topology', 'cell', 'layers', 'inputLength', 'outputLength', 'data']);

export interface ConfigTopologyProblem {
  /** `path: what is wrong`, e.g. `inputLength must be an integer ≥ 1 and ≤ 10000, got -30`. */
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** The first such problem in the text, or undefined when the config's topology can be named. */
export function configTopologyProblem(root: JsonNode, diagnostics: readonly ConfigDiagnostic[]): ConfigTopologyProblem | undefined {
  const literal = firstNonFiniteNumber(root, '');
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const problems: ConfigTopologyProblem[] = errors
    .filter((diagnostic) => DECIDING_FIELDS.has(String(diagnostic.path[0])) || diagnostic.range.offset === literal?.node.offset)
    .map((diagnostic) => ({ message: diagnostic.message, offset: diagnostic.range.offset, length: diagnostic.range.length }));
  if (literal !== undefined && !problems.some((problem) => problem.offset === literal.node.offset)) {
    const value = String(literal.node.value);
    problems.push({ message: `${literal.path || '(root)'} is ${value}, which JSON does not allow; write a number`, offset: literal.node.offset, length: literal.node.length });
  }
  return problems.sort((a, b) => a.offset - b.offset)[0];
}

function firstNonFiniteNumber(node: JsonNode, path: string): { node: Extract<JsonNode, { kind: 'number' }>; path: string } | undefined {
  switch (node.kind) {
    case 'number':
      return Number.isFinite(node.value) ? undefined : { node, path };
    case 'object':
      for (const property of node.properties) {
        const found = firstNonFiniteNumber(property.value, path === '' ? property.key : `${path}.${property.key}`);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'array':
      for (const [index, item] of node.items.entries()) {
        const found = firstNonFiniteNumber(item, `${path}[${index}]`);
        if (found !== undefined) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}
