import type {
  ConfigLayer,
  ConfigSnapshot,
  GlobalSettings,
  ProviderConfig,
  ValueSource,
} from './model.js';
import { keyHint } from './secret-hint.js';

/** One row of `vdm config show` and of the settings view: a TOML-style path, a printable value, its origin. */
export interface ConfigEntry {
  readonly path: string;
  readonly value: string;
  readonly layer: ConfigLayer;
  readonly where: string;
}

const UNKNOWN: ValueSource = { layer: 'built-in', where: 'built-in default' };
/** Header names whose values are credentials in practice (`Authorization`, `X-Api-Key`, cookies). */
const SECRET_HEADER = /auth|key|token|secret|cookie|session|passw/i;
const SECRET_QUERY = /key|token|secret|sig|passw/i;

function seconds(ms: number): string {
  return `${ms / 1000}s`;
}

function bytes(n: number): string {
  if (n % 1024 ** 2 === 0) return `${n / 1024 ** 2}mb`;
  if (n % 1024 === 0) return `${n / 1024}kb`;
  return `${n}`;
}

/** Credentials in a URL (`https://user:pass@host`, `?key=...`) are secrets too. */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  const secretParams = [...url.searchParams.keys()].filter((name) => SECRET_QUERY.test(name));
  if (!url.password && !url.username && secretParams.length === 0) return text;
  if (url.password) url.password = '***';
  if (url.username) url.username = '***';
  for (const name of secretParams) url.searchParams.set(name, '***');
  const masked = url.toString();
  return text.endsWith('/') || !masked.endsWith('/') ? masked : masked.slice(0, -1);
}

function entry(path: string, value: string, source: ValueSource | undefined): ConfigEntry {
  const { layer, where } = source ?? UNKNOWN;
  return { path, value, layer, where };
}

function globalEntries(s: ConfigSnapshot): ConfigEntry[] {
  const g: GlobalSettings = s.globals;
  const src = s.globalSources;
  const rows: ConfigEntry[] = [
    entry('defaults.host', g.host, src.host),
    entry('defaults.port', String(g.port), src.port),
    entry('defaults.log-level', g.logLevel, src.logLevel),
    entry('defaults.request-timeout', seconds(g.requestTimeoutMs), src.requestTimeoutMs),
    entry('defaults.connect-timeout', seconds(g.connectTimeoutMs), src.connectTimeoutMs),
    entry('defaults.stream-idle-timeout', seconds(g.streamIdleTimeoutMs), src.streamIdleTimeoutMs),
    entry('defaults.max-retries', String(g.maxRetries), src.maxRetries),
    entry('defaults.cooldown-max', seconds(g.cooldownMaxMs), src.cooldownMaxMs),
    entry('defaults.cooldown-default', seconds(g.cooldownDefaultMs), src.cooldownDefaultMs),
    entry('defaults.quota-cooldown', seconds(g.quotaCooldownMs), src.quotaCooldownMs),
    entry('defaults.max-body-size', bytes(g.maxBodyBytes), src.maxBodyBytes),
    entry('defaults.secret-store', g.secretStore, src.secretStore),
    entry('defaults.vdm-home', g.vdmHome, src.vdmHome),
  ];
  if (g.proxyApiKey !== undefined)
    rows.push(entry('defaults.proxy-api-key', keyHint(g.proxyApiKey), src.proxyApiKey));
  const dp = s.defaultProvider;
  if (dp.kind === 'configured') rows.push(entry('defaults.default-provider', dp.name, dp.source));
  else
    rows.push({
      path: 'defaults.default-provider',
      value: dp.kind === 'fallback' ? `${dp.name} (fallback)` : '(none)',
      layer: 'built-in',
      where: dp.reason,
    });
  for (const [name, alias] of Object.entries(s.defaultAliases).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    rows.push(entry(`defaults.aliases.${name}`, alias.target, alias.source));
  }
  return rows;
}

function providerEntries(p: ProviderConfig): ConfigEntry[] {
  const at = (key: string, value: string) => entry(`${p.name}.${key}`, value, p.sources[key]);
  const rows: ConfigEntry[] = [];
  if (p.apiKeys.length > 0) rows.push(at('api-key', p.apiKeys.map(keyHint).join(' ')));
  rows.push(at('auth-mode', p.authMode));
  rows.push(
    p.baseUrl === undefined ? at('base-url', '(none)') : at('base-url', maskUrl(p.baseUrl)),
  );
  rows.push(at('api-format', p.apiFormat));
  if (p.apiVersion !== undefined) rows.push(at('api-version', p.apiVersion));
  rows.push(at('timeout', seconds(p.requestTimeoutMs)));
  rows.push(at('connect-timeout', seconds(p.connectTimeoutMs)));
  rows.push(at('stream-idle-timeout', seconds(p.streamIdleTimeoutMs)));
  rows.push(at('max-retries', String(p.maxRetries)));
  rows.push(at('tool-name-sanitization', String(p.toolNameSanitization)));
  rows.push(at('reasoning-content-passthrough', String(p.reasoningContentPassthrough)));
  for (const [name, value] of Object.entries(p.headers).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push(at(`headers.${name}`, SECRET_HEADER.test(name) ? keyHint(value) : value));
  }
  for (const [name, alias] of Object.entries(p.aliases).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push(entry(`${p.name}.aliases.${name}`, alias.target, alias.source));
  }
  return rows;
}

/**
 * The effective config as flat rows, every secret masked: API keys and `PROXY_API_KEY` as hints
 * (`…abcd` or `#1a2b3c`), credential-like headers likewise, passwords and key parameters in URLs
 * as `***`. Safe to print, log, or send to the UI.
 */
export function describeConfig(snapshot: ConfigSnapshot): readonly ConfigEntry[] {
  const providers = [...snapshot.providers.values()].sort((a, b) => a.name.localeCompare(b.name));
  return [...globalEntries(snapshot), ...providers.flatMap(providerEntries)];
}
