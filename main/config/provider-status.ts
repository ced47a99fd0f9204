import {
  API_FORMATS,
  type ApiFormat,
  type ProviderName,
  type ProviderStatus,
} from '../../shared/domain/provider.js';
import type { ValueSource } from './model.js';
import type { Sourced } from './raw-layer.js';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set([
  'localhost',
  '127.0.0.1',
  '[::1]',
  '0.0.0.0',
  '[::]',
]);

export interface BaseUrlCheck {
  /** Trailing `/` removed, so callers can append `/chat/completions`. */
  readonly baseUrl: string | undefined;
  readonly problem: string | undefined;
}

function envName(name: ProviderName): string {
  return name.toUpperCase();
}

/** The default port of the scheme when the URL has none, as a number. */
function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * `ANTHROPIC_BASE_URL` is what users export to point Claude Code at this proxy; when `vdm` runs in
 * the same shell it would read it as the anthropic upstream and send every request to itself.
 */
function pointsAtProxy(url: URL, proxyHost: string, proxyPort: number): boolean {
  if (proxyPort === 0 || portOf(url) !== proxyPort || url.protocol !== 'http:') return false;
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname === proxyHost;
}

export function checkBaseUrl(
  name: ProviderName,
  entry: Sourced<unknown> | undefined,
  proxy: { readonly host: string; readonly port: number },
): BaseUrlCheck {
  if (!entry)
    return {
      baseUrl: undefined,
      problem: `no base URL: set ${envName(name)}_BASE_URL or base-url under [${name}]`,
    };
  const text = typeof entry.value === 'string' ? entry.value.trim().replace(/\/+$/, '') : undefined;
  const where = entry.source.where;
  let url: URL | undefined;
  try {
    url = text ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  if (!text || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return {
      baseUrl: undefined,
      problem: `base URL ${JSON.stringify(entry.value)} from ${where} is not an http(s) URL`,
    };
  }
  if (pointsAtProxy(url, proxy.host, proxy.port)) {
    return {
      baseUrl: text,
      problem: `base URL "${text}" from ${where} points at this proxy itself, so requests would loop; set it to the upstream's URL`,
    };
  }
  return { baseUrl: text, problem: undefined };
}

export function checkApiFormat(entry: Sourced<unknown> | undefined): {
  readonly format: ApiFormat;
  readonly problem?: string;
} {
  if (!entry) return { format: 'openai' };
  const text = typeof entry.value === 'string' ? entry.value.trim().toLowerCase() : undefined;
  const found = API_FORMATS.find((f) => f === text);
  if (found) return { format: found };
  const shown = typeof entry.value === 'string' ? entry.value : String(entry.value);
  return {
    format: 'openai',
    problem: `unknown api-format "${shown}" (expected openai, anthropic or responses) from ${entry.source.where}`,
  };
}

export function missingKeyProblem(name: ProviderName, keySource: ValueSource | undefined): string {
  const from = keySource ? ` (${keySource.where} has none)` : '';
  return `no API key${from}: set ${envName(name)}_API_KEY or api-key under [${name}]`;
}

export function statusOf(problems: readonly (string | undefined)[]): ProviderStatus {
  const reasons = problems.filter((p): p is string => p !== undefined);
  return reasons.length === 0 ? { kind: 'ready' } : { kind: 'partial', reason: reasons.join('; ') };
}
