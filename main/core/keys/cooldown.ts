import type { KeyPolicy } from './model.js';

/** A quota retry-after beyond this is not trusted: after a day we would rather probe the key. */
export const QUOTA_RETRY_AFTER_CAP_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_PROBE_TIMEOUT_MS = 120_000;

/**
 * Rest after a 429: the upstream's retry-after when given, else the default doubled for each
 * consecutive rate limit (1x, 2x, 4x, ...), never longer than `cooldownMaxMs`.
 */
export function rateLimitCooldownMs(
  policy: KeyPolicy,
  streak: number,
  retryAfterMs: number | undefined,
): number {
  const wanted = retryAfterMs ?? policy.cooldownDefaultMs * 2 ** Math.max(0, streak - 1);
  return Math.min(Math.max(0, wanted), policy.cooldownMaxMs);
}

/**
 * Rest after quota or billing exhaustion: at least `quotaCooldownMs` (a billing problem rarely
 * clears sooner, whatever a retry-after says), longer when the upstream asks for longer, but a
 * retry-after is believed only up to a day. Not capped by `cooldownMaxMs`, which is about 429s.
 */
export function quotaCooldownMs(policy: KeyPolicy, retryAfterMs: number | undefined): number {
  const asked = Math.min(Math.max(0, retryAfterMs ?? 0), QUOTA_RETRY_AFTER_CAP_MS);
  return Math.max(policy.quotaCooldownMs, asked);
}
