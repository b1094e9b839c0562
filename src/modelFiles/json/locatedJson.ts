// JSON values that remember where they are in the text, so lenses, diagnostics and CLI errors can point at the exact
// place (JSON.parse forgets). jsonc-parser does the scanning and parsing (jsonSyntax.ts); this file only assembles
// its events into a typed tree. The dialect is EDITOR_JSON: comments, NaN/±Infinity and a byte-order mark are
// accepted (files come from Python and from editors), trailing commas are not. Duplicate keys are all kept, in
// order; jsonNavigation.ts reads the last one, as JSON.parse does.
import { EDITOR_JSON, scanJson, type JsonEvents, type JsonLiteral } from './jsonSyntax';
import type { JsonSyntaxError } from './syntaxErrorMessages';

export interface JsonNodeBase {
  /** Offset of the node's first character in the text (UTF-16 code units, as JavaScript strings and VS Code count). */
  readonly offset: number;
  /** Characters from `offset` to just after the node's last character. */
  readonly length: number;
}

export interface JsonProperty {
  readonly key: string;
  /** The key as written, quotes included. */
  readonly keyOffset: number;
  readonly keyLength: number;
  readonly value: JsonNode;
}

export interface JsonObjectNode extends JsonNodeBase {
  readonly kind: 'object';
  readonly properties: readonly JsonProperty[];
}

export interface JsonArrayNode extends JsonNodeBase {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonStringNode extends JsonNodeBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface JsonNumberNode extends JsonNodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface JsonBooleanNode extends JsonNodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface JsonNullNode extends JsonNodeBase {
  readonly kind: 'null';
}

export type JsonNode = JsonObjectNode | JsonArrayNode | JsonStringNode | JsonNumberNode | JsonBooleanNode | JsonNullNode;

export type JsonParseResult = { readonly ok: true; readonly root: JsonNode } | { readonly ok: false; readonly error: JsonSyntaxError };

/** The located tree of `text`, or its first syntax error (never thrown). */
export function parseLocatedJson(text: string): JsonParseResult {
  const builder = new TreeBuilder();
  const error = scanJson(text, EDITOR_JSON, builder);
  if (error !== undefined) return { ok: false, error };
  // Unreachable: an empty text is a syntax error.
  if (builder.root === undefined) return { ok: false, error: { message: 'the file is empty: expected a JSON value', offset: 0, length: 0 } };
  return { ok: true, root: builder.root };
}

type OpenContainer =
  | { readonly kind: 'object'; readonly offset: number; readonly properties: JsonProperty[]; key: string; keyOffset: number; keyLength: number }
  | { readonly kind: 'array'; readonly offset: number; readonly items: JsonNode[] };

/** Builds nodes with an explicit stack, so deep nesting costs no recursion here. */
class TreeBuilder implements JsonEvents {
  root: JsonNode | undefined;
  private readonly stack: OpenContainer[] = [];

  objectBegin(offset: number): void {
    this.stack.push({ kind: 'object', offset, properties: [], key: '', keyOffset: -1, keyLength: 0 });
  }

  property(key: string, keyOffset: number, keyLength: number): void {
    const top = this.stack.at(-1);
    if (top?.kind !== 'object') return;
    top.key = key;
    top.keyOffset = keyOffset;
    top.keyLength = keyLength;
  }

  objectEnd(end: number): void {
    const top = this.stack.pop();
    if (top?.kind === 'object') this.attach({ kind: 'object', properties: top.properties, offset: top.offset, length: end - top.offset });
  }

  arrayBegin(offset: number): void {
    this.stack.push({ kind: 'array', offset, items: [] });
  }

  arrayEnd(end: number): void {
    const top = this.stack.pop();
    if (top?.kind === 'array') this.attach({ kind: 'array', items: top.items, offset: top.offset, length: end - top.offset });
  }

  literal(value: JsonLiteral, offset: number, length: number): void {
    if (value === null) this.attach({ kind: 'null', offset, length });
    else if (typeof value === 'string') this.attach({ kind: 'string', value, offset, length });
    else if (typeof value === 'number') this.attach({ kind: 'number', value, offset, length });
    else this.attach({ kind: 'boolean', value, offset, length });
  }

  private attach(node: JsonNode): void {
    const top = this.stack.at(-1);
    if (top === undefined) this.root = node;
    else if (top.kind === 'array') top.items.push(node);
    else top.properties.push({ key: top.key, keyOffset: top.keyOffset, keyLength: top.keyLength, value: node });
  }
}
