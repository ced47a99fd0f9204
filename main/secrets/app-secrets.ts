import { err, ok, type Result } from '../../shared/result.js';
import { openSecretStore } from './open-secret-store.js';
import type { SecretError, SecretStore, SecretStoreKind } from './secret-store.js';

const PROVIDER_KEYS_PREFIX = 'provider-keys/';
const CLIENT_TOKEN_ACCOUNT = 'proxy-api-key';
/** The secrets the window stored, as the config loader reads them (the app layer's `api-key`s). */
export interface AppSecretsSnapshot {
  /** Provider name to its keys in rotation order. */
  readonly providerKeys: Readonly<Record<string, readonly string[]>>;
  /** The client token (PROXY_API_KEY) set in the window. */
  readonly clientToken: string | undefined;
  /** How the UI names where these came from: "Secret Service (GNOME Keyring)". */
  readonly where: string;
}

/** Why secrets cannot be stored: the store is unavailable (reason + fix) or an operation failed. */
export type AppSecretsError = SecretError;

/**
 * The window's secrets over a SecretStore: one account per provider (its keys, newline-separated,
 * so adding or removing a key is one atomic write) and one for the client token. Loaded once and
 * cached, because the config loader is synchronous and runs on every reload; every write goes to
 * the store first and only then to the cache, so the cache never holds what the store refused.
 */
export class AppSecrets {
  readonly #providerKeys = new Map<string, readonly string[]>();
  #clientToken: string | undefined;

  private constructor(
    readonly store: SecretStore | undefined,
    /** Set when no store could be opened: why, and how to fix it. */
    readonly unavailable: { readonly reason: string; readonly fix: string } | undefined,
  ) {}

  static unavailable(reason: string, fix: string): AppSecrets {
    return new AppSecrets(undefined, { reason, fix });
  }

  static async load(store: SecretStore): Promise<Result<AppSecrets, AppSecretsError>> {
    const secrets = new AppSecrets(store, undefined);
    const accounts = await store.list();
    if (!accounts.ok) return accounts;
    for (const account of accounts.value) {
      const value = await store.get(account);
      if (!value.ok) return value;
      if (value.value === undefined) continue;
      if (account === CLIENT_TOKEN_ACCOUNT) secrets.#clientToken = value.value;
      else if (account.startsWith(PROVIDER_KEYS_PREFIX)) {
        secrets.#providerKeys.set(
          account.slice(PROVIDER_KEYS_PREFIX.length),
          splitKeys(value.value),
        );
      }
    }
    return ok(secrets);
  }

  snapshot(): AppSecretsSnapshot {
    return {
      providerKeys: Object.fromEntries(this.#providerKeys),
      clientToken: this.#clientToken,
      where: this.store?.description ?? 'no secret store',
    };
  }

  keysOf(provider: string): readonly string[] {
    return this.#providerKeys.get(provider) ?? [];
  }

  async setProviderKeys(
    provider: string,
    keys: readonly string[],
  ): Promise<Result<void, AppSecretsError>> {
    const store = this.#usable();
    if (!store.ok) return store;
    const account = `${PROVIDER_KEYS_PREFIX}${provider}`;
    const written =
      keys.length === 0
        ? await store.value.delete(account)
        : await store.value.set(account, keys.join('\n'));
    if (!written.ok) return written;
    if (keys.length === 0) this.#providerKeys.delete(provider);
    else this.#providerKeys.set(provider, [...keys]);
    return ok(undefined);
  }

  async setClientToken(token: string | undefined): Promise<Result<void, AppSecretsError>> {
    const store = this.#usable();
    if (!store.ok) return store;
    const written =
      token === undefined
        ? await store.value.delete(CLIENT_TOKEN_ACCOUNT)
        : await store.value.set(CLIENT_TOKEN_ACCOUNT, token);
    if (!written.ok) return written;
    this.#clientToken = token;
    return ok(undefined);
  }

  #usable(): Result<SecretStore, AppSecretsError> {
    if (this.store) return ok(this.store);
    return err({
      kind: 'unavailable',
      reason: this.unavailable?.reason ?? 'no secret store is open',
      fix: this.unavailable?.fix ?? 'restart the app',
    });
  }
}

function splitKeys(value: string): string[] {
  return value.split(/\s+/).filter((key) => key.length > 0);
}

/**
 * The app's secrets from the store `kind` names: loaded, or unavailable with why and how to fix
 * it (never a weaker store in its place).
 */
export async function openAppSecrets(kind: SecretStoreKind, vdmHome: string): Promise<AppSecrets> {
  const opened = await openSecretStore(kind, vdmHome);
  if (!opened.ok) {
    const e = opened.error;
    return e.kind === 'unavailable'
      ? AppSecrets.unavailable(e.reason, e.fix)
      : AppSecrets.unavailable(e.message, 'Check the keychain, then restart.');
  }
  const loaded = await AppSecrets.load(opened.value);
  if (loaded.ok) return loaded.value;
  const e = loaded.error;
  return e.kind === 'unavailable'
    ? AppSecrets.unavailable(e.reason, e.fix)
    : AppSecrets.unavailable(
        `the stored keys could not be read (${e.message})`,
        'Unlock the keychain, then restart.',
      );
}
