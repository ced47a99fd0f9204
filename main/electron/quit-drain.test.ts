import { describe, expect, it, vi } from 'vitest';
import { createQuitDrain, QUIT_DRAIN_MS } from './quit-drain.js';

const event = () => ({ preventDefault: vi.fn() });

describe('createQuitDrain', () => {
  it('holds the first quit, drains once, then lets the next quit through', async () => {
    let finish: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const onQuit = createQuitDrain({ close, quit });

    const first = event();
    onQuit(first);
    const whileDraining = event();
    onQuit(whileDraining);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(whileDraining.preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledWith(QUIT_DRAIN_MS);
    expect(quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    const last = event();
    onQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when closing fails, and reports it', async () => {
    const quit = vi.fn();
    const onError = vi.fn();
    const onQuit = createQuitDrain({
      close: () => Promise.reject(new Error('stuck')),
      quit,
      onError,
      drainMs: 10,
    });
    onQuit(event());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(onError).toHaveBeenCalledOnce();
  });
});
