import { useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { useMutation } from '../../lib/use-mutation.js';

interface Props {
  readonly settings: SettingsView;
  readonly onSaved: (settings: SettingsView) => void;
}

/** Host and port; either may be owned by the environment or a TOML file, then shown read-only. */
export function AddressForm({ settings, onSaved }: Props) {
  const { host, port } = settings;
  const [hostText, setHostText] = useState(host.value);
  const [portText, setPortText] = useState(String(port.value));
  const save = useMutation('settings.set', onSaved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const portNumber = Number(portText);
    void save.run({
      ...(host.readOnly || hostText === host.value ? {} : { host: hostText }),
      ...(port.readOnly || portNumber === port.value ? {} : { port: portNumber }),
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="address-title">
      <h2 id="address-title">Proxy address</h2>
      <label htmlFor="settings-host">Host</label>
      {host.readOnly ? (
        <span className="read-only-value">
          <code>{host.value}</code> <SourceBadge source={host.source} />
        </span>
      ) : (
        <input id="settings-host" value={hostText} onChange={(e) => setHostText(e.target.value)} />
      )}
      <label htmlFor="settings-port">Port</label>
      {port.readOnly ? (
        <span className="read-only-value">
          <code>{port.value}</code> <SourceBadge source={port.source} />
        </span>
      ) : (
        <input
          id="settings-port"
          type="number"
          min={1}
          max={65535}
          value={portText}
          onChange={(e) => setPortText(e.target.value)}
        />
      )}
      {host.readOnly && port.readOnly ? null : (
        <div className="form-actions">
          <button type="submit" disabled={save.busy}>
            Save address
          </button>
        </div>
      )}
      <ErrorBanner error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
