interface Props {
  readonly provider: string;
  readonly busy: boolean;
  /** `undefined`: the proxy's default (the browser). */
  readonly onSignIn: (method?: 'device') => void;
  readonly onImport: (source: 'codex' | 'vandamme') => void;
  readonly signInLabel?: string;
}

/** Sign in (browser), a device code for when no browser can reach this machine, or an import. */
export function SignInActions({ provider, busy, onSignIn, onImport, signInLabel }: Props) {
  return (
    <div className="oauth-actions">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => onSignIn()}
        data-testid={`oauth-signin-${provider}`}
      >
        {signInLabel ?? 'Sign in'}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => onSignIn('device')}
        data-testid={`oauth-signin-device-${provider}`}
      >
        Use a device code
      </button>
      <span className="oauth-import">
        <span className="muted">Import login:</span>
        <button
          type="button"
          disabled={busy}
          onClick={() => onImport('codex')}
          data-testid={`oauth-import-codex-${provider}`}
          title="Copy the Codex CLI's existing login into the keychain"
        >
          Codex CLI
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onImport('vandamme')}
          data-testid={`oauth-import-vandamme-${provider}`}
          title="Copy vandamme-proxy's existing login into the keychain"
        >
          vandamme-proxy
        </button>
      </span>
    </div>
  );
}
