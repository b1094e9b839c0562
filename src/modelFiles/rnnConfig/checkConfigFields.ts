// Checks a located JSON object against the field table (rnnConfigFields.ts): types, enums, bounds, required and
// unknown keys. Each problem becomes a 'schema' diagnostic on the exact value; each valid value is kept.
import type { JsonNode } from '../json/locatedJson';
import { formatJsonPath, type JsonPath } from '../json/jsonNavigation';
import type { LineIndex } from '../json/sourcePositions';
import type { ConfigDiagnostic, ConfigDiagnosticSeverity } from './configDiagnostic';
import type { ConfigField, NumberField, ObjectField } from './rnnConfigFields';

/** Valid values by key; nested objects as nested records. Invalid or absent fields are missing. */
export interface CheckedValues {
  readonly [key: string]: number | string | CheckedValues;
}

export class DiagnosticSink {
  readonly diagnostics: ConfigDiagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  add(
    severity: ConfigDiagnosticSeverity,
    code: string,
    path: JsonPath,
    at: { readonly offset: number; readonly length: number },
    message: string,
    source: 'schema' | 'semantic',
  ): void {
    this.diagnostics.push({
      severity,
      message,
      path: [...path],
      pathText: formatJsonPath(path),
      range: this.lines.range(at.offset, at.length),
      code,
      source,
    });
  }
}

export function checkObject(node: JsonNode, spec: ObjectField, path: JsonPath, sink: DiagnosticSink): CheckedValues {
  const label = formatJsonPath(path);
  if (node.kind !== 'object') {
    sink.add('error', 'type', path, node, `${label} must be an object, got ${describeKind(node)}`, 'schema');
    return {};
  }
  const values: Record<string, number | string | CheckedValues> = {};
  for (const property of node.properties) {
    const field = spec.fields[property.key];
    const fieldPath = [...path, property.key];
    if (field === undefined) {
      const suggestion = closestKey(property.key, Object.keys(spec.fields));
      const hint = suggestion === undefined ? `known fields: ${Object.keys(spec.fields).filter((k) => k !== '$schema').join(', ')}` : `did you mean "${suggestion}"?`;
      sink.add('warning', 'unknown-field', fieldPath, { offset: property.keyOffset, length: property.keyLength }, `unknown field "${formatJsonPath(fieldPath)}": ${hint}`, 'schema');
      continue;
    }
    const value = checkField(property.value, field, fieldPath, sink);
    if (value !== undefined) values[property.key] = value;
  }
  for (const required of spec.required ?? []) {
    if (!node.properties.some((p) => p.key === required)) {
      sink.add('error', 'missing-field', [...path, required], { offset: node.offset, length: 1 }, `${label} needs "${required}"`, 'schema');
    }
  }
  return values;
}

function checkField(node: JsonNode, field: ConfigField, path: JsonPath, sink: DiagnosticSink): number | string | CheckedValues | undefined {
  const label = formatJsonPath(path);
  switch (field.kind) {
    case 'object':
      return checkObject(node, field, path, sink);
    case 'enum':
      if (node.kind === 'string' && field.values.includes(node.value)) return node.value;
      sink.add('error', 'enum', path, node, `${label} must be one of ${field.values.join(', ')}; got ${describeValue(node)}`, 'schema');
      return undefined;
    case 'string':
      if (node.kind !== 'string') {
        sink.add('error', 'type', path, node, `${label} must be a string, got ${describeValue(node)}`, 'schema');
        return undefined;
      }
      if (field.minLength !== undefined && node.value.length < field.minLength) {
        sink.add('error', 'empty', path, node, `${label} must not be empty`, 'schema');
        return undefined;
      }
      return node.value;
    case 'string-or-index':
      if (node.kind === 'string' && node.value.length > 0) return node.value;
      if (node.kind === 'number' && Number.isInteger(node.value) && node.value >= 0) return node.value;
      sink.add('error', 'type', path, node, `${label} must be a column name or a 0-based column index, got ${describeValue(node)}`, 'schema');
      return undefined;
    case 'integer':
    case 'number':
      return checkNumber(node, field, path, sink);
  }
}

function checkNumber(node: JsonNode, field: NumberField, path: JsonPath, sink: DiagnosticSink): number | undefined {
  const label = formatJsonPath(path);
  const wanted = field.kind === 'integer' ? 'an integer' : 'a number';
  if (node.kind !== 'number' || !Number.isFinite(node.value)) {
    sink.add('error', 'type', path, node, `${label} must be ${wanted}, got ${describeValue(node)}`, 'schema');
    return undefined;
  }
  const value = node.value;
  if (field.kind === 'integer' && !Number.isInteger(value)) {
    sink.add('error', 'type', path, node, `${label} must be an integer, got ${value}`, 'schema');
    return undefined;
  }
  if (field.boundCheckedSemantically === true) return value;
  const below = (field.minimum !== undefined && value < field.minimum) || (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum);
  const above = (field.maximum !== undefined && value > field.maximum) || (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum);
  if (below || above) {
    sink.add('error', 'range', path, node, `${label} must be ${describeBounds(field)}, got ${value}`, 'schema');
    return undefined;
  }
  return value;
}

export function describeBounds(field: NumberField): string {
  const parts: string[] = [];
  if (field.minimum !== undefined) parts.push(`≥ ${field.minimum}`);
  if (field.exclusiveMinimum !== undefined) parts.push(`> ${field.exclusiveMinimum}`);
  if (field.maximum !== undefined) parts.push(`≤ ${field.maximum}`);
  if (field.exclusiveMaximum !== undefined) parts.push(`< ${field.exclusiveMaximum}`);
  const kind = field.kind === 'integer' ? 'an integer' : 'a number';
  return parts.length === 0 ? kind : `${kind} ${parts.join(' and ')}`;
}

function describeKind(node: JsonNode): string {
  return node.kind === 'object' ? 'an object' : node.kind === 'array' ? 'an array' : node.kind;
}

function describeValue(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return `"${node.value}" (a string)`;
    case 'number':
      return String(node.value);
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return describeKind(node);
  }
}

/** A known key within edit distance 2 (typos such as "hiddenSise"), compared case-insensitively. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
