import { assertNever } from '../../../shared/assert-never.js';
import type { KeyHealthView, KeyStatus } from '../../../shared/domain/key-status.js';
import { keyHash, keyHint } from '../../config/secret-hint.js';
import { quotaCooldownMs, rateLimitCooldownMs } from './cooldown.js';
import type { KeyOutcome, KeyPolicy } from './model.js';

/** Health as the pool keeps it; `resting` becomes probe-able once `until` has passed. */
export type SlotState =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'invalid'; readonly httpStatus: number; readonly since: number }
  | {
      readonly kind: 'resting';
      readonly reason: 'rate-limited' | 'quota-exhausted';
      readonly until: number;
    };

/** One key of a pool. Immutable: the pool replaces a slot on every change. */
export interface KeySlot {
  readonly key: string;
  readonly hint: string;
  readonly hash: string;
  readonly state: SlotState;
  readonly requests: number;
  /** Outcomes that blamed the key (401/403, 429, quota); 5xx and network errors do not count. */
  readonly failures: number;
  /** Consecutive rate limits since the last success: drives the exponential default cooldown. */
  readonly streak: number;
  /**
   * Serial of the last lease issued before the key was last put to rest or marked invalid. A lease
   * with a serial up to this one was already in flight then: its success does not heal the key,
   * and its 429 does not lengthen the streak (ten concurrent 429s are one rate limit, not ten).
   */
  readonly downgradedAt: number;
  /** The one lease allowed to try a key whose rest is over, until it reports or expires. */
  readonly probe: { readonly serial: number; readonly expiresAt: number } | undefined;
}

export type Availability = 'now' | 'probe' | 'busy' | 'resting' | 'never';

/** The one healthy state, shared: slots compare it by identity to skip no-op updates. */
const HEALTHY: SlotState = { kind: 'healthy' };

export function newSlot(key: string): KeySlot {
  return {
    key,
    hint: keyHint(key),
    hash: keyHash(key),
    state: HEALTHY,
    requests: 0,
    failures: 0,
    streak: 0,
    downgradedAt: 0,
    probe: undefined,
  };
}

/** A slot moved into a rebuilt pool: health kept, but lease serials and the in-flight probe belong to the old pool. */
export function carriedSlot(slot: KeySlot): KeySlot {
  return { ...slot, downgradedAt: 0, probe: undefined };
}

export function availability(slot: KeySlot, now: number): Availability {
  switch (slot.state.kind) {
    case 'healthy':
      return 'now';
    case 'invalid':
      return 'never';
    case 'resting':
      if (now < slot.state.until) return 'resting';
      return slot.probe !== undefined && slot.probe.expiresAt > now ? 'busy' : 'probe';
    default:
      return assertNever(slot.state);
  }
}

/** A probe in flight usually settles within seconds; a client told to retry later should come back soon. */
const BUSY_PROBE_RETRY_MS = 1000;

/** When this key can next be handed out; undefined for an invalid key. */
export function availableAt(slot: KeySlot, now: number): number | undefined {
  const use = availability(slot, now);
  if (use === 'now' || use === 'probe') return now;
  if (use === 'busy') return now + BUSY_PROBE_RETRY_MS;
  if (use === 'resting' && slot.state.kind === 'resting') return slot.state.until;
  return undefined;
}

export function leased(slot: KeySlot, serial: number, probeExpiresAt: number | undefined): KeySlot {
  const probe = probeExpiresAt === undefined ? slot.probe : { serial, expiresAt: probeExpiresAt };
  return { ...slot, requests: slot.requests + 1, probe };
}

function rest(slot: KeySlot, reason: 'rate-limited' | 'quota-exhausted', until: number): SlotState {
  // A key already marked invalid stays so; a longer rest already running is not shortened.
  if (slot.state.kind === 'invalid') return slot.state;
  if (slot.state.kind === 'resting' && slot.state.until >= until) return slot.state;
  return { kind: 'resting', reason, until };
}

export interface Settlement {
  readonly serial: number;
  /** Leases issued so far: becomes `downgradedAt` when this outcome downgrades the key. */
  readonly issued: number;
  readonly now: number;
  readonly policy: KeyPolicy;
}

/** The slot after a lease's outcome (CONFIG.md key health; the cooldown rules are in cooldown.ts). */
export function settled(slot: KeySlot, outcome: KeyOutcome, s: Settlement): KeySlot {
  const probe = slot.probe?.serial === s.serial ? undefined : slot.probe;
  const fresh = s.serial > slot.downgradedAt;
  const blamed = () => ({ ...slot, probe, failures: slot.failures + 1, downgradedAt: s.issued });
  switch (outcome.kind) {
    case 'success':
      // The common case changes nothing: keep the slot (this runs on every request).
      if (probe === slot.probe && (!fresh || (slot.state === HEALTHY && slot.streak === 0)))
        return slot;
      return fresh ? { ...slot, probe, state: HEALTHY, streak: 0 } : { ...slot, probe };
    case 'neutral':
      return probe === slot.probe ? slot : { ...slot, probe };
    case 'unauthorized': {
      const since = slot.state.kind === 'invalid' ? slot.state.since : s.now;
      return { ...blamed(), state: { kind: 'invalid', httpStatus: outcome.httpStatus, since } };
    }
    case 'rate-limited': {
      const streak = fresh ? slot.streak + 1 : Math.max(slot.streak, 1);
      const until = s.now + rateLimitCooldownMs(s.policy, streak, outcome.retryAfterMs);
      return { ...blamed(), streak, state: rest(slot, 'rate-limited', until) };
    }
    case 'quota-exhausted': {
      const until = s.now + quotaCooldownMs(s.policy, outcome.retryAfterMs);
      return { ...blamed(), state: rest(slot, 'quota-exhausted', until) };
    }
    default:
      return assertNever(outcome);
  }
}

function statusOf(slot: KeySlot, now: number): KeyStatus {
  const state = slot.state;
  if (state.kind !== 'resting') return state;
  // Once the rest is over the next request probes the key, so the UI shows it as probing already.
  if (now >= state.until) return { kind: 'probing' };
  return state.reason === 'rate-limited'
    ? { kind: 'cooling-down', until: state.until, failures: slot.streak }
    : { kind: 'quota-exhausted', until: state.until };
}

export function slotView(slot: KeySlot, now: number): KeyHealthView {
  return {
    hint: slot.hint,
    hash: slot.hash,
    status: statusOf(slot, now),
    requests: slot.requests,
    failures: slot.failures,
  };
}
