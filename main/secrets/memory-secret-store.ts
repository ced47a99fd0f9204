import { err, ok } from '../../shared/result.js';
import { invalidAccount } from './secret-errors.js';
import type { SecretStore } from './secret-store.js';

/** For tests and throwaway sessions: nothing survives the process. */
export const createMemorySecretStore = (): SecretStore => {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    description: 'memory (not persisted)',
    warning: undefined,
    get: async (account) => {
      const invalid = invalidAccount(account, 'get');
      return invalid ? err(invalid) : ok(secrets.get(account));
    },
    set: async (account, secret) => {
      const invalid = invalidAccount(account, 'set');
      if (invalid) return err(invalid);
      secrets.set(account, secret);
      return ok(undefined);
    },
    delete: async (account) => {
      const invalid = invalidAccount(account, 'delete');
      return invalid ? err(invalid) : ok(secrets.delete(account));
    },
    list: async () => ok([...secrets.keys()].sort()),
  };
};
