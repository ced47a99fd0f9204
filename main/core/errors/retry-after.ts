export type UpstreamHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** First value of a header, looked up case-insensitively (undici lower-cases, fakes may not). */
export function headerValue(headers: UpstreamHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  let value = headers[lower];
  if (value === undefined) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === lower);
    value = key === undefined ? undefined : headers[key];
  }
  const first = typeof value === 'string' ? value : value?.[0];
  const trimmed = first?.trim();
  return trimmed === '' ? undefined : trimmed;
}

const NUMBER = /^\d+(?:\.\d+)?$/;

function nonNegative(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : undefined;
}

function untilDate(text: string, now: number): number | undefined {
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : nonNegative(at - now);
}

const UNIT_MS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 1e-6,
};
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gy;

/**
 * A reset duration: OpenAI writes Go durations ("6m0s", "6.57s", "360ms"), Azure plain seconds
 * ("6"). Anything else is ignored rather than guessed at.
 */
export function parseDurationMs(text: string): number | undefined {
  if (NUMBER.test(text)) return nonNegative(Number(text) * 1000);
  DURATION_PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = DURATION_PART.exec(text); match; match = DURATION_PART.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    consumed = DURATION_PART.lastIndex;
  }
  return consumed > 0 && consumed === text.length ? nonNegative(total) : undefined;
}

/**
 * Of several reset times, the ones whose `remaining` is 0 are the limits actually hit; when none is
 * known to be exhausted (a request larger than what is left), the latest reset is the safe wait.
 */
function relevantReset(
  headers: UpstreamHeaders,
  limits: readonly { readonly remaining: string; readonly reset: string }[],
  parse: (value: string) => number | undefined,
): number | undefined {
  const known = limits.flatMap(({ remaining, reset }) => {
    const raw = headerValue(headers, reset);
    const ms = raw === undefined ? undefined : parse(raw);
    return ms === undefined ? [] : [{ ms, exhausted: headerValue(headers, remaining) === '0' }];
  });
  if (known.length === 0) return undefined;
  const exhausted = known.filter((k) => k.exhausted);
  return Math.max(...(exhausted.length > 0 ? exhausted : known).map((k) => k.ms));
}

const OPENAI_LIMITS = ['requests', 'tokens'].map((l) => ({
  remaining: `x-ratelimit-remaining-${l}`,
  reset: `x-ratelimit-reset-${l}`,
}));
const ANTHROPIC_LIMITS = ['requests', 'tokens', 'input-tokens', 'output-tokens'].map((l) => ({
  remaining: `anthropic-ratelimit-${l}-remaining`,
  reset: `anthropic-ratelimit-${l}-reset`,
}));

/**
 * What the upstream explicitly asks: `retry-after-ms` (Azure; the official SDKs read it first),
 * then `retry-after` in seconds or as an HTTP date (RFC 9110 section 10.2.3).
 */
export function parseRetryAfterHeaderMs(headers: UpstreamHeaders, now: number): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && NUMBER.test(ms)) return nonNegative(Number(ms));
  const after = headerValue(headers, 'retry-after');
  if (after === undefined) return undefined;
  return NUMBER.test(after) ? nonNegative(Number(after) * 1000) : untilDate(after, now);
}

/**
 * How long to wait before this key can succeed again, in ms: the explicit retry-after when given,
 * else the rate-limit reset headers (OpenAI durations, Azure seconds, Anthropic RFC 3339 times),
 * which say when the exhausted window reopens.
 */
export function parseRetryAfterMs(headers: UpstreamHeaders, now: number): number | undefined {
  return (
    parseRetryAfterHeaderMs(headers, now) ??
    relevantReset(headers, OPENAI_LIMITS, parseDurationMs) ??
    relevantReset(headers, ANTHROPIC_LIMITS, (value) => untilDate(value, now))
  );
}

export interface BackoffOptions {
  readonly baseMs?: number;
  readonly capMs?: number;
  readonly retryAfterMs?: number | undefined;
}

export const DEFAULT_BACKOFF_BASE_MS = 250;
export const DEFAULT_BACKOFF_CAP_MS = 4000;

/**
 * Delay before retry number `attempt` (1 for the first retry): "full jitter" exponential backoff
 * (uniform in [0, min(cap, base * 2^(attempt-1))]), which spreads retries of many clients best
 * (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter). A retry-after within the cap
 * is obeyed exactly; a longer one is more than a waiting client tolerates, so we back off as usual
 * and the final error hands the retry-after to the client.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number,
  opts: BackoffOptions = {},
): number {
  const base = opts.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const cap = opts.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const retryAfter = opts.retryAfterMs;
  if (retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter <= cap) {
    return Math.max(0, Math.round(retryAfter));
  }
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(cap, base * 2 ** Math.min(exponent, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(r * ceiling);
}
