import type { SecretError, SecretOperation } from './secret-store.js';

const REDACTED = '[redacted]';

/**
 * Native and fs errors are not ours to trust: strip any secret value that might have been echoed
 * back before the text reaches a log or the UI (PRODUCT.md: secrets never leak).
 */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.reduce(
    (acc, secret) => (secret.length > 0 ? acc.split(secret).join(REDACTED) : acc),
    text,
  );

export const messageOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'unknown error';

export const failed = (operation: SecretOperation, message: string): SecretError => ({
  kind: 'failed',
  operation,
  message,
});

/** Account names become keychain usernames and JSON keys; reject the ones that cannot round-trip. */
export const invalidAccount = (
  account: string,
  operation: SecretOperation,
  reserved: readonly string[] = [],
): SecretError | undefined => {
  if (account.length === 0) return failed(operation, 'account name is empty');
  if (reserved.includes(account)) return failed(operation, `account name "${account}" is reserved`);
  return undefined;
};

/** Applied to everything a `set` returns, whichever step failed (index, entry, file). */
export const redactError = (error: SecretError, secrets: readonly string[]): SecretError =>
  error.kind === 'unavailable'
    ? { ...error, reason: redact(error.reason, secrets), fix: redact(error.fix, secrets) }
    : { ...error, message: redact(error.message, secrets) };
