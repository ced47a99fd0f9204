import type { KeyHealthView } from '../../../shared/domain/key-status.js';
import type { Clock } from '../clock.js';
import { DEFAULT_PROBE_TIMEOUT_MS } from './cooldown.js';
import {
  availability,
  availableAt,
  carriedSlot,
  leased,
  newSlot,
  settled,
  slotView,
  type KeySlot,
} from './key-slot.js';
import type { KeyLease, KeyOutcome, KeyPolicy } from './model.js';

/**
 * The keys of one provider: round-robin over the usable ones, with per-key health fed by the
 * outcome each lease reports. Keys are never handed out while invalid or resting; once a rest is
 * over, exactly one request at a time may probe the key.
 */
export class KeyPool {
  private readonly slots: KeySlot[];
  private policy: KeyPolicy;
  private cursor = 0;
  /** Leases handed out so far; each lease's serial. */
  private issued = 0;

  /**
   * `previous`: the pool this one replaces after a config change. Health carries over for keys
   * present in both; new keys start healthy. Leases of the old pool keep reporting to the old pool,
   * so a late answer cannot touch this one.
   */
  constructor(
    keys: readonly string[],
    policy: KeyPolicy,
    private readonly clock: Clock,
    previous?: KeyPool,
  ) {
    this.policy = policy;
    // Duplicates would only skew rotation towards one key; empty strings are no keys.
    const unique = [...new Set(keys)].filter((k) => k !== '');
    const carried = new Map(previous?.slots.map((slot) => [slot.key, slot]));
    this.slots = unique.map((key) => {
      const old = carried.get(key);
      return old ? carriedSlot(old) : newSlot(key);
    });
  }

  get size(): number {
    return this.slots.length;
  }

  setPolicy(policy: KeyPolicy): void {
    this.policy = policy;
  }

  /**
   * The next usable key after the last one handed out, skipping `exclude` (keys this request has
   * already tried). Every call advances the rotation, so concurrent requests spread over the keys.
   */
  acquire(exclude?: ReadonlySet<string>): KeyLease | undefined {
    const now = this.clock.now();
    const count = this.slots.length;
    for (let i = 0; i < count; i++) {
      const index = (this.cursor + i) % count;
      const slot = this.slots[index];
      if (!slot || exclude?.has(slot.key)) continue;
      const use = availability(slot, now);
      if (use !== 'now' && use !== 'probe') continue;
      this.cursor = (index + 1) % count;
      const serial = ++this.issued;
      const probeExpiresAt =
        use === 'probe'
          ? now + (this.policy.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS)
          : undefined;
      this.slots[index] = leased(slot, serial, probeExpiresAt);
      return this.lease(index, slot, serial);
    }
    return undefined;
  }

  private lease(index: number, slot: KeySlot, serial: number): KeyLease {
    let reported = false;
    return {
      key: slot.key,
      hint: slot.hint,
      report: (outcome: KeyOutcome) => {
        if (reported) return;
        reported = true;
        this.settle(index, serial, outcome);
      },
    };
  }

  private settle(index: number, serial: number, outcome: KeyOutcome): void {
    const slot = this.slots[index];
    if (!slot) return;
    this.slots[index] = settled(slot, outcome, {
      serial,
      issued: this.issued,
      now: this.clock.now(),
      policy: this.policy,
    });
  }

  /**
   * The window's "retry now": the key (or every key) is healthy again and the next request may use
   * it. Counters stay; leases already in flight keep reporting, and their outcome still counts.
   * Returns how many keys were reset.
   */
  resetHealth(hash?: string): number {
    let reset = 0;
    this.slots.forEach((slot, index) => {
      if (hash !== undefined && slot.hash !== hash) return;
      this.slots[index] = {
        ...newSlot(slot.key),
        requests: slot.requests,
        failures: slot.failures,
        downgradedAt: this.issued,
      };
      reset += 1;
    });
    return reset;
  }

  health(): readonly KeyHealthView[] {
    const now = this.clock.now();
    return this.slots.map((slot) => slotView(slot, now));
  }

  /**
   * When a key can next be handed out (now, if one can): the end of the earliest rest, or shortly
   * if only a probe is in flight. Undefined when every key is invalid or there are none; the
   * server turns this into a 429 `retry-after`.
   */
  nextAvailableAt(): number | undefined {
    const now = this.clock.now();
    let earliest: number | undefined;
    for (const slot of this.slots) {
      const at = availableAt(slot, now);
      if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
    }
    return earliest;
  }
}
