import { STATUS_CODES } from 'node:http';
import { assertNever } from '../../../shared/assert-never.js';
import type { KeyOutcome } from '../keys/model.js';
import { extractUpstreamError, type UpstreamErrorInfo } from './extract-upstream-error.js';
import type { ProxyError } from './proxy-error.js';
import { redactSecrets } from './redact-secrets.js';
import {
  headerValue,
  parseRetryAfterHeaderMs,
  parseRetryAfterMs,
  type UpstreamHeaders,
} from './retry-after.js';

export interface UpstreamFailure {
  readonly status: number;
  readonly headers: UpstreamHeaders;
  readonly bodyText: string;
  readonly provider: string;
  /** The provider's keys: each is scrubbed from the message wherever it appears. */
  readonly secrets: readonly string[];
  /** For HTTP-date and RFC 3339 reset headers; defaults to the wall clock. */
  readonly now?: number;
}

/** `other-key`: this key is the problem; `backoff`: the upstream is; `give-up`: the request is. */
export type NextStep = 'other-key' | 'backoff' | 'give-up';

export interface UpstreamVerdict {
  readonly keyOutcome: KeyOutcome;
  readonly next: NextStep;
  readonly error: ProxyError;
}

const QUOTA_NAMES =
  /insufficient_quota|quota_error|billing_error|spend_limit|insufficient_balance/i;
/**
 * Quota, credit or spend-cap exhaustion, which waiting a few seconds does not cure: OpenAI "You
 * exceeded your current quota", Anthropic "Your credit balance is too low" (a 400) and "You have
 * reached your specified API usage limits" (400), Azure "Out of call volume quota" (403),
 * OpenRouter/DeepSeek "Insufficient credits/balance" (402). Plain "quota" is not enough: Azure's
 * and Vertex's per-minute rate limits say "quota" too (azure-openai.txt, vertex-anthropic.txt).
 */
const QUOTA_WORDING =
  /credit balance|insufficient (?:balance|credits?|funds|quota)|exceeded your current quota|spend(?:ing)? (?:limit|cap)|api usage limits|out of (?:call volume )?quota/i;

function isQuota(info: UpstreamErrorInfo): boolean {
  const names = [info.type, info.code, info.detailCode].filter((n): n is string => n !== undefined);
  return names.some((n) => QUOTA_NAMES.test(n)) || QUOTA_WORDING.test(info.message ?? '');
}

interface Decision {
  readonly outcome: 'unauthorized' | 'rate-limited' | 'quota-exhausted' | 'neutral';
  readonly next: NextStep;
}

function decide(
  status: number,
  info: UpstreamErrorInfo,
  shouldRetry: string | undefined,
): Decision {
  const quota = { outcome: 'quota-exhausted', next: 'other-key' } as const;
  if (status === 402) return quota;
  if (status === 401) return { outcome: 'unauthorized', next: 'other-key' };
  // A quota 403 (Azure) must not mark the key invalid: it heals by itself.
  if (status === 403) return isQuota(info) ? quota : { outcome: 'unauthorized', next: 'other-key' };
  if (status === 429) return isQuota(info) ? quota : { outcome: 'rate-limited', next: 'other-key' };
  // Anthropic's credit-balance and self-set spend-limit errors are 400s, yet another key may work.
  if (status === 400 && isQuota(info)) return quota;
  // x-should-retry is the upstream's own verdict; the official SDKs obey it over the status.
  if (status >= 500)
    return { outcome: 'neutral', next: shouldRetry === 'false' ? 'give-up' : 'backoff' };
  return { outcome: 'neutral', next: shouldRetry === 'true' ? 'backoff' : 'give-up' };
}

function keyOutcomeOf(
  decision: Decision,
  status: number,
  retryAfterMs: number | undefined,
  explicitMs: number | undefined,
): KeyOutcome {
  switch (decision.outcome) {
    case 'unauthorized':
      return { kind: 'unauthorized', httpStatus: status };
    case 'rate-limited':
      return { kind: 'rate-limited', retryAfterMs };
    case 'quota-exhausted':
      // Rate-window resets say nothing about when a quota comes back; only an explicit ask does.
      return { kind: 'quota-exhausted', retryAfterMs: explicitMs };
    case 'neutral':
      return { kind: 'neutral' };
    default:
      return assertNever(decision.outcome);
  }
}

/**
 * What an upstream HTTP error means for the key, for the next attempt and for the client. The
 * message is taken from whichever envelope the upstream used and scrubbed of key material before
 * it goes anywhere.
 */
export function classifyUpstreamResponse(input: UpstreamFailure): UpstreamVerdict {
  const { status, headers, provider, secrets } = input;
  const now = input.now ?? Date.now();
  const info = extractUpstreamError(input.bodyText, headers);
  const decision = decide(status, info, headerValue(headers, 'x-should-retry')?.toLowerCase());
  const explicitMs = parseRetryAfterHeaderMs(headers, now) ?? info.retryDelayMs;
  const retryAfterMs = explicitMs ?? parseRetryAfterMs(headers, now);
  const redact = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : redactSecrets(text, secrets);
  const message = redact(info.message) ?? STATUS_CODES[status] ?? 'no details given';
  const quota = decision.outcome === 'quota-exhausted';
  return {
    keyOutcome: keyOutcomeOf(decision, status, retryAfterMs, explicitMs),
    next: decision.next,
    error: {
      kind: 'upstream-http',
      provider,
      status,
      upstreamType: redact(info.type),
      upstreamCode: redact(info.code),
      message,
      retryAfterMs: quota ? explicitMs : retryAfterMs,
      quota,
    },
  };
}
