/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded; the
 * others here are replaced by the proxy: credentials (the provider's go upstream instead),
 * framing it recomputes, and the encoding it negotiates itself.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const CLIENT_ONLY = new Set([
  'host',
  'content-length',
  'accept-encoding',
  'authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'origin',
  'referer',
]);

const UPSTREAM_ONLY = new Set(['content-length', 'content-encoding', 'date', 'server', 'set-cookie']);

export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers of the named `connection` tokens are hop-by-hop too (RFC 9110 §7.6.1). */
function connectionTokens(headers: HeaderBag): Set<string> {
  const value = headers['connection'];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return new Set(
    String(text)
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

function copyExcept(headers: HeaderBag, drop: ReadonlySet<string>): Record<string, string> {
  const named = connectionTokens(headers);
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name) || named.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** The client's end-to-end headers, minus what the proxy replaces (credentials, host, framing). */
export function forwardableRequestHeaders(headers: HeaderBag): Record<string, string> {
  return copyExcept(headers, CLIENT_ONLY);
}

/** The upstream's end-to-end headers for the client, minus framing the proxy recomputes. */
export function forwardableResponseHeaders(headers: HeaderBag): Record<string, string> {
  return copyExcept(headers, UPSTREAM_ONLY);
}
