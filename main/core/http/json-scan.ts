/**
 * Scanning raw JSON bytes without building the document. Passthrough replaces only `model` in the
 * client's bytes (TRANSLATION.md: no parse-and-reserialise), and the guard needs the nesting depth.
 * It works on UTF-8 bytes directly: JSON's structural characters are ASCII and never occur inside a
 * multi-byte sequence, so the body is neither decoded nor re-encoded for this. Strings, most of a
 * request's bytes, are skipped with native `indexOf`.
 */

/** Span of the value of each requested top-level key (the last occurrence wins, as in JSON.parse). */
export type TopLevelSpans = ReadonlyMap<string, { readonly start: number; readonly end: number }>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string whose opening quote is at `start`. */
function skipString(bytes: Buffer, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote === -1) return bytes.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && bytes[j] === BACKSLASH; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Index just past the value that starts at `start`: a string, an object or array, or a literal. */
export function valueEnd(bytes: Buffer, start: number): number {
  const first = bytes[start];
  if (first === QUOTE) return skipString(bytes, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = start;
    while (i < bytes.length) {
      const c = bytes[i];
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
      i += 1;
    }
    return i;
  }
  let depth = 0;
  let i = start;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c === QUOTE) {
      i = skipString(bytes, i);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return bytes.length;
}

/** A key's text; keys with escapes (rare) go through JSON.parse, the rest are read as they are. */
function keyAt(bytes: Buffer, start: number, end: number): string {
  for (let i = start + 1; i < end - 1; i += 1) {
    if (bytes[i] === BACKSLASH) return JSON.parse(bytes.toString('utf8', start, end)) as string;
  }
  return bytes.toString('utf8', start + 1, end - 1);
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i += 1;
  return i;
}

/** The deepest nesting of objects and arrays in a JSON document. */
export function measureDepth(bytes: Buffer): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c === QUOTE) {
      i = skipString(bytes, i);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
    i += 1;
  }
  return max;
}

/** Spans of top-level keys in a JSON object. Call only on a document JSON.parse accepted. */
export function scanTopLevel(bytes: Buffer, keys: readonly string[]): TopLevelSpans {
  const wanted = new Set(keys);
  const spans = new Map<string, { start: number; end: number }>();
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) return spans;
  i += 1;
  for (;;) {
    i = skipSpace(bytes, i);
    if (bytes[i] !== QUOTE) break;
    const keyEnd = skipString(bytes, i);
    const key = keyAt(bytes, i, keyEnd);
    i = skipSpace(bytes, keyEnd);
    i = skipSpace(bytes, i + 1); // past ':'
    const end = valueEnd(bytes, i);
    if (wanted.has(key)) spans.set(key, { start: i, end });
    i = skipSpace(bytes, end);
    if (bytes[i] !== COMMA) break;
    i += 1;
  }
  return spans;
}

/** The document with one top-level key's value replaced by `value` (JSON-encoded); other bytes untouched. */
export function replaceTopLevelValue(bytes: Buffer, key: string, value: unknown): Buffer {
  const span = scanTopLevel(bytes, [key]).get(key);
  if (!span) return bytes;
  return Buffer.concat([
    bytes.subarray(0, span.start),
    Buffer.from(JSON.stringify(value)),
    bytes.subarray(span.end),
  ]);
}
