/**
 * Health of one upstream key as anyone outside the key pool may see it: a status and a hint,
 * never the key (CONFIG.md: last 4 characters of a key of at least 16, else a short hash).
 */
export type KeyStatus =
  | { readonly kind: 'healthy' }
  /** 401/403 from the upstream: unusable until the key's config changes. */
  | { readonly kind: 'invalid'; readonly httpStatus: number; readonly since: number }
  /** 429: resting until `until` (epoch ms), then one probe request decides. */
  | { readonly kind: 'cooling-down'; readonly until: number; readonly failures: number }
  /** The rest ended: requests may try the key again, one at a time, and the first outcome decides. */
  | { readonly kind: 'probing' }
  /** Billing or quota used up (OpenAI insufficient_quota, Anthropic 402/spend cap): a long rest. */
  | { readonly kind: 'quota-exhausted'; readonly until: number };

export interface KeyHealthView {
  /** `…abcd` for keys of 16+ characters, otherwise `#1a2b3c` (short hash). */
  readonly hint: string;
  /** Short stable hash of the key, safe to print, used to tell keys apart. */
  readonly hash: string;
  readonly status: KeyStatus;
  readonly requests: number;
  readonly failures: number;
}
