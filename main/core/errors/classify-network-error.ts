import type { ProxyError } from './proxy-error.js';

export interface NetworkTimeouts {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly idleMs: number;
}

/** What each stable code means, worded for the message; unknown codes still pass through. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while the request was being sent',
  ETIMEDOUT: 'no answer at the TCP level',
  ENOTFOUND: 'host name not found in DNS',
  EAI_AGAIN: 'temporary DNS failure',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  UND_ERR_CLOSED: 'connection closed unexpectedly',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response shorter or longer than its content-length',
  CERT_HAS_EXPIRED: 'expired TLS certificate',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the TLS chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate that cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate issued for another host name',
  ERR_INVALID_URL: 'invalid base URL',
};

/** Failures where nothing was processed upstream, or a blip a second try usually survives. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

const ABORT_CODES: ReadonlySet<string> = new Set(['UND_ERR_ABORTED', 'ABORT_ERR']);

function field(value: unknown, name: 'code' | 'name' | 'cause'): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/**
 * The stable code of an error or of its causes (fetch wraps undici's error in a TypeError, whose
 * `cause` has the code; an AggregateError from happy-eyeballs has it on itself).
 */
function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e !== undefined && depth < 4; e = field(e, 'cause'), depth += 1) {
    const code = field(e, 'code');
    if (typeof code === 'string' && code !== '') return code;
  }
  return undefined;
}

function isAbort(error: unknown, code: string | undefined): boolean {
  // DOMException's name and undici's/Node's codes are stable identifiers; messages are not.
  return (code !== undefined && ABORT_CODES.has(code)) || field(error, 'name') === 'AbortError';
}

/**
 * Maps a thrown network failure to a ProxyError by undici's and the OS's stable `code`, never by
 * message text (undici docs: "Errors"). An error without any code is not a network failure but a
 * bug on our side, and is reported as internal, by its name only (messages may quote headers).
 */
export function classifyNetworkError(
  error: unknown,
  provider: string,
  timeouts: NetworkTimeouts,
): ProxyError {
  const code = codeOf(error);
  if (isAbort(error, code)) return { kind: 'client-aborted' };
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        kind: 'upstream-timeout',
        provider,
        phase: 'connect',
        timeoutMs: timeouts.connectMs,
      };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return {
        kind: 'upstream-timeout',
        provider,
        phase: 'headers',
        timeoutMs: timeouts.headersMs,
      };
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'upstream-timeout', provider, phase: 'idle', timeoutMs: timeouts.idleMs };
    case undefined: {
      const name = field(error, 'name');
      const shown = typeof name === 'string' && /^\w{1,40}$/.test(name) ? name : 'an unknown error';
      return {
        kind: 'internal',
        message: `Calling ${provider} failed inside the proxy (${shown}); this is a bug, please report it.`,
      };
    }
    default: {
      const what = NETWORK_CODES[code] ?? 'network failure';
      return {
        kind: 'upstream-network',
        provider,
        code,
        message: `${provider}: ${what} (${code}).`,
      };
    }
  }
}

/**
 * Whether another attempt may succeed and cannot double-process the request: connection-level
 * failures and resets (seen before the response, else the stream is the client's already) and a
 * headers timeout. An idle timeout mid-body is not retried: the upstream was working on it.
 */
export function isRetryableNetworkError(error: ProxyError): boolean {
  if (error.kind === 'upstream-timeout') return error.phase !== 'idle';
  if (error.kind === 'upstream-network') return RETRYABLE_CODES.has(error.code);
  return false;
}
