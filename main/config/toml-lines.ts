/**
 * Where each key of a TOML text sits, for provenance (`file:12`) and error messages. smol-toml
 * returns plain values without positions, so we scan the text: table headers, `key =` lines and the
 * keys of one-line inline tables. Good enough to point at the key's line; multi-line strings are
 * skipped so their contents are not mistaken for keys.
 */
export interface TomlLineIndex {
  /** The 1-based line of `path` (table names then keys), or of its closest enclosing table. */
  lineOf(path: readonly string[]): number;
}

const SEP = '\u0000';

/** Splits `a."b.c" . d` into `a`, `b.c`, `d`. */
export function splitDottedKey(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '.') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const KEY_LINE =
  /^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=(.*)$/;
const INLINE_KEY =
  /[{,]\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/g;

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

export function indexTomlLines(text: string): TomlLineIndex {
  const lines = new Map<string, number>();
  let table: string[] = [];
  let inMultiline: string | undefined;
  const record = (path: readonly string[], line: number) => {
    const key = path.join(SEP);
    if (!lines.has(key)) lines.set(key, line);
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    if (inMultiline) {
      if (countOf(raw, inMultiline) % 2 === 1) inMultiline = undefined;
      return;
    }
    const header = HEADER.exec(raw);
    if (header?.[1]) {
      table = splitDottedKey(header[1]);
      record(table, lineNo);
      return;
    }
    const keyLine = KEY_LINE.exec(raw);
    if (!keyLine?.[1]) return;
    const keyPath = [...table, ...splitDottedKey(keyLine[1])];
    // `aliases.free = "x"` also defines the table `aliases` on this line.
    for (let n = table.length + 1; n <= keyPath.length; n++) record(keyPath.slice(0, n), lineNo);
    const rest = keyLine[2] ?? '';
    for (const match of rest.matchAll(INLINE_KEY)) {
      if (match[1]) record([...keyPath, ...splitDottedKey(match[1])], lineNo);
    }
    for (const delimiter of ['"""', "'''"]) {
      if (countOf(rest, delimiter) % 2 === 1) inMultiline = delimiter;
    }
  });
  return {
    lineOf(path) {
      for (let n = path.length; n > 0; n--) {
        const line = lines.get(path.slice(0, n).join(SEP));
        if (line !== undefined) return line;
      }
      return 1;
    },
  };
}
