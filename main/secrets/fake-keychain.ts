import type { KeychainEntry, KeychainEntryFactory } from './keychain-entry.js';

export type FakeKeychainOperation = 'construct' | 'get' | 'set' | 'delete';

/** An in-memory stand-in for the OS keychain, for tests; `failWith` makes matching calls throw. */
export interface FakeKeychain {
  readonly factory: KeychainEntryFactory;
  /** Raw contents keyed by `service\u0000account`, to assert what really got stored. */
  readonly entries: Map<string, string>;
  failWith(
    error: Error | undefined,
    when?: (operation: FakeKeychainOperation, account: string) => boolean,
  ): void;
}

export const createFakeKeychain = (): FakeKeychain => {
  const entries = new Map<string, string>();
  let failure:
    | { error: Error; when: (operation: FakeKeychainOperation, account: string) => boolean }
    | undefined;
  const check = (operation: FakeKeychainOperation, account: string): void => {
    if (failure?.when(operation, account)) throw failure.error;
  };
  const factory: KeychainEntryFactory = (service, account): KeychainEntry => {
    check('construct', account);
    const key = `${service}\u0000${account}`;
    return {
      getPassword: async () => {
        check('get', account);
        return entries.get(key) ?? null;
      },
      setPassword: async (password) => {
        check('set', account);
        entries.set(key, password);
      },
      deletePassword: async () => {
        check('delete', account);
        return entries.delete(key);
      },
    };
  };
  return {
    factory,
    entries,
    failWith: (error, when = () => true) => {
      failure = error ? { error, when } : undefined;
    },
  };
};
