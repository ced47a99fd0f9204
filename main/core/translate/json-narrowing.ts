/** Narrowing helpers for JSON bodies typed `unknown`: validate as we read instead of casting. */

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isStringArray = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every(isString);

/** A JSON array as a readonly `unknown[]`, so callers narrow each element. */
export const isArray = (value: unknown): value is readonly unknown[] => Array.isArray(value);
