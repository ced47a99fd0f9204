/** Lets in-flight proxy requests finish this long on quit before the process exits. */
export const QUIT_DRAIN_MS = 5_000;

export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitDrainOptions {
  /** `runtime.close(drainMs)`. */
  readonly close: (drainMs: number) => Promise<void>;
  /** `app.quit()`: called again once drained, when this handler lets it through. */
  readonly quit: () => void;
  readonly drainMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * The `before-quit` listener: the first quit is held (preventDefault) while the runtime drains
 * and closes, then quit is called again and let through. Quits asked for while draining are
 * held too, so the drain runs once.
 */
export function createQuitDrain(options: QuitDrainOptions): (event: QuitEvent) => void {
  let phase: 'running' | 'draining' | 'drained' = 'running';
  return (event) => {
    if (phase === 'drained') return;
    event.preventDefault();
    if (phase === 'draining') return;
    phase = 'draining';
    options
      .close(options.drainMs ?? QUIT_DRAIN_MS)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        phase = 'drained';
        options.quit();
      });
  };
}
