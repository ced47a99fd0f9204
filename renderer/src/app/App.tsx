import { useState } from 'react';
import { ActivityPage } from '../features/activity/ActivityPage.js';
import { AliasesPage } from '../features/aliases/AliasesPage.js';
import { KeysPage } from '../features/keys/KeysPage.js';
import { ProvidersPage } from '../features/providers/ProvidersPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { assertNever } from '../../../shared/assert-never.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { useAdminQuery } from '../lib/use-admin-query.js';
import { Nav } from './Nav.js';
import type { Page } from './pages.js';
import { StatusBanners } from './StatusBanners.js';
import { StatusBar } from './StatusBar.js';

function PageView({ page }: { readonly page: Page }) {
  switch (page) {
    case 'providers':
      return <ProvidersPage />;
    case 'keys':
      return <KeysPage />;
    case 'aliases':
      return <AliasesPage />;
    case 'activity':
      return <ActivityPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return assertNever(page);
  }
}

export function App() {
  const [page, setPage] = useState<Page>('providers');
  const status = useAdminQuery('app.status', {}, ['status', 'config', 'keys', 'oauth', 'settings']);
  return (
    <div className="layout">
      <header className="top">
        <span className="brand">Vandamme</span>
        <Nav current={page} onSelect={setPage} />
      </header>
      {status.data ? <StatusBar status={status.data} /> : null}
      <main className="content">
        <ErrorBanner error={status.error} />
        {status.data ? <StatusBanners status={status.data} /> : null}
        <PageView page={page} />
      </main>
    </div>
  );
}
