import { remainingMs } from '../../lib/countdown.js';
import { expiresInText, formatAgo, type SignInModel } from './sign-in-model.js';

type SignedIn = Extract<SignInModel, { kind: 'signed-in' }>;

interface Props {
  readonly provider: string;
  readonly model: SignedIn;
  /** Local time, ticking every second. */
  readonly now: number;
  readonly clockOffset: number;
  readonly busy: boolean;
  readonly onSignOut: () => void;
  readonly onSignInAgain: () => void;
}

/** Who is signed in, how long the token lasts, when it was last refreshed and what failed last. */
export function TokenHealthPanel({
  provider,
  model,
  now,
  clockOffset,
  busy,
  onSignOut,
  onSignInAgain,
}: Props) {
  const left = remainingMs(model.expiresAt, now, clockOffset);
  return (
    <div className="oauth-health" data-testid={`oauth-health-${provider}`}>
      <dl className="fields">
        <div className="field">
          <dt>Account</dt>
          <dd>{model.account ?? <span className="muted">(not given by the provider)</span>}</dd>
        </div>
        <div className="field">
          <dt>Token</dt>
          <dd
            className={left > 0 ? undefined : 'tone-warn'}
            title={new Date(model.expiresAt).toLocaleString()}
          >
            {expiresInText(left)}
          </dd>
        </div>
        <div className="field">
          <dt>Last refresh</dt>
          <dd>
            {model.lastRefresh === null ? (
              <span className="muted">not yet</span>
            ) : (
              <span title={new Date(model.lastRefresh).toLocaleString()}>
                {formatAgo(now + clockOffset - model.lastRefresh)}
              </span>
            )}
          </dd>
        </div>
        {model.lastError !== null ? (
          <div className="field">
            <dt>Last error</dt>
            <dd className="tone-bad">{model.lastError}</dd>
          </div>
        ) : null}
      </dl>
      <div className="oauth-actions">
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={onSignOut}
          data-testid={`oauth-signout-${provider}`}
        >
          Sign out
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={onSignInAgain}
          data-testid={`oauth-signin-again-${provider}`}
        >
          Sign in again
        </button>
      </div>
    </div>
  );
}
