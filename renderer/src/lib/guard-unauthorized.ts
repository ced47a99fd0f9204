import type { AdminClient } from '../../../shared/admin/admin-client.js';

/**
 * Any call answered `unauthorized` means the admin token is gone or stale: the whole window
 * switches to the "open the link" screen instead of showing the error on one page.
 */
export function guardUnauthorized(client: AdminClient, onUnauthorized: () => void): AdminClient {
  return {
    async call(operation, input) {
      const result = await client.call(operation, input);
      if (!result.ok && result.error.kind === 'unauthorized') onUnauthorized();
      return result;
    },
    subscribe: (listener) => client.subscribe(listener),
  };
}
