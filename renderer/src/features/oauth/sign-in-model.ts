import type {
  ProviderView,
  SignInStartView,
  TokenHealthView,
} from '../../../../shared/admin/views.js';
import { assertNever } from '../../../../shared/assert-never.js';
import { formatCountdown } from '../../lib/countdown.js';

export type OAuthStatusView = NonNullable<ProviderView['oauth']>;

/** A sign-in this window started: the answer of `oauth.signIn` and the local time it arrived. */
export interface StartedSignIn {
  readonly view: SignInStartView;
  readonly at: number;
}

/** What the sign-in section of one OAuth provider card shows. */
export type SignInModel =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signed-out'; readonly lastError: string | null }
  | { readonly kind: 'expired'; readonly since: number; readonly lastError: string | null }
  | {
      readonly kind: 'signed-in';
      readonly account: string | null;
      readonly expiresAt: number;
      readonly lastRefresh: number | null;
      readonly lastError: string | null;
    }
  | {
      readonly kind: 'pending-browser';
      readonly authorizeUrl: string;
      /** False when nobody opened a browser (headless, or this window did not start it). */
      readonly browserOpened: boolean;
    }
  | {
      readonly kind: 'pending-device';
      readonly userCode: string;
      readonly verificationUri: string;
      /** The URI with the code filled in, when the provider gives one and this window started it. */
      readonly verificationUriComplete: string | null;
      readonly expiresAt: number;
    };

export interface SignInModelInput {
  /** This provider's entry of `oauth.status`, or null before it arrived (or when it failed). */
  readonly health: TokenHealthView | null;
  /** Local time when `health` arrived. */
  readonly healthAt: number;
  /** The sign-in this window started last, if any. */
  readonly started: StartedSignIn | null;
  /** The lock-badge state from `providers.list`: used until `oauth.status` answers. */
  readonly fallback: OAuthStatusView | null;
}

type Pending = NonNullable<TokenHealthView['pending']>;

function pendingModel(pending: Pending, started: StartedSignIn | null): SignInModel {
  const view = started?.view;
  switch (pending.kind) {
    case 'browser':
      return {
        kind: 'pending-browser',
        authorizeUrl: pending.authorizeUrl,
        browserOpened:
          view?.kind === 'browser' && view.authorizeUrl === pending.authorizeUrl
            ? view.browserOpened
            : false,
      };
    case 'device':
      return {
        kind: 'pending-device',
        userCode: pending.userCode,
        verificationUri: pending.verificationUri,
        verificationUriComplete:
          view?.kind === 'device' && view.userCode === pending.userCode
            ? view.verificationUriComplete
            : null,
        expiresAt: pending.expiresAt,
      };
    default:
      return assertNever(pending);
  }
}

function startedAsPending(view: SignInStartView): Pending {
  return view.kind === 'browser'
    ? { kind: 'browser', authorizeUrl: view.authorizeUrl }
    : {
        kind: 'device',
        userCode: view.userCode,
        verificationUri: view.verificationUri,
        expiresAt: view.expiresAt,
      };
}

function statusModel(status: OAuthStatusView, health: TokenHealthView | null): SignInModel {
  const lastError = health?.lastError ?? null;
  switch (status.kind) {
    case 'signed-out':
      return { kind: 'signed-out', lastError };
    case 'expired':
      return { kind: 'expired', since: status.since, lastError };
    case 'signed-in':
      return {
        kind: 'signed-in',
        account: health?.account ?? status.account ?? null,
        expiresAt: status.expiresAt,
        lastRefresh: health?.lastRefresh ?? null,
        lastError,
      };
    default:
      return assertNever(status);
  }
}

/**
 * The proxy's `oauth.status` is the truth, except for a sign-in this window just started: until a
 * status newer than its answer arrives, the answer is shown (so the URL or code appears at once).
 * A newer status without `pending` means the sign-in ended (signed in, denied or cancelled).
 */
export function signInModel({
  health,
  healthAt,
  started,
  fallback,
}: SignInModelInput): SignInModel {
  const startedIsNewer = started !== null && (health === null || healthAt < started.at);
  if (startedIsNewer) return pendingModel(startedAsPending(started.view), started);
  if (health?.pending) return pendingModel(health.pending, started);
  const status = health?.status ?? fallback;
  return status ? statusModel(status, health) : { kind: 'loading' };
}

/** The lock badge follows the freshest state: `oauth.status` once it answered, else the list's. */
export function lockStatus(
  health: TokenHealthView | null,
  fallback: OAuthStatusView | null,
): OAuthStatusView | null {
  if (fallback === null) return null;
  return health?.status ?? fallback;
}

/** `expires in 42:10`, and what a passed expiry means (the proxy refreshes on the next request). */
export function expiresInText(remainingMs: number): string {
  return remainingMs > 0 ? `expires in ${formatCountdown(remainingMs)}` : 'expiry reached';
}

/** `just now`, `5 min ago`, `3 h ago`, `2 days ago`: how long since something happened. */
export function formatAgo(elapsedMs: number): string {
  const seconds = Math.floor(Math.max(0, elapsedMs) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(seconds / 3600);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(seconds / 86_400);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Only http(s) links are drawn as links; anything else (javascript:, file:) stays plain text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
