/**
 * Scanning raw JSON text without building the document. Passthrough needs to replace only `model`
 * in the client's bytes (TRANSLATION.md: no parse-and-reserialise), and the guard needs the nesting
 * depth. Strings, most of a request's bytes, are skipped with native `indexOf`.
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

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string whose opening quote is at `start`. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === BACKSLASH; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Index just past the value that starts at `start`: a string, an object or array, or a literal. */
export function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return skipString(text, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
      i += 1;
    }
    return i;
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** The deepest nesting of objects and arrays in a JSON text. */
export function measureDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
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

/** Spans of top-level keys in a JSON object text. Call only on text JSON.parse accepted. */
export function scanTopLevel(text: string, keys: readonly string[]): TopLevelSpans {
  const wanted = new Set(keys);
  const spans = new Map<string, { start: number; end: number }>();
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return spans;
  i += 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== QUOTE) break;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    i = skipSpace(text, i + 1); // past ':'
    const end = valueEnd(text, i);
    if (wanted.has(key)) spans.set(key, { start: i, end });
    i = skipSpace(text, end);
    if (text.charCodeAt(i) !== COMMA) break;
    i += 1;
  }
  return spans;
}

/** The text with one top-level key's value replaced by `value` (JSON-encoded); the rest untouched. */
export function replaceTopLevelValue(text: string, key: string, value: unknown): string {
  const span = scanTopLevel(text, [key]).get(key);
  if (!span) return text;
  return text.slice(0, span.start) + JSON.stringify(value) + text.slice(span.end);
}
