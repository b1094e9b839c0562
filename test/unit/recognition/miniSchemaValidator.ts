// A small JSON Schema draft-07 validator for the keywords schemas/rnn-config.schema.json uses (type, enum, const,
// numeric bounds, minLength, required, properties, additionalProperties: false, allOf, if/then, not) — enough to
// check good and bad configs against the schema without a third-party validator.

export interface SchemaViolation {
  readonly path: string;
  readonly keyword: string;
}

type Schema = { readonly [key: string]: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`validator does not know type ${type}`);
  }
}

export function validateAgainstSchema(value: unknown, schema: Schema, path = ''): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  const fail = (keyword: string, at = path): void => {
    violations.push({ path: at === '' ? '(root)' : at, keyword });
  };
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((t) => typeMatches(value, t))) {
      fail('type');
      return violations;
    }
  }
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && !enumValues.includes(value)) fail('enum');
  if ('const' in schema && schema['const'] !== value) fail('const');
  if (typeof value === 'number') {
    const minimum = schema['minimum'];
    const maximum = schema['maximum'];
    const exclusiveMinimum = schema['exclusiveMinimum'];
    const exclusiveMaximum = schema['exclusiveMaximum'];
    if (typeof minimum === 'number' && value < minimum) fail('minimum');
    if (typeof maximum === 'number' && value > maximum) fail('maximum');
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) fail('exclusiveMinimum');
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) fail('exclusiveMaximum');
  }
  const minLength = schema['minLength'];
  if (typeof value === 'string' && typeof minLength === 'number' && value.length < minLength) fail('minLength');
  if (isRecord(value)) {
    const required = schema['required'];
    if (Array.isArray(required)) {
      for (const key of required as string[]) if (!(key in value)) fail('required', path === '' ? key : `${path}.${key}`);
    }
    const properties = isRecord(schema['properties']) ? (schema['properties'] as Record<string, Schema>) : {};
    for (const [key, child] of Object.entries(value)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const childSchema = properties[key];
      if (childSchema !== undefined) violations.push(...validateAgainstSchema(child, childSchema, childPath));
      else if (schema['additionalProperties'] === false) fail('additionalProperties', childPath);
    }
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) for (const part of allOf as Schema[]) violations.push(...validateAgainstSchema(value, part, path));
  const condition = schema['if'];
  if (isRecord(condition) && validateAgainstSchema(value, condition, path).length === 0) {
    const then = schema['then'];
    if (isRecord(then)) violations.push(...validateAgainstSchema(value, then, path).map((v) => ({ ...v, keyword: `then.${v.keyword}` })));
  }
  const not = schema['not'];
  if (isRecord(not) && validateAgainstSchema(value, not, path).length === 0) fail('not');
  return violations;
}
