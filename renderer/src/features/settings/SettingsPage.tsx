import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Loading } from '../../components/Loading.js';
import { useAdminQuery } from '../../lib/use-admin-query.js';
import { SecretStoreNotice } from '../keys/SecretStoreNotice.js';
import { AddressForm } from './AddressForm.js';
import { ClientTokenForm } from './ClientTokenForm.js';
import { LaunchAtLogin } from './LaunchAtLogin.js';

export function SettingsPage() {
  const settings = useAdminQuery('settings.get', {}, ['settings', 'config']);
  const data = settings.data;
  // Forms answer with the new settings; reloading keeps one source of truth for the page.
  const saved = () => settings.reload();
  return (
    <>
      <h1>Settings</h1>
      <ErrorBanner error={settings.error} />
      {data === null ? (
        settings.error ? null : (
          <Loading what="settings" />
        )
      ) : (
        <>
          {data.restartRequired ? (
            <div className="banner banner-warn" role="status" data-testid="restart-required">
              <p className="banner-message">Restart required</p>
              <p className="banner-fix">
                The new address is saved; the proxy keeps listening on{' '}
                {data.listeningUrl ?? 'the old one'} until it restarts.
              </p>
            </div>
          ) : null}
          <AddressForm
            key={`${data.host.value}:${data.port.value}`}
            settings={data}
            onSaved={saved}
          />
          <ClientTokenForm settings={data} onSaved={saved} />
          <LaunchAtLogin settings={data} onSaved={saved} />
          <section className="card" aria-labelledby="storage-title">
            <h2 id="storage-title">Storage</h2>
            <SecretStoreNotice store={data.secretStore} />
            <p>Secret store: {data.secretStore.description}</p>
            <p>
              Settings file: <code data-testid="settings-file">{data.settingsFile}</code>
            </p>
          </section>
        </>
      )}
    </>
  );
}
