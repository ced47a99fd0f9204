import { CopyButton } from '../../components/CopyButton.js';
import { formatCountdown, remainingMs } from '../../lib/countdown.js';
import { ExternalLink } from './ExternalLink.js';
import type { SignInModel } from './sign-in-model.js';

type PendingBrowser = Extract<SignInModel, { kind: 'pending-browser' }>;
type PendingDevice = Extract<SignInModel, { kind: 'pending-device' }>;

function CancelButton({
  provider,
  busy,
  onCancel,
}: {
  readonly provider: string;
  readonly busy: boolean;
  readonly onCancel: () => void;
}) {
  return (
    <button
      type="button"
      disabled={busy}
      onClick={onCancel}
      data-testid={`oauth-cancel-${provider}`}
    >
      Cancel
    </button>
  );
}

/** Browser sign-in under way: the link (opened already, or to open by hand) and Cancel. */
export function PendingBrowserSignIn({
  provider,
  model,
  busy,
  onCancel,
}: {
  readonly provider: string;
  readonly model: PendingBrowser;
  readonly busy: boolean;
  readonly onCancel: () => void;
}) {
  return (
    <div className="oauth-pending">
      <p role="status">
        {model.browserOpened
          ? 'Your browser was opened to sign in. If it did not open, use this link:'
          : 'Open this link in a browser to sign in:'}
      </p>
      <p className="oauth-link-line">
        <ExternalLink url={model.authorizeUrl} testId={`oauth-authorize-url-${provider}`} />
        <CopyButton text={model.authorizeUrl} label="Copy link" />
      </p>
      <p className="oauth-actions">
        <span className="muted">Waiting for the browser…</span>
        <CancelButton provider={provider} busy={busy} onCancel={onCancel} />
      </p>
    </div>
  );
}

/** Device sign-in under way: the code to type, where to type it, how long it lasts, Cancel. */
export function PendingDeviceSignIn({
  provider,
  model,
  now,
  clockOffset,
  busy,
  onCancel,
  onRestart,
}: {
  readonly provider: string;
  readonly model: PendingDevice;
  readonly now: number;
  readonly clockOffset: number;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onRestart: () => void;
}) {
  const left = remainingMs(model.expiresAt, now, clockOffset);
  return (
    <div className="oauth-pending">
      <p role="status">
        On any device, open{' '}
        <ExternalLink url={model.verificationUriComplete ?? model.verificationUri}>
          {model.verificationUri}
        </ExternalLink>{' '}
        and enter this code:
      </p>
      <p className="oauth-link-line">
        <code className="oauth-user-code" data-testid={`oauth-user-code-${provider}`}>
          {model.userCode}
        </code>
        <CopyButton text={model.userCode} label="Copy code" />
      </p>
      {left > 0 ? (
        <p className="oauth-actions">
          <span className="muted" data-testid={`oauth-device-expires-${provider}`}>
            Waiting for you to enter it… the code expires in {formatCountdown(left)}
          </span>
          <CancelButton provider={provider} busy={busy} onCancel={onCancel} />
        </p>
      ) : (
        <p className="oauth-actions">
          <span className="tone-warn" data-testid={`oauth-device-expires-${provider}`}>
            This code has expired.
          </span>
          <button type="button" disabled={busy} onClick={onRestart}>
            Get a new code
          </button>
          <CancelButton provider={provider} busy={busy} onCancel={onCancel} />
        </p>
      )}
    </div>
  );
}
