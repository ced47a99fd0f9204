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

const UPSTREAM_ONLY = new Set([
  'content-length',
  'content-encoding',
  'date',
  'server',
  'set-cookie',
]);

export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

const NONE: ReadonlySet<string> = new Set();

/** Headers of the named `connection` tokens are hop-by-hop too (RFC 9110 §7.6.1). */
function connectionTokens(headers: HeaderBag): ReadonlySet<string> {
  const value = headers['connection'];
  if (value === undefined) return NONE;
  const text = Array.isArray(value) ? value.join(',') : (value as string);
  // `keep-alive` and `close` are the usual values: nothing extra to drop.
  if (text === 'keep-alive' || text === 'close') return NONE;
  return new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * Both Node's incoming headers and undici's response headers have lower-case names already
 * (their documented contract), so names are used as given.
 */
function copyExcept(headers: HeaderBag, drop: ReadonlySet<string>): Record<string, string> {
  const named = connectionTokens(headers);
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name) || named.has(name)) continue;
    out[name] = typeof value === 'string' ? value : value.join(', ');
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
