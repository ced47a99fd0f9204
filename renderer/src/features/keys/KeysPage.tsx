import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Loading } from '../../components/Loading.js';
import { clockOffset } from '../../lib/countdown.js';
import { useAdminQuery } from '../../lib/use-admin-query.js';
import { ProviderKeys } from './ProviderKeys.js';
import { SecretStoreNotice } from './SecretStoreNotice.js';

export function KeysPage() {
  const list = useAdminQuery('providers.list', {}, ['config', 'keys', 'oauth']);
  const settings = useAdminQuery('settings.get', {}, ['settings', 'config']);
  const store = settings.data?.secretStore ?? null;
  return (
    <>
      <h1>Keys</h1>
      <SecretStoreNotice store={store} />
      <ErrorBanner error={list.error ?? settings.error} />
      {list.data === null ? (
        list.error ? null : (
          <Loading what="keys" />
        )
      ) : (
        list.data.providers
          .filter((p) => p.authMode !== 'oauth')
          .map((provider) => (
            <ProviderKeys
              key={provider.name}
              provider={provider}
              clockOffset={clockOffset(list.data?.now ?? 0, list.receivedAt)}
              secretStore={store}
              onChanged={list.reload}
            />
          ))
      )}
    </>
  );
}
