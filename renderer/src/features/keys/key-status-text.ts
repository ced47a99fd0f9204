import type { KeyView } from '../../../../shared/admin/views.js';
import { assertNever } from '../../../../shared/assert-never.js';
import { formatCountdown } from '../../lib/countdown.js';

export type KeyTone = 'good' | 'warn' | 'bad' | 'info';

/** A key's badge: what a glance should tell (healthy, resting and for how long, dead). */
export function keyStatusText(
  status: KeyView['status'],
  remaining: (until: number) => number,
): { readonly text: string; readonly tone: KeyTone } {
  switch (status.kind) {
    case 'healthy':
      return { text: 'healthy', tone: 'good' };
    case 'invalid':
      return { text: `invalid (HTTP ${status.httpStatus})`, tone: 'bad' };
    case 'cooling-down': {
      const left = remaining(status.until);
      return left > 0
        ? { text: `cooling down ${formatCountdown(left)}`, tone: 'warn' }
        : { text: 'cooldown over, next request probes', tone: 'info' };
    }
    case 'probing':
      return { text: 'probing', tone: 'info' };
    case 'quota-exhausted': {
      const left = remaining(status.until);
      return left > 0
        ? { text: `quota exhausted, retry in ${formatCountdown(left)}`, tone: 'bad' }
        : { text: 'quota rest over, next request probes', tone: 'info' };
    }
    default:
      return assertNever(status);
  }
}

/** Keys that a "retry now" helps: anything not healthy. */
export const canRetry = (status: KeyView['status']): boolean => status.kind !== 'healthy';
