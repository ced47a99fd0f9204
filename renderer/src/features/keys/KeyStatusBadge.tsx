import type { KeyView } from '../../../../shared/admin/views.js';
import { remainingMs } from '../../lib/countdown.js';
import { useNow } from '../../lib/use-now.js';
import { keyStatusText } from './key-status-text.js';

interface Props {
  readonly provider: string;
  readonly keyView: KeyView;
  /** Proxy clock minus browser clock, from the list's `now`. */
  readonly clockOffset: number;
}

export function KeyStatusBadge({ provider, keyView, clockOffset }: Props) {
  const { status } = keyView;
  const ticking = status.kind === 'cooling-down' || status.kind === 'quota-exhausted';
  const now = useNow(ticking);
  const { text, tone } = keyStatusText(status, (until) => remainingMs(until, now, clockOffset));
  return (
    <span
      className={`badge tone-${tone}`}
      data-testid={`key-status-${provider}-${keyView.hash}`}
      title={status.kind === 'cooling-down' ? `${status.failures} failures in a row` : undefined}
    >
      {text}
    </span>
  );
}
