/**
 * What an admin operation can fail with, as the UI shows it: every error says what happened
 * (`message`) and what to do about it (`fix`). Never carries a secret or a stack trace.
 */
export type AppError =
  /** The input did not match the operation's schema; `issues` name the fields. */
  | {
      readonly kind: 'invalid-input';
      readonly message: string;
      readonly fix: string;
      readonly issues: readonly string[];
    }
  | { readonly kind: 'not-found'; readonly message: string; readonly fix: string }
  /** The change is not ours to make here, e.g. a field owned by an environment variable. */
  | { readonly kind: 'read-only'; readonly message: string; readonly fix: string }
  | { readonly kind: 'conflict'; readonly message: string; readonly fix: string }
  /** No keychain: keys cannot be stored safely, and we do not store them weakly. */
  | { readonly kind: 'secret-store-unavailable'; readonly message: string; readonly fix: string }
  | { readonly kind: 'unauthorized'; readonly message: string; readonly fix: string }
  | { readonly kind: 'internal'; readonly message: string; readonly fix: string };

export type AppErrorKind = AppError['kind'];
