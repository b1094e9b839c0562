// Reading values out of a located JSON tree without losing where they came from.
import type { JsonArrayNode, JsonNode, JsonObjectNode, JsonProperty } from './locatedJson';

/** A path into a JSON document, e.g. ["tbptt", "k2"] or ["config", "layers", 3]. */
export type JsonPath = readonly (string | number)[];

/** `tbptt.k2`, `config.layers[3]` — how diagnostics name a field. */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text === '' ? '(root)' : text;
}

export function isObjectNode(node: JsonNode | undefined): node is JsonObjectNode {
  return node?.kind === 'object';
}

export function isArrayNode(node: JsonNode | undefined): node is JsonArrayNode {
  return node?.kind === 'array';
}

/** The last property with this key (JSON.parse also keeps the last of duplicated keys). */
export function findProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) {
    const property = node.properties[i];
    if (property !== undefined && property.key === key) return property;
  }
  return undefined;
}

export function propertyValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return findProperty(node, key)?.value;
}

export function stringProperty(node: JsonNode | undefined, key: string): string | undefined {
  const value = propertyValue(node, key);
  return value?.kind === 'string' ? value.value : undefined;
}

export function numberProperty(node: JsonNode | undefined, key: string): number | undefined {
  const value = propertyValue(node, key);
  return value?.kind === 'number' ? value.value : undefined;
}

/** true/false when the property is a boolean, otherwise `fallback`. */
export function booleanProperty(node: JsonNode | undefined, key: string, fallback: boolean): boolean {
  const value = propertyValue(node, key);
  return value?.kind === 'boolean' ? value.value : fallback;
}

/** The node at `path`, or undefined when some step is missing. */
export function nodeAtPath(root: JsonNode, path: JsonPath): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const part of path) {
    if (node === undefined) return undefined;
    if (typeof part === 'number') node = node.kind === 'array' ? node.items[part] : undefined;
    else node = propertyValue(node, part);
  }
  return node;
}

/**
 * A shape such as Keras' `batch_input_shape` [null, 20, 8]: integers stay, null (unknown) stays null.
 * Undefined when the node is not an array of integers and nulls.
 */
export function shapeValue(node: JsonNode | undefined): (number | null)[] | undefined {
  if (node?.kind !== 'array') return undefined;
  const dims: (number | null)[] = [];
  for (const item of node.items) {
    if (item.kind === 'null') dims.push(null);
    else if (item.kind === 'number' && Number.isInteger(item.value)) dims.push(item.value);
    else return undefined;
  }
  return dims;
}

/** Plain JavaScript value of a subtree (for messages and tests). */
export function toPlainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) result[property.key] = toPlainValue(property.value);
      return result;
    }
    case 'array':
      return node.items.map(toPlainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
