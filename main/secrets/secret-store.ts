import type { Result } from '../../shared/result.js';

export type SecretStoreKind = 'keychain' | 'file' | 'memory';

export type SecretOperation = 'get' | 'set' | 'delete' | 'list';

export type SecretError =
  /** The store cannot be used at all here; the UI shows `reason` and `fix` instead of storing weakly. */
  | { readonly kind: 'unavailable'; readonly reason: string; readonly fix: string }
  /** One operation failed; `message` never contains a secret value. */
  | { readonly kind: 'failed'; readonly operation: SecretOperation; readonly message: string };

export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** Shown in the UI/CLI: e.g. "macOS Keychain", "Secret Service (GNOME Keyring)", "file ~/.local/share/vandamme-desktop/secrets.json (plain text, 0600)". */
  readonly description: string;
  /** Non-empty for the file store: the visible warning. */
  readonly warning: string | undefined;
  get(account: string): Promise<Result<string | undefined, SecretError>>;
  set(account: string, secret: string): Promise<Result<void, SecretError>>;
  delete(account: string): Promise<Result<boolean, SecretError>>;
  /** Accounts stored by us (names only, never values). */
  list(): Promise<Result<readonly string[], SecretError>>;
}

export const DEFAULT_SECRET_SERVICE = 'vandamme-desktop';
