import { useMemo, useState } from 'react';
import { forgetAdminToken } from '../transport/admin-token.js';
import type { AdminConnection } from '../transport/choose-admin-client.js';
import { AdminContext } from '../lib/admin-context.js';
import { guardUnauthorized } from '../lib/guard-unauthorized.js';
import { App } from './App.js';
import { TokenNeeded } from './TokenNeeded.js';

export function Root({ connection }: { readonly connection: AdminConnection }) {
  const [refused, setRefused] = useState(false);
  const client = useMemo(
    () =>
      connection.kind === 'ready'
        ? guardUnauthorized(connection.client, () => {
            forgetAdminToken({ storage: sessionStorage });
            setRefused(true);
          })
        : null,
    [connection],
  );
  if (client === null || refused) return <TokenNeeded />;
  return (
    <AdminContext.Provider value={client}>
      <App />
    </AdminContext.Provider>
  );
}
