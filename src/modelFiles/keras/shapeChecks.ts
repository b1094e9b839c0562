// Shapes and sizes in a Keras / TF.js model description must be what Keras itself accepts, or the topology read from
// them is nonsense ("input length −30"): every dimension of an input shape is a whole number ≥ 1 or null (unknown,
// e.g. the batch axis or a variable sequence length), and every size (`units`, `input_dim`, …) a whole number ≥ 1.
// The first field that is not is reported with its JSON path and its place in the text. The walk uses an explicit
// stack (the nesting depth is already bounded by json/jsonDepth.ts, but this keeps it free of recursion anyway).
import { formatJsonPath, type JsonPath } from '../json/jsonNavigation';
import type { JsonNode } from '../json/locatedJson';

/** Per-sample or batch shapes: [null, 20, 8]. */
const SHAPE_KEYS = new Set(['batch_input_shape', 'batch_shape', 'batchInputShape', 'input_shape', 'inputShape', 'build_input_shape']);
/** Reshape's target: one dimension may be −1 ("infer it"). */
const TARGET_SHAPE_KEYS = new Set(['target_shape', 'targetShape']);
/** Sizes; `input_length` may also be null (Keras 1: variable length). */
const SIZE_KEYS = new Set(['units', 'output_dim', 'input_dim', 'inputDim', 'input_length', 'inputLength', 'filters', 'nb_filter']);

export interface ShapeProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** The first shape or size in `model` that Keras would not accept, or undefined. */
export function findShapeProblem(model: JsonNode): ShapeProblem | undefined {
  const stack: { node: JsonNode; path: JsonPath }[] = [{ node: model, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: JsonNode; path: JsonPath };
    if (node.kind === 'array') {
      for (let index = node.items.length - 1; index >= 0; index -= 1) stack.push({ node: node.items[index] as JsonNode, path: [...path, index] });
      continue;
    }
    if (node.kind !== 'object') continue;
    for (let index = node.properties.length - 1; index >= 0; index -= 1) {
      const property = node.properties[index];
      if (property === undefined) continue;
      const at = [...path, property.key];
      const problem = checkProperty(property.key, property.value, at);
      if (problem !== undefined) return problem;
      stack.push({ node: property.value, path: at });
    }
  }
  return undefined;
}

function checkProperty(key: string, value: JsonNode, path: JsonPath): ShapeProblem | undefined {
  if (SHAPE_KEYS.has(key) || TARGET_SHAPE_KEYS.has(key)) {
    if (value.kind !== 'array') return value.kind === 'null' ? undefined : problem(value, path, 'a shape must be a list of whole numbers ≥ 1 or null');
    const inferred = TARGET_SHAPE_KEYS.has(key);
    for (let index = 0; index < value.items.length; index += 1) {
      const item = value.items[index] as JsonNode;
      if (item.kind === 'null') continue;
      if (item.kind === 'number' && Number.isInteger(item.value) && (item.value >= 1 || (inferred && item.value === -1))) continue;
      const allowed = inferred ? 'a whole number ≥ 1, −1 (inferred) or null' : 'a whole number ≥ 1 or null';
      return problem(item, [...path, index], `a dimension must be ${allowed}, got ${describe(item)}`);
    }
    return undefined;
  }
  if (SIZE_KEYS.has(key)) {
    if (value.kind === 'null' && (key === 'input_length' || key === 'inputLength')) return undefined;
    if (value.kind === 'number' && Number.isInteger(value.value) && value.value >= 1) return undefined;
    if (value.kind === 'number' || value.kind === 'null') return problem(value, path, `${key} must be a whole number ≥ 1, got ${describe(value)}`);
  }
  return undefined;
}

function problem(node: JsonNode, path: JsonPath, what: string): ShapeProblem {
  return { message: `${formatJsonPath(path)}: ${what}`, offset: node.offset, length: node.length };
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value.slice(0, 40));
    case 'null':
      return 'null';
    case 'boolean':
      return String(node.value);
    default:
      return `an ${node.kind}`;
  }
}
