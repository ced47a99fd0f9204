import type * as Keyring from '@napi-rs/keyring';

/** The slice of `@napi-rs/keyring`'s AsyncEntry we use: a port, so tests can fake the OS keychain. */
export interface KeychainEntry {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}

/** May throw (or reject): on Linux the native constructor already fails when D-Bus is missing. */
export type KeychainEntryFactory = (service: string, account: string) => KeychainEntry;

/**
 * Linux is pinned to the Secret Service: left to its default, keyring falls back to the kernel
 * keyring, which forgets everything at logout/reboot, i.e. keys vanish silently (MACHINE.md).
 * The option is ignored on macOS and Windows.
 */
let keyring: Promise<typeof Keyring> | undefined;

/**
 * The native module is loaded on first use, not at start: a process that uses the file or memory
 * store (tests, servers) never maps it, which saves ~3 MB of idle memory (bench/RESULTS.md).
 */
export const createNativeKeychainEntry: KeychainEntryFactory = (service, account) => {
  let entry: Promise<Keyring.AsyncEntry> | undefined;
  const native = (): Promise<Keyring.AsyncEntry> =>
    (entry ??= (keyring ??= import('@napi-rs/keyring')).then(
      ({ AsyncEntry: Entry }) =>
        new Entry(service, account, { linux: { store: 'secret-service' } }),
    ));
  return {
    getPassword: async () => (await native()).getPassword(),
    setPassword: async (password) => (await native()).setPassword(password),
    deletePassword: async () => (await native()).deletePassword(),
  };
};
