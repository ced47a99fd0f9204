import type { ProviderView } from '../../../../shared/admin/views.js';
import { assertNever } from '../../../../shared/assert-never.js';

type OAuthView = NonNullable<ProviderView['oauth']>;

function lockText(status: OAuthView): { text: string; tone: 'good' | 'warn' | 'bad' } {
  switch (status.kind) {
    case 'signed-in':
      return {
        text: status.account ? `signed in as ${status.account}` : 'signed in',
        tone: 'good',
      };
    case 'expired':
      return { text: 'sign-in expired: sign in again', tone: 'bad' };
    case 'signed-out':
      return { text: 'signed out', tone: 'warn' };
    default:
      return assertNever(status);
  }
}

/** Drawn, not an emoji: not every Linux desktop has an emoji font. */
function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" strokeWidth="1.8" />
    </svg>
  );
}

/**
 * The lock badge that marks OAuth providers everywhere (PRODUCT.md), with the sign-in state:
 * `status` when a fresher one is known (`oauth.status`), else the list's.
 */
export function LockBadge({
  provider,
  status,
}: {
  readonly provider: ProviderView;
  readonly status?: OAuthView | null;
}) {
  if (provider.oauth === null) return null;
  const { text, tone } = lockText(status ?? provider.oauth);
  return (
    <span className={`badge tone-${tone}`} data-testid={`lock-badge-${provider.name}`}>
      <LockIcon />
      OAuth {text}
    </span>
  );
}
