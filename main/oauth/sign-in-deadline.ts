import { cancelled, timedOut, type OAuthError } from './oauth-errors.js';

/** A sign-in gives up after this long unless told otherwise (the user walked away). */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 10 * 60 * 1000;

export interface SignInOptions {
  /** Cancels the sign-in (the window's Cancel button, Ctrl-C in the terminal). */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * One abort signal for a sign-in that fires on cancel or on timeout, and remembers which, so the
 * error says what happened. `dispose` clears the timer once the sign-in settles.
 */
export interface SignInDeadline {
  readonly signal: AbortSignal;
  /** Resolves with the error when the deadline fires; never resolves otherwise. */
  readonly aborted: Promise<OAuthError>;
  /** The error for the abort that happened, if any. */
  reason(): OAuthError | undefined;
  dispose(): void;
}

export function createDeadline(what: string, options: SignInOptions): SignInDeadline {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  let reason: OAuthError | undefined;
  let notify: (error: OAuthError) => void = () => undefined;
  const aborted = new Promise<OAuthError>((resolve) => {
    notify = resolve;
  });
  const abort = (error: OAuthError): void => {
    if (reason) return;
    reason = error;
    controller.abort(error);
    notify(error);
  };
  const timer = setTimeout(() => abort(timedOut(what, timeoutMs)), timeoutMs);
  const onCancel = (): void => abort(cancelled());
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    aborted,
    reason: () => reason,
    dispose: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
    },
  };
}
