import { useEffect, useRef, useState } from 'react';
import type { TokenHealthView } from '../../../../shared/admin/views.js';
import type { AppError } from '../../../../shared/domain/app-error.js';
import { assertNever } from '../../../../shared/assert-never.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Loading } from '../../components/Loading.js';
import { remainingMs } from '../../lib/countdown.js';
import { useMutation } from '../../lib/use-mutation.js';
import { useNow } from '../../lib/use-now.js';
import { PendingBrowserSignIn, PendingDeviceSignIn } from './PendingSignIn.js';
import { SignInActions } from './SignInActions.js';
import { TokenHealthPanel } from './TokenHealthPanel.js';
import {
  formatAgo,
  signInModel,
  type OAuthStatusView,
  type StartedSignIn,
} from './sign-in-model.js';

/** Said by the proxy in `oauth.status`; this stands in until it answers. */
const TERMS_FALLBACK =
  "Signing in uses your own subscription; that use is subject to the provider's terms of service.";

export interface OAuthSectionProps {
  readonly provider: string;
  /** This provider's entry of `oauth.status` (null until it answers). */
  readonly health: TokenHealthView | null;
  /** Local time when `oauth.status` arrived. */
  readonly healthAt: number;
  readonly termsNotice: string | null;
  /** Why `oauth.status` could not be read, if it could not. */
  readonly statusError: AppError | null;
  /** The lock-badge state from `providers.list`. */
  readonly fallback: OAuthStatusView;
  /** Proxy clock minus browser clock. */
  readonly clockOffset: number;
  /** Re-reads `oauth.status` and the provider list (the lock badge). */
  readonly onChanged: () => void;
}

/**
 * Sign-in of one OAuth provider: Sign in (system browser or device code) or import a login when
 * signed out, the link or code while it is under way, the token-health panel once signed in.
 * The sign-in finishes in the background; `changed: oauth` (or window focus) brings the result.
 */
export function OAuthSection(props: OAuthSectionProps) {
  const { provider, health, healthAt, termsNotice, statusError, fallback, clockOffset, onChanged } =
    props;
  const [started, setStarted] = useState<StartedSignIn | null>(null);
  const signIn = useMutation('oauth.signIn');
  const cancel = useMutation('oauth.cancel');
  const signOut = useMutation('oauth.signOut');
  const importLogin = useMutation('oauth.import');
  const busy = signIn.busy || cancel.busy || signOut.busy || importLogin.busy;
  const model = signInModel({ health, healthAt, started, fallback });
  const ticking =
    model.kind === 'signed-in' || model.kind === 'pending-device' || model.kind === 'expired';
  const now = useNow(ticking);

  // A token whose expiry passes is re-read once: the proxy has refreshed it or calls it expired.
  const expiryDue =
    model.kind === 'signed-in' && remainingMs(model.expiresAt, now, clockOffset) <= 0
      ? model.expiresAt
      : null;
  const reloadedFor = useRef<number | null>(null);
  useEffect(() => {
    if (expiryDue === null || reloadedFor.current === expiryDue) return;
    reloadedFor.current = expiryDue;
    onChanged();
  }, [expiryDue, onChanged]);

  const startSignIn = async (method?: 'device') => {
    const view = await signIn.run(method ? { provider, method } : { provider });
    if (view === null) return;
    setStarted({ view, at: Date.now() });
    onChanged();
  };
  const cancelSignIn = async () => {
    const done = await cancel.run({ provider });
    if (done === null) return;
    setStarted(null);
    onChanged();
  };
  const signOutNow = async () => {
    if ((await signOut.run({ provider })) !== null) onChanged();
  };
  const importFrom = async (source: 'codex' | 'vandamme') => {
    if ((await importLogin.run({ provider, source })) !== null) onChanged();
  };

  const actions = (signInLabel?: string) => (
    <SignInActions
      provider={provider}
      busy={busy}
      onSignIn={(method) => void startSignIn(method)}
      onImport={(source) => void importFrom(source)}
      signInLabel={signInLabel}
    />
  );

  const body = () => {
    switch (model.kind) {
      case 'loading':
        return <Loading what="sign-in state" />;
      case 'signed-out':
        return (
          <>
            <p className="muted">Not signed in.</p>
            {model.lastError !== null ? (
              <p className="tone-bad" data-testid={`oauth-last-error-${provider}`}>
                Last error: {model.lastError}
              </p>
            ) : null}
            {actions()}
          </>
        );
      case 'expired':
        return (
          <>
            <div className="banner banner-warn" data-testid={`oauth-expired-${provider}`}>
              <p className="banner-message">Sign-in expired: sign in again.</p>
              <p>Expired {formatAgo(now + clockOffset - model.since)}.</p>
              {model.lastError !== null ? <p>Last error: {model.lastError}</p> : null}
            </div>
            {actions('Sign in again')}
          </>
        );
      case 'signed-in':
        return (
          <TokenHealthPanel
            provider={provider}
            model={model}
            now={now}
            clockOffset={clockOffset}
            busy={busy}
            onSignOut={() => void signOutNow()}
            onSignInAgain={() => void startSignIn()}
          />
        );
      case 'pending-browser':
        return (
          <PendingBrowserSignIn
            provider={provider}
            model={model}
            busy={cancel.busy}
            onCancel={() => void cancelSignIn()}
          />
        );
      case 'pending-device':
        return (
          <PendingDeviceSignIn
            provider={provider}
            model={model}
            now={now}
            clockOffset={clockOffset}
            busy={busy}
            onCancel={() => void cancelSignIn()}
            onRestart={() => void startSignIn('device')}
          />
        );
      default:
        return assertNever(model);
    }
  };

  const actionError = signIn.error ?? cancel.error ?? signOut.error ?? importLogin.error;
  const clearErrors = () => {
    signIn.clearError();
    cancel.clearError();
    signOut.clearError();
    importLogin.clearError();
  };

  return (
    <section className="oauth-section" aria-labelledby={`oauth-title-${provider}`}>
      <h3 id={`oauth-title-${provider}`}>Sign-in</h3>
      <ErrorBanner error={statusError} />
      {body()}
      <ErrorBanner error={actionError} onDismiss={clearErrors} />
      <p className="muted oauth-terms" data-testid={`oauth-terms-${provider}`}>
        {termsNotice ?? TERMS_FALLBACK}
      </p>
    </section>
  );
}
