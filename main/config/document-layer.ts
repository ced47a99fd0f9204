import { toProviderName, type ProviderName } from '../../shared/domain/provider.js';
import {
  DEFAULTS_KEYS,
  IGNORED_PROVIDER_KEYS,
  isOneOf,
  LEGACY_DEFAULTS_KEYS,
  PROVIDER_SCALAR_KEYS,
} from './config-keys.js';
import { headerProblem } from './header-rules.js';
import type { ConfigIssue, ConfigLayer, ValueSource } from './model.js';
import type { LayerRead, RawHeader, RawLayer, RawSection, Sourced } from './raw-layer.js';

/** Turns a key path (`['openai', 'timeout']`) into `file:line` (TOML) or `file#openai.timeout` (app). */
export type WhereOf = (path: readonly string[]) => string;

type Table = Readonly<Record<string, unknown>>;

/** A TOML table or JSON object; not an array, and not a TomlDate (a Date). */
export function isTable(value: unknown): value is Table {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

interface Collector {
  readonly layer: ConfigLayer;
  readonly whereOf: WhereOf;
  readonly issues: ConfigIssue[];
  readonly notices: string[];
}

function sourceAt(c: Collector, path: readonly string[]): ValueSource {
  return { layer: c.layer, where: c.whereOf(path) };
}

function issueAt(c: Collector, path: readonly string[], message: string): void {
  c.issues.push({ kind: 'invalid-value', where: c.whereOf(path), message });
}

function readAliases(
  c: Collector,
  path: readonly string[],
  value: unknown,
): Map<string, Sourced<string>> {
  const aliases = new Map<string, Sourced<string>>();
  if (!isTable(value)) {
    issueAt(
      c,
      path,
      `${path.join('.')} must be a table of name = "model" entries, like [${path.join('.')}]`,
    );
    return aliases;
  }
  for (const [name, target] of Object.entries(value)) {
    const entryPath = [...path, name];
    if (typeof target !== 'string' || target.trim() === '') {
      issueAt(
        c,
        entryPath,
        `alias "${name}" must be a non-empty string such as "gpt-4o" or "openrouter:qwen/qwen3-coder"`,
      );
      continue;
    }
    const key = name.toLowerCase();
    if (aliases.has(key)) {
      issueAt(c, entryPath, `alias "${name}" is defined twice (alias names are case-insensitive)`);
      continue;
    }
    aliases.set(key, { value: target.trim(), source: sourceAt(c, entryPath) });
  }
  return aliases;
}

function readHeaders(
  c: Collector,
  path: readonly string[],
  value: unknown,
): Map<string, Sourced<RawHeader>> {
  const headers = new Map<string, Sourced<RawHeader>>();
  if (!isTable(value)) {
    issueAt(
      c,
      path,
      `${path.join('.')} must be a table of Header-Name = "value" entries, like [${path.join('.')}]`,
    );
    return headers;
  }
  for (const [name, raw] of Object.entries(value)) {
    const entryPath = [...path, name];
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      issueAt(c, entryPath, `header "${name}" must be a string`);
      continue;
    }
    const text = String(raw);
    const problem = headerProblem(name, text);
    if (problem) {
      issueAt(c, entryPath, problem);
      continue;
    }
    headers.set(name.toLowerCase(), {
      value: { name, value: text },
      source: sourceAt(c, entryPath),
    });
  }
  return headers;
}

function readSection(c: Collector, name: string, table: Table): RawSection {
  const scalars = new Map<string, Sourced<unknown>>();
  let aliases = new Map<string, Sourced<string>>();
  let headers = new Map<string, Sourced<RawHeader>>();
  for (const [key, value] of Object.entries(table)) {
    const path = [name, key];
    if (key === 'aliases') aliases = readAliases(c, path, value);
    else if (key === 'headers') headers = readHeaders(c, path, value);
    else if (isOneOf(PROVIDER_SCALAR_KEYS, key))
      scalars.set(key, { value, source: sourceAt(c, path) });
    else if (!IGNORED_PROVIDER_KEYS.has(key))
      c.notices.push(`${c.whereOf(path)}: unknown key "${key}" in [${name}] ignored`);
  }
  return { source: sourceAt(c, [name]), scalars, aliases, headers };
}

function readDefaults(c: Collector, table: Table): Pick<RawLayer, 'defaults' | 'defaultAliases'> {
  const defaults = new Map<string, Sourced<unknown>>();
  let defaultAliases = new Map<string, Sourced<string>>();
  const legacy: [string, unknown][] = [];
  for (const [key, value] of Object.entries(table)) {
    const path = ['defaults', key];
    if (key === 'aliases') defaultAliases = readAliases(c, path, value);
    else if (isOneOf(DEFAULTS_KEYS, key)) defaults.set(key, { value, source: sourceAt(c, path) });
    else if (key in LEGACY_DEFAULTS_KEYS) legacy.push([key, value]);
    else c.notices.push(`${c.whereOf(path)}: unknown key "${key}" in [defaults] ignored`);
  }
  for (const [key, value] of legacy) {
    const modern = LEGACY_DEFAULTS_KEYS[key];
    if (modern && !defaults.has(modern))
      defaults.set(modern, { value, source: sourceAt(c, ['defaults', key]) });
  }
  return { defaults, defaultAliases };
}

function readProvider(
  c: Collector,
  providers: Map<ProviderName, RawSection>,
  rawName: string,
  value: Table,
): void {
  if (rawName.includes(':')) {
    issueAt(
      c,
      [rawName],
      `provider name "${rawName}" must not contain ":" (it separates provider and model)`,
    );
    return;
  }
  const name = toProviderName(rawName);
  if (providers.has(name)) {
    issueAt(
      c,
      [rawName],
      `[${rawName}] repeats another provider table (provider names are case-insensitive)`,
    );
    return;
  }
  providers.set(name, readSection(c, rawName, value));
}

/**
 * One parsed document (a TOML file, or the app settings) as a layer. Structural problems (a table
 * that is not a table, an alias that is not a string) are issues here; values are checked when the
 * effective config is resolved.
 */
export function documentToLayer(doc: Table, layer: ConfigLayer, whereOf: WhereOf): LayerRead {
  const c: Collector = { layer, whereOf, issues: [], notices: [] };
  const providers = new Map<ProviderName, RawSection>();
  let defaults: Pick<RawLayer, 'defaults' | 'defaultAliases'> = {
    defaults: new Map(),
    defaultAliases: new Map(),
  };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'profiles' || key.startsWith('#')) {
      c.notices.push(
        `${whereOf([key])}: vandamme-proxy profiles ([${key}]) are not supported yet; ignored`,
      );
    } else if (!isTable(value)) {
      c.notices.push(
        `${whereOf([key])}: top-level key "${key}" ignored (expected a [provider] or [defaults] table)`,
      );
    } else if (key === 'defaults') {
      defaults = readDefaults(c, value);
    } else {
      readProvider(c, providers, key, value);
    }
  }
  return { layer: { layer, providers, ...defaults }, issues: c.issues, notices: c.notices };
}
