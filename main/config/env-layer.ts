import { toProviderName, type ProviderName } from '../../shared/domain/provider.js';
import type { GlobalKey, ProviderScalarKey } from './config-keys.js';
import type { EnvVars } from './env-vars.js';
import { headerProblem } from './header-rules.js';
import type { ConfigIssue } from './model.js';
import type { RawHeader, RawLayer, RawSection, Sourced } from './raw-layer.js';

/** Each global's variable; the first listed wins, later ones are vandamme-proxy spellings. */
export const GLOBAL_ENV_VARS: Readonly<Record<GlobalKey, readonly string[]>> = {
  'default-provider': ['VDM_DEFAULT_PROVIDER', 'VDM_DEFAULT_TARGET'],
  host: ['HOST'],
  port: ['PORT'],
  'log-level': ['LOG_LEVEL'],
  'request-timeout': ['REQUEST_TIMEOUT'],
  'max-retries': ['MAX_RETRIES'],
  'connect-timeout': ['VDM_CONNECT_TIMEOUT'],
  'stream-idle-timeout': ['VDM_STREAM_IDLE_TIMEOUT'],
  'cooldown-max': ['VDM_COOLDOWN_MAX'],
  'cooldown-default': ['VDM_COOLDOWN_DEFAULT'],
  'quota-cooldown': ['VDM_QUOTA_COOLDOWN'],
  'max-body-size': ['VDM_MAX_BODY_SIZE'],
  'proxy-api-key': ['PROXY_API_KEY'],
  'secret-store': ['VDM_SECRET_STORE'],
  'vdm-home': ['VDM_HOME'],
};

/** `{P}_<SUFFIX>` variables and the TOML key each one sets. */
export const PROVIDER_ENV_SUFFIXES: Readonly<Record<string, ProviderScalarKey>> = {
  API_KEY: 'api-key',
  BASE_URL: 'base-url',
  API_FORMAT: 'api-format',
  API_VERSION: 'api-version',
  AUTH_MODE: 'auth-mode',
  TIMEOUT: 'timeout',
  MAX_RETRIES: 'max-retries',
  CONNECT_TIMEOUT: 'connect-timeout',
  STREAM_IDLE_TIMEOUT: 'stream-idle-timeout',
};

const GLOBAL_HEADER_PREFIX = 'CUSTOM_HEADER_';
const PROVIDER_DEFINING = /^([A-Z0-9][A-Z0-9_]*?)_(?:API_KEY|AUTH_MODE)$/;

/**
 * Whether a variable can name a provider. `PROXY_API_KEY` is the proxy's own client key (vandamme
 * listed a bogus provider `proxy`), `VDM_*` are our settings, and `FOO_CUSTOM_HEADER_X_API_KEY` is
 * a header called `X-API-KEY`, not a provider.
 */
function definesProvider(name: string): string | undefined {
  if (name === 'PROXY_API_KEY' || name.startsWith('VDM_') || name.startsWith(GLOBAL_HEADER_PREFIX))
    return undefined;
  if (name.includes('_CUSTOM_HEADER_') || name.includes('_ALIAS_')) return undefined;
  return PROVIDER_DEFINING.exec(name)?.[1];
}

/** Providers named by a `{P}_API_KEY` or `{P}_AUTH_MODE` variable. */
export function envProviderNames(vars: EnvVars): ProviderName[] {
  const names = new Set<ProviderName>();
  for (const name of vars.keys()) {
    const prefix = definesProvider(name);
    if (prefix) names.add(toProviderName(prefix));
  }
  return [...names];
}

/** `FOO_CUSTOM_HEADER_HTTP_REFERER` -> `HTTP-REFERER`. */
function headerFrom(
  vars: EnvVars,
  prefix: string,
  issues: ConfigIssue[],
): Map<string, Sourced<RawHeader>> {
  const headers = new Map<string, Sourced<RawHeader>>();
  for (const [name, entry] of vars) {
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;
    const header = name.slice(prefix.length).replace(/_/g, '-');
    const problem = headerProblem(header, entry.value);
    if (problem)
      issues.push({ kind: 'invalid-value', where: entry.source.where, message: problem });
    else
      headers.set(header.toLowerCase(), {
        value: { name: header, value: entry.value },
        source: entry.source,
      });
  }
  return headers;
}

function envSection(
  vars: EnvVars,
  name: ProviderName,
  issues: ConfigIssue[],
): RawSection | undefined {
  const prefix = `${name.toUpperCase()}_`;
  const scalars = new Map<string, Sourced<unknown>>();
  for (const [suffix, key] of Object.entries(PROVIDER_ENV_SUFFIXES)) {
    const entry = vars.get(prefix + suffix);
    if (entry) scalars.set(key, entry);
  }
  const aliases = new Map<string, Sourced<string>>();
  const aliasPrefix = `${prefix}ALIAS_`;
  for (const [varName, entry] of vars) {
    if (varName.startsWith(aliasPrefix) && varName.length > aliasPrefix.length) {
      aliases.set(varName.slice(aliasPrefix.length).toLowerCase(), {
        value: entry.value.trim(),
        source: entry.source,
      });
    }
  }
  const headers = headerFrom(vars, `${prefix}CUSTOM_HEADER_`, issues);
  const first = [...scalars.values(), ...aliases.values(), ...headers.values()][0];
  if (!first) return undefined;
  return { source: first.source, scalars, aliases, headers };
}

export interface EnvLayerRead {
  readonly layer: RawLayer;
  /** `CUSTOM_HEADER_*`: sent to every provider unless the provider sets the same header. */
  readonly globalHeaders: ReadonlyMap<string, Sourced<RawHeader>>;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Layer 1 in the common shape. Provider variables are read only for `candidates` (providers named
 * by a key variable or by any file), so an unrelated `NPM_CONFIG_FETCH_TIMEOUT` is never mistaken
 * for a provider setting.
 */
export function envLayer(vars: EnvVars, candidates: Iterable<ProviderName>): EnvLayerRead {
  const issues: ConfigIssue[] = [];
  const providers = new Map<ProviderName, RawSection>();
  for (const name of candidates) {
    const section = envSection(vars, name, issues);
    if (section) providers.set(name, section);
  }
  const defaults = new Map<string, Sourced<unknown>>();
  for (const [key, names] of Object.entries(GLOBAL_ENV_VARS)) {
    const entry = names.map((n) => vars.get(n)).find((e) => e !== undefined);
    if (entry) defaults.set(key, entry);
  }
  const globalHeaders = headerFrom(vars, GLOBAL_HEADER_PREFIX, issues);
  return {
    layer: { layer: 'env', providers, defaults, defaultAliases: new Map() },
    globalHeaders,
    issues,
  };
}
