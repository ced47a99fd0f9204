import { isArray, isObject, type JsonObject } from '../json-narrowing.js';

/**
 * String formats strict providers accept (Gemini's OpenAI endpoint takes `date-time` and `enum` and
 * rejects the rest with a 400 that fails every request carrying the tool).
 */
const KEPT_FORMATS: ReadonlySet<unknown> = new Set(['date-time', 'enum']);

/** Keywords whose value is a map of name -> schema (the names themselves are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = new Set([
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf']);

const cleanMap = (value: JsonObject): JsonObject =>
  Object.fromEntries(
    Object.entries(value).map(([name, schema]) => [name, cleanToolSchema(schema)]),
  );

/**
 * Tuple forms (`items: [..]`, 2020-12 `prefixItems`) are rejected by strict providers; a single
 * schema keeps its meaning, several become "any item" since position typing cannot be expressed.
 */
const tupleItems = (items: readonly unknown[]): unknown =>
  items.length === 1 ? cleanToolSchema(items[0]) : {};

const cleanKeyword = (key: string, value: unknown): readonly [string, unknown] | undefined => {
  if (key === '$schema') return undefined;
  if (key === 'format') return KEPT_FORMATS.has(value) ? [key, value] : undefined;
  if (key === 'items') return [key, isArray(value) ? tupleItems(value) : cleanToolSchema(value)];
  if (SCHEMA_MAPS.has(key) && isObject(value)) return [key, cleanMap(value)];
  if (SCHEMA_VALUES.has(key)) return [key, cleanToolSchema(value)];
  if (SCHEMA_LISTS.has(key) && isArray(value)) return [key, value.map(cleanToolSchema)];
  return [key, value];
};

/**
 * A JSON Schema made acceptable to strict providers (brief: `$schema`, tuple items, unsupported
 * formats), recursively and by keyword, so a property *named* "format" is left alone.
 */
export const cleanToolSchema = (schema: unknown): unknown => {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'prefixItems') continue;
    const kept = cleanKeyword(key, value);
    if (kept !== undefined) out[kept[0]] = kept[1];
  }
  if (isArray(schema.prefixItems) && out.items === undefined) {
    out.items = tupleItems(schema.prefixItems);
  }
  return out;
};
