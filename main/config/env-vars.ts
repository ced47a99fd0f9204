import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import type { ConfigIssue, ValueSource } from './model.js';
import type { Sourced } from './raw-layer.js';

/** Layer 1 as one lookup: the real environment over the `.env` file, each value with its origin. */
export type EnvVars = ReadonlyMap<string, Sourced<string>>;

export interface DotenvRead {
  readonly values: Readonly<Record<string, string>>;
  readonly text: string;
}

/** The `.env` file, or undefined when there is none; never touches `process.env`. */
export function readDotenvFile(file: string): {
  readonly read?: DotenvRead;
  readonly issue?: ConfigIssue;
} {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return {};
    return {
      issue: {
        kind: 'unreadable-file',
        file,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
  return { read: { values: dotenv.parse(text), text } };
}

/** dotenv keeps the last assignment of a name, so point at the last line that assigns it. */
function dotenvLine(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:export\\s+)?${escaped}\\s*[=:]`);
  let found = 1;
  text.split(/\r?\n/).forEach((line, i) => {
    if (pattern.test(line)) found = i + 1;
  });
  return found;
}

/**
 * Merges the environment and `.env`, real environment winning. An empty value counts as unset, so a
 * `.env` template full of `OPENAI_API_KEY=` lines does not create providers with no key.
 */
export function mergeEnv(
  env: Readonly<Record<string, string | undefined>>,
  dotenvFile: string,
  dotenvRead: DotenvRead | undefined,
): EnvVars {
  const merged = new Map<string, Sourced<string>>();
  for (const [name, value] of Object.entries(dotenvRead?.values ?? {})) {
    if (value.trim() === '' || !dotenvRead) continue;
    const source: ValueSource = {
      layer: 'dotenv',
      where: `${name} (${dotenvFile}:${dotenvLine(dotenvRead.text, name)})`,
    };
    merged.set(name, { value, source });
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    merged.set(name, { value, source: { layer: 'env', where: name } });
  }
  return merged;
}
