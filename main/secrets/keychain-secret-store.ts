import { err, ok, type Result } from '../../shared/result.js';
import {
  createNativeKeychainEntry,
  type KeychainEntry,
  type KeychainEntryFactory,
} from './keychain-entry.js';
import { failed, invalidAccount, messageOf, redactError } from './secret-errors.js';
import {
  DEFAULT_SECRET_SERVICE,
  type SecretError,
  type SecretOperation,
  type SecretStore,
} from './secret-store.js';
import { createSerialQueue } from './serial-queue.js';

/**
 * keyring has no portable "list accounts of a service": findCredentialsAsync takes no store
 * option, so on Linux it cannot be pinned to the Secret Service. We keep our own index of account
 * names (a JSON array, never values) in one extra entry of the same service.
 */
export const KEYCHAIN_INDEX_ACCOUNT = '__index__';

export interface KeychainSecretStoreOptions {
  readonly service?: string;
  readonly platform?: NodeJS.Platform;
  readonly entryFactory?: KeychainEntryFactory;
}

// keyring-rs PlatformFailure / NoStorageAccess / NoDefaultStore and the D-Bus transport errors all
// mean "there is no usable keychain here", not "this one operation failed". The JS error code is a
// generic 'GenericFailure', so the message is all there is to classify on.
const UNAVAILABLE_PATTERN =
  /platform failure|secure storage|no default store|no ?storage ?access|d-?bus|secret ?service|org\.freedesktop|keyring is locked|is locked|not unlocked|user ?interaction is not allowed|prompt (was )?dismissed/i;

export const describeKeychain = (platform: NodeJS.Platform): string => {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    case 'linux':
      return 'Secret Service (GNOME Keyring, KWallet or another provider)';
    default:
      return `OS keychain (${platform})`;
  }
};

export const keychainFix = (platform: NodeJS.Platform): string => {
  const fileFallback = 'or set VDM_SECRET_STORE=file to accept a plain-text file (0600)';
  switch (platform) {
    case 'darwin':
      return `unlock your login keychain in Keychain Access and allow Vandamme Desktop access, ${fileFallback}`;
    case 'win32':
      return `make sure Windows Credential Manager is running for your user, ${fileFallback}`;
    case 'linux':
      return `install and unlock gnome-keyring (apt install gnome-keyring) or another Secret Service provider in a D-Bus session, ${fileFallback}`;
    default:
      return `this platform has no supported keychain; ${fileFallback}`;
  }
};

const parseIndex = (text: string | null): readonly string[] | undefined => {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((name) => typeof name === 'string')
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
};

export const createKeychainSecretStore = (
  options: KeychainSecretStoreOptions = {},
): SecretStore => {
  const service = options.service ?? DEFAULT_SECRET_SERVICE;
  const platform = options.platform ?? process.platform;
  const entryFactory = options.entryFactory ?? createNativeKeychainEntry;
  const description = describeKeychain(platform);
  const serial = createSerialQueue();

  const toError = (operation: SecretOperation, cause: unknown): SecretError => {
    const message = messageOf(cause);
    return UNAVAILABLE_PATTERN.test(message)
      ? {
          kind: 'unavailable',
          reason: `${description} is not available: ${message}`,
          fix: keychainFix(platform),
        }
      : failed(operation, `${description} ${operation} failed: ${message}`);
  };

  /** Runs one native call; the entry is built inside so a throwing constructor is mapped too. */
  const attempt = async <T>(
    operation: SecretOperation,
    account: string,
    call: (entry: KeychainEntry) => Promise<T>,
  ): Promise<Result<T, SecretError>> => {
    try {
      return ok(await call(entryFactory(service, account)));
    } catch (cause) {
      return err(toError(operation, cause));
    }
  };

  const readIndex = async (
    operation: SecretOperation,
  ): Promise<Result<readonly string[], SecretError>> => {
    const raw = await attempt(operation, KEYCHAIN_INDEX_ACCOUNT, (entry) => entry.getPassword());
    if (!raw.ok) return raw;
    const names = parseIndex(raw.value);
    return names
      ? ok(names)
      : err(
          failed(
            operation,
            `the account index entry "${KEYCHAIN_INDEX_ACCOUNT}" of service "${service}" is not a JSON array of names`,
          ),
        );
  };

  const writeIndex = (
    operation: SecretOperation,
    names: readonly string[],
  ): Promise<Result<void, SecretError>> =>
    attempt(operation, KEYCHAIN_INDEX_ACCOUNT, async (entry) => {
      await entry.setPassword(JSON.stringify([...names].sort()));
    });

  const reserved = [KEYCHAIN_INDEX_ACCOUNT];

  return {
    kind: 'keychain',
    description,
    warning: undefined,
    get: async (account) => {
      const invalid = invalidAccount(account, 'get', reserved);
      if (invalid) return err(invalid);
      const value = await attempt('get', account, (entry) => entry.getPassword());
      return value.ok ? ok(value.value ?? undefined) : value;
    },
    // Index first, then the secret: the index may briefly name an account with no secret, but a
    // stored secret is never missing from the index (and so never orphaned in the keychain).
    set: (account, secret) =>
      serial(async (): Promise<Result<void, SecretError>> => {
        const invalid = invalidAccount(account, 'set', reserved);
        if (invalid) return err(invalid);
        const index = await readIndex('set');
        if (!index.ok) return index;
        const isNew = !index.value.includes(account);
        if (isNew) {
          const indexed = await writeIndex('set', [...index.value, account]);
          if (!indexed.ok) return indexed;
        }
        const stored = await attempt('set', account, async (entry) => {
          // The native promise resolves null, not undefined; keep the port's `void` exact.
          await entry.setPassword(secret);
        });
        if (!stored.ok && isNew) await writeIndex('set', index.value);
        return stored;
      }).then((result) => (result.ok ? result : err(redactError(result.error, [secret])))),
    // Secret first, then the index, for the same invariant as `set`.
    delete: (account) =>
      serial(async () => {
        const invalid = invalidAccount(account, 'delete', reserved);
        if (invalid) return err(invalid);
        const removed = await attempt('delete', account, (entry) => entry.deletePassword());
        if (!removed.ok) return removed;
        const index = await readIndex('delete');
        if (!index.ok) return index;
        if (index.value.includes(account)) {
          const written = await writeIndex(
            'delete',
            index.value.filter((name) => name !== account),
          );
          if (!written.ok) return written;
        }
        return ok(removed.value);
      }),
    list: () => serial(() => readIndex('list')),
  };
};
