/**
 * A single pass over raw JSON text that finds where a top-level key's value sits and how deep the
 * document nests, without building the document. Passthrough needs the first to replace only
 * `model` in the client's bytes (TRANSLATION.md: no parse-and-reserialise), the guard the second.
 */
/** Span of the value of each requested top-level key (the last occurrence wins, as in JSON.parse). */
export type TopLevelSpans = ReadonlyMap<string, { readonly start: number; readonly end: number }>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index just past the string that starts at `start` (which holds the opening quote). */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i += 1;
  }
  return text.length;
}

/** Index just past the value that starts at `start`: a string, a container or a literal. */
function skipValue(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return skipString(text, start);
  if (c === '{' || c === '[') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i = skipString(text, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth += 1;
      else if (ch === '}' || ch === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !',}] \t\r\n'.includes(text[i] as string)) i += 1;
  return i;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i += 1;
  return i;
}

export function measureDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '{' || ch === '[') max = Math.max(max, ++depth);
    else if (ch === '}' || ch === ']') depth -= 1;
    i += 1;
  }
  return max;
}

/** Spans of top-level keys in a JSON object text. Call only on text JSON.parse accepted. */
export function scanTopLevel(text: string, keys: readonly string[]): TopLevelSpans {
  const wanted = new Set(keys);
  const spans = new Map<string, { start: number; end: number }>();
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return spans;
  i += 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] !== '"') break;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    i = skipSpace(text, i + 1); // past ':'
    const valueEnd = skipValue(text, i);
    if (wanted.has(key)) spans.set(key, { start: i, end: valueEnd });
    i = skipSpace(text, valueEnd);
    if (text[i] !== ',') break;
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
