/** What an attempt with a key told us about that key. */
export type KeyOutcome =
  | { readonly kind: 'success' }
  /** 401 or 403: the key is wrong or revoked. */
  | { readonly kind: 'unauthorized'; readonly httpStatus: number }
  /** 429 that is a rate limit: rest, honouring retry-after when given. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number | undefined }
  /** Quota or billing exhausted (OpenAI insufficient_quota, Anthropic 402 or spend cap). */
  | { readonly kind: 'quota-exhausted'; readonly retryAfterMs: number | undefined }
  /** A failure that says nothing about the key (5xx, network, client abort): health unchanged. */
  | { readonly kind: 'neutral' };

export interface KeyPolicy {
  readonly cooldownDefaultMs: number;
  readonly cooldownMaxMs: number;
  readonly quotaCooldownMs: number;
  /**
   * A probe lease never reported (a bug, or a caller that dropped it) frees the key for another
   * probe after this long, so a key cannot stay stuck in `probing`. Default 120 s.
   */
  readonly probeTimeoutMs?: number;
}

/** A key handed out for one attempt; report the outcome through it (once: later reports are ignored). */
export interface KeyLease {
  readonly key: string;
  readonly hint: string;
  report(outcome: KeyOutcome): void;
}
