import type { ProviderName } from '../../shared/domain/provider.js';
import type { Result } from '../../shared/result.js';
import type {
  AliasEntry,
  ConfigIssue,
  GlobalSettings,
  ProviderConfig,
  ValueSource,
} from './model.js';
import { parseBoolean, parseRetries, parseSeconds } from './parse-values.js';
import { resolveAuth } from './provider-auth.js';
import { checkApiFormat, checkBaseUrl, missingKeyProblem, statusOf } from './provider-status.js';
import {
  invalidValue,
  type RawHeader,
  type RawLayer,
  type RawSection,
  type Sourced,
} from './raw-layer.js';

const BUILT_IN: ValueSource = { layer: 'built-in', where: 'built-in default' };

export interface ProviderInputs {
  readonly name: ProviderName;
  /** Highest first; the environment, when present, is `layers[0]` with `layer: 'env'`. */
  readonly layers: readonly RawLayer[];
  readonly globalHeaders: ReadonlyMap<string, Sourced<RawHeader>>;
  readonly globals: GlobalSettings;
  readonly globalSources: Readonly<Record<keyof GlobalSettings, ValueSource>>;
}

export interface ProviderRead {
  readonly config: ProviderConfig;
  readonly issues: readonly ConfigIssue[];
  readonly notices: readonly string[];
}

function pick(sections: readonly RawSection[], key: string): Sourced<unknown> | undefined {
  for (const section of sections) {
    const found = section.scalars.get(key);
    if (found) return found;
  }
  return undefined;
}

/** Per entry, highest layer first: a lower layer only fills names the higher ones lack. */
function mergeEntries<T>(
  maps: readonly ReadonlyMap<string, Sourced<T>>[],
): Map<string, Sourced<T>> {
  const merged = new Map<string, Sourced<T>>();
  for (const map of maps) {
    for (const [key, entry] of map) if (!merged.has(key)) merged.set(key, entry);
  }
  return merged;
}

interface FieldReader {
  readonly sections: readonly RawSection[];
  readonly sources: Record<string, ValueSource>;
  readonly issues: ConfigIssue[];
}

function readField<T>(
  r: FieldReader,
  key: string,
  parse: (raw: unknown) => Result<T, string>,
  fallback: T,
  fallbackSource: ValueSource,
): T {
  const entry = pick(r.sections, key);
  if (!entry) {
    r.sources[key] = fallbackSource;
    return fallback;
  }
  r.sources[key] = entry.source;
  const parsed = parse(entry.value);
  if (parsed.ok) return parsed.value;
  r.issues.push(invalidValue(entry.source, key, parsed.error));
  return fallback;
}

/** `api-version = 2024-10-21` without quotes is a TOML date; take it as the text the user meant. */
function readApiVersion(r: FieldReader): string | undefined {
  const entry = pick(r.sections, 'api-version');
  if (!entry) return undefined;
  r.sources['api-version'] = entry.source;
  const value = entry.value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  r.issues.push(invalidValue(entry.source, 'api-version', 'must be a string such as "2024-10-21"'));
  return undefined;
}

function mergedAliasesAndHeaders(
  input: ProviderInputs,
  sections: readonly RawSection[],
  sources: Record<string, ValueSource>,
) {
  const aliases: Record<string, AliasEntry> = {};
  for (const [alias, entry] of mergeEntries(sections.map((s) => s.aliases))) {
    aliases[alias] = { target: entry.value, source: entry.source };
    sources[`aliases.${alias}`] = entry.source;
  }
  const headers: Record<string, string> = {};
  for (const entry of mergeEntries([
    ...sections.map((s) => s.headers),
    input.globalHeaders,
  ]).values()) {
    headers[entry.value.name] = entry.value.value;
    sources[`headers.${entry.value.name}`] = entry.source;
  }
  return { aliases, headers };
}

/** One provider's effective config: every key merged across layers, checked, with its source. */
export function resolveProvider(input: ProviderInputs): ProviderRead {
  const { name, globals, globalSources } = input;
  const sections = input.layers.flatMap((l) => l.providers.get(name) ?? []);
  const envSection = input.layers.find((l) => l.layer === 'env')?.providers.get(name);
  const fileSections = input.layers
    .filter((l) => l.layer !== 'env')
    .flatMap((l) => l.providers.get(name) ?? []);
  const r: FieldReader = { sections, sources: {}, issues: [] };
  const auth = resolveAuth(name, envSection, fileSections);
  r.issues.push(...auth.issues);
  if (auth.auth.keySource) r.sources['api-key'] = auth.auth.keySource;
  r.sources['auth-mode'] = auth.auth.authSource;
  const baseEntry = pick(sections, 'base-url');
  const base = checkBaseUrl(name, baseEntry, globals);
  if (baseEntry) r.sources['base-url'] = baseEntry.source;
  const formatEntry = pick(sections, 'api-format');
  const format = checkApiFormat(formatEntry);
  r.sources['api-format'] = formatEntry?.source ?? BUILT_IN;
  const keyless = readField(r, 'keyless', parseBoolean, false, BUILT_IN);
  const needsKey = auth.auth.authMode === 'api_key' && auth.auth.apiKeys.length === 0 && !keyless;
  const config: ProviderConfig = {
    name,
    apiFormat: format.format,
    baseUrl: base.baseUrl,
    apiVersion: readApiVersion(r),
    authMode: auth.auth.authMode,
    apiKeys: auth.auth.apiKeys,
    ...mergedAliasesAndHeaders(input, sections, r.sources),
    requestTimeoutMs: readField(
      r,
      'timeout',
      parseSeconds,
      globals.requestTimeoutMs,
      globalSources.requestTimeoutMs,
    ),
    connectTimeoutMs: readField(
      r,
      'connect-timeout',
      parseSeconds,
      globals.connectTimeoutMs,
      globalSources.connectTimeoutMs,
    ),
    streamIdleTimeoutMs: readField(
      r,
      'stream-idle-timeout',
      parseSeconds,
      globals.streamIdleTimeoutMs,
      globalSources.streamIdleTimeoutMs,
    ),
    maxRetries: readField(
      r,
      'max-retries',
      parseRetries,
      globals.maxRetries,
      globalSources.maxRetries,
    ),
    toolNameSanitization: readField(r, 'tool-name-sanitization', parseBoolean, false, BUILT_IN),
    reasoningContentPassthrough: readField(
      r,
      'reasoning-content-passthrough',
      parseBoolean,
      false,
      BUILT_IN,
    ),
    status: statusOf([
      base.problem,
      format.problem,
      needsKey ? missingKeyProblem(name, auth.auth.keySource) : undefined,
    ]),
    sources: r.sources,
  };
  return { config, issues: r.issues, notices: auth.notices };
}
