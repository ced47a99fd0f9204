import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { assertNever } from '../../shared/assert-never.js';
import { err, ok, type Result } from '../../shared/result.js';
import { createFileSecretStore } from './file-secret-store.js';
import type { KeychainEntryFactory } from './keychain-entry.js';
import {
  createKeychainSecretStore,
  describeKeychain,
  keychainFix,
} from './keychain-secret-store.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import type { SecretError, SecretStore, SecretStoreKind } from './secret-store.js';

export const SECRETS_FILE_NAME = 'secrets.json';

export interface OpenSecretStoreOptions {
  readonly service?: string;
  readonly platform?: NodeJS.Platform;
  readonly entryFactory?: KeychainEntryFactory;
}

/**
 * A keychain can exist yet be unusable (no D-Bus session, locked collection, denied prompt), and
 * that must surface now, as a reason and a fix, not later as a key that was never saved. The probe
 * writes, reads back and deletes one throwaway account.
 */
const probeKeychain = async (
  store: SecretStore,
  platform: NodeJS.Platform,
): Promise<Result<void, SecretError>> => {
  const account = `__probe__/${randomBytes(6).toString('hex')}`;
  const value = `probe-${randomBytes(6).toString('hex')}`;
  const written = await store.set(account, value);
  if (!written.ok) return written;
  const read = await store.get(account);
  const removed = await store.delete(account);
  if (!read.ok) return read;
  if (read.value !== value) {
    return err({
      kind: 'unavailable',
      reason: `${describeKeychain(platform)} accepted a value but did not return it (not persisting?)`,
      fix: keychainFix(platform),
    });
  }
  return removed.ok ? ok(undefined) : removed;
};

export const openSecretStore = async (
  kind: SecretStoreKind,
  vdmHome: string,
  options: OpenSecretStoreOptions = {},
): Promise<Result<SecretStore, SecretError>> => {
  switch (kind) {
    case 'keychain': {
      const platform = options.platform ?? process.platform;
      const store = createKeychainSecretStore({ ...options, platform });
      const probe = await probeKeychain(store, platform);
      if (probe.ok) return ok(store);
      // Any probe failure means secrets would not be kept safely: report it as unavailable.
      return err(
        probe.error.kind === 'unavailable'
          ? probe.error
          : { kind: 'unavailable', reason: probe.error.message, fix: keychainFix(platform) },
      );
    }
    case 'file':
      return ok(createFileSecretStore(join(vdmHome, SECRETS_FILE_NAME)));
    case 'memory':
      return ok(createMemorySecretStore());
    default:
      return assertNever(kind);
  }
};
