import { useCallback } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Loading } from '../../components/Loading.js';
import { clockOffset } from '../../lib/countdown.js';
import { useAdminQuery } from '../../lib/use-admin-query.js';
import { useOAuthStatus } from '../oauth/use-oauth-status.js';
import { AddProviderForm } from './AddProviderForm.js';
import { DefaultProviderNote } from './DefaultProviderNote.js';
import { ProviderCard } from './ProviderCard.js';

export function ProvidersPage() {
  const list = useAdminQuery('providers.list', {}, ['config', 'keys', 'oauth']);
  const settings = useAdminQuery('settings.get', {}, ['settings', 'config']);
  const data = list.data;
  const hasOAuth = data?.providers.some((p) => p.oauth !== null) ?? false;
  const oauth = useOAuthStatus(hasOAuth);
  const { reload: reloadList } = list;
  const { reload: reloadOAuth } = oauth;
  // After a sign-in action: the section (oauth.status) and the lock badge (the list) both move.
  const onOAuthChanged = useCallback(() => {
    reloadOAuth();
    reloadList();
  }, [reloadOAuth, reloadList]);
  const offset = data ? clockOffset(data.now, list.receivedAt) : 0;
  return (
    <>
      <h1>Providers</h1>
      <ErrorBanner error={list.error} />
      {data === null ? (
        list.error ? null : (
          <Loading what="providers" />
        )
      ) : (
        <>
          <DefaultProviderNote view={data.defaultProvider} />
          {data.providers.length === 0 ? (
            <p className="muted">
              No providers yet: add one below, or set OPENAI_API_KEY and restart.
            </p>
          ) : null}
          {data.providers.map((provider) => (
            <ProviderCard
              key={provider.name}
              provider={provider}
              clockOffset={offset}
              onChanged={list.reload}
              oauth={oauth}
              onOAuthChanged={onOAuthChanged}
            />
          ))}
          <AddProviderForm
            presets={data.presets}
            keysDisabled={settings.data?.secretStore.unavailable != null}
            onAdded={list.reload}
          />
        </>
      )}
    </>
  );
}
