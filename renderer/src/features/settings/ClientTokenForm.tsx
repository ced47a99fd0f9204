import { useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { useMutation } from '../../lib/use-mutation.js';

interface Props {
  readonly settings: SettingsView;
  readonly onSaved: (settings: SettingsView) => void;
}

/** The token clients must present (PROXY_API_KEY). Written here, never shown back: only a hint. */
export function ClientTokenForm({ settings, onSaved }: Props) {
  const { clientToken } = settings;
  const [token, setToken] = useState('');
  const save = useMutation('settings.set', (value) => {
    setToken('');
    onSaved(value);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== '') void save.run({ clientToken: token });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="client-token-title">
      <h2 id="client-token-title">Client token</h2>
      <span>Status</span>
      <span data-testid="client-token-status">
        {clientToken.set ? (
          <>
            set <code>{clientToken.hint}</code>: clients must send it
          </>
        ) : (
          'not set: any local client may use the proxy'
        )}{' '}
        <SourceBadge source={clientToken.source} />
      </span>
      {clientToken.readOnly ? null : (
        <>
          <label htmlFor="client-token-input">{clientToken.set ? 'Replace with' : 'Set to'}</label>
          <input
            id="client-token-input"
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" disabled={save.busy || token.trim() === ''}>
              {clientToken.set ? 'Replace token' : 'Set token'}
            </button>
            {clientToken.set ? (
              <button
                type="button"
                className="danger"
                disabled={save.busy}
                onClick={() => void save.run({ clientToken: null })}
              >
                Stop requiring a token
              </button>
            ) : null}
          </div>
        </>
      )}
      <ErrorBanner error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
