import { AsyncEntry } from '@napi-rs/keyring';

/** The slice of `@napi-rs/keyring`'s AsyncEntry we use: a port, so tests can fake the OS keychain. */
export interface KeychainEntry {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}

/** May throw synchronously: on Linux the constructor already fails when D-Bus is missing. */
export type KeychainEntryFactory = (service: string, account: string) => KeychainEntry;

/**
 * Linux is pinned to the Secret Service: left to its default, keyring falls back to the kernel
 * keyring, which forgets everything at logout/reboot, i.e. keys vanish silently (MACHINE.md).
 * The option is ignored on macOS and Windows.
 */
export const createNativeKeychainEntry: KeychainEntryFactory = (service, account) =>
  new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
