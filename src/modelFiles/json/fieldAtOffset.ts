// Which field of a JSON document a position is on: its path and the stretch of text to highlight (the key, or a
// scalar value). Inside an object or array value, the innermost field wins. No vscode import.
import type { JsonPath } from './jsonNavigation';
import type { JsonNode } from './locatedJson';

export interface FieldAtOffset {
  readonly path: JsonPath;
  readonly offset: number;
  readonly length: number;
}

export function fieldAtOffset(root: JsonNode, offset: number): FieldAtOffset | undefined {
  return walk(root, offset, []);
}

const within = (offset: number, start: number, length: number): boolean => offset >= start && offset < start + length;

function walk(node: JsonNode, offset: number, path: readonly (string | number)[]): FieldAtOffset | undefined {
  if (node.kind === 'object') {
    for (const property of node.properties) {
      const here = [...path, property.key];
      if (within(offset, property.keyOffset, property.keyLength)) return { path: here, offset: property.keyOffset, length: property.keyLength };
      if (within(offset, property.value.offset, property.value.length)) {
        const value = property.value;
        if (value.kind === 'object' || value.kind === 'array') return walk(value, offset, here);
        return { path: here, offset: value.offset, length: value.length };
      }
    }
    return undefined;
  }
  if (node.kind === 'array') {
    for (let index = 0; index < node.items.length; index++) {
      const item = node.items[index] as JsonNode;
      if (within(offset, item.offset, item.length)) {
        if (item.kind === 'object' || item.kind === 'array') return walk(item, offset, [...path, index]);
        return { path: [...path, index], offset: item.offset, length: item.length };
      }
    }
  }
  return undefined;
}
