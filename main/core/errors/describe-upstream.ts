import { assertNever } from '../../../shared/assert-never.js';
import type { ProxyError } from './proxy-error.js';
import { apiKeyVariable, formatDuration, sentence } from './format-units.js';

type Of<K extends ProxyError['kind']> = Extract<ProxyError, { kind: K }>;

function retryHint(retryAfterMs: number | undefined, otherwise: string): string {
  return retryAfterMs === undefined ? otherwise : `in ${formatDuration(retryAfterMs)}`;
}

function upstreamAdvice(error: Of<'upstream-http'>): string {
  const { provider, status, retryAfterMs } = error;
  if (error.quota) {
    return `The quota, credit or spend limit behind this ${provider} key is used up: add credit or another key; retrying will not help.`;
  }
  if (status === 401) {
    return `Check the key configured for ${provider} (${apiKeyVariable(provider)}, vandamme-config.toml or the app's Keys page), or the key your client sends if ${provider} uses passthrough.`;
  }
  if (status === 403)
    return `The key may not use this model or resource; check its permissions at ${provider}.`;
  if (status === 404) return `Check the model name and ${provider}'s base URL.`;
  if (status === 413)
    return 'Send less: fewer or smaller images and files, or compact the conversation.';
  if (status === 429) return `Retry ${retryHint(retryAfterMs, 'in a moment')}, or add another key.`;
  if (status === 529)
    return `${provider} is overloaded; retry ${retryHint(retryAfterMs, 'in a moment')}.`;
  if (status >= 500)
    return `The fault is on ${provider}'s side; retry ${retryHint(retryAfterMs, 'in a moment')}.`;
  return '';
}

/** Keeps the upstream's own words (already redacted) and adds what to do about them. */
export function describeUpstreamHttp(error: Of<'upstream-http'>): string {
  const type = error.upstreamType === undefined ? '' : ` ${error.upstreamType}`;
  const head = sentence(`${error.provider} answered HTTP ${error.status}${type}: ${error.message}`);
  const advice = upstreamAdvice(error);
  return advice === '' ? head : `${head} ${advice}`;
}

/** Codes where the address or the server is the problem, not a passing blip. */
const SETUP_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function describeUpstreamNetwork(error: Of<'upstream-network'>): string {
  const advice = SETUP_CODES.has(error.code)
    ? `Check ${error.provider}'s base URL and that its server is running and reachable, then retry.`
    : 'Retry; if it keeps happening, check your network or proxy settings.';
  return `${sentence(error.message)} ${advice}`;
}

export function describeUpstreamTimeout(error: Of<'upstream-timeout'>): string {
  const within = formatDuration(error.timeoutMs);
  switch (error.phase) {
    case 'connect':
      return `${error.provider} did not accept a connection within ${within}. Check its base URL and your network, or try again.`;
    case 'headers':
      return `${error.provider} did not send response headers within ${within}. Raise REQUEST_TIMEOUT or the provider's timeout, or try again.`;
    case 'idle':
      return `${error.provider} sent nothing for ${within} in the middle of its response. Try again; if long pauses are expected, raise the stream idle timeout.`;
    default:
      return assertNever(error.phase);
  }
}

export function describeNoHealthyKey(error: Of<'no-healthy-key'>): string {
  const states = error.detail === '' ? '' : ` (${error.detail})`;
  if (error.allInvalid) {
    return `Every API key of ${error.provider} was rejected as invalid${states}. Replace them in ${apiKeyVariable(error.provider)}, vandamme-config.toml or the app's Keys page.`;
  }
  const when =
    error.retryAfterMs === undefined ? 'later' : `in ${formatDuration(error.retryAfterMs)}`;
  return `No API key of ${error.provider} can be used right now${states}. Retry ${when}, or add another key.`;
}
