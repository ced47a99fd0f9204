import { describe, expect, it, vi } from 'vitest';
import { installNavigationGuard, type GuardedContents } from './navigation-guard.js';
import { isOwnUiUrl } from './own-ui-url.js';

const UI = 'file:///opt/Vandamme/resources/app.asar/dist/renderer/index.html';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: (e: { preventDefault(): void; url: string }) => void) =>
      listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    listeners.get(event)?.(e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('isOwnUiUrl', () => {
  it('accepts our index.html with any hash or query', () => {
    expect(isOwnUiUrl(UI, UI)).toBe(true);
    expect(isOwnUiUrl(`${UI}#/providers`, UI)).toBe(true);
    expect(isOwnUiUrl(`${UI}?tab=keys`, UI)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/Vandamme/resources/app.asar/dist/renderer/other.html',
    'https://example.com/dist/renderer/index.html',
    'http://127.0.0.1:8082/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isOwnUiUrl(url, UI)).toBe(false);
  });
});

describe('installNavigationGuard', () => {
  it('lets the UI navigate within itself', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuard(contents, { uiUrl: UI, openExternal: vi.fn() });
    expect(fire('will-navigate', `${UI}#/keys`)).toBe(false);
  });

  it('cancels navigation elsewhere, opening allow-listed https links in the browser', async () => {
    const { contents, fire } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    installNavigationGuard(contents, { uiUrl: UI, openExternal, onRefused });
    expect(fire('will-navigate', 'https://github.com/x')).toBe(true);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    await flush();
    expect(openExternal.mock.calls).toEqual([['https://github.com/x']]);
    expect(onRefused.mock.calls).toEqual([['https://evil.example/'], ['file:///etc/passwd']]);
  });

  it('denies every new window, opening allow-listed links outside', async () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    installNavigationGuard(contents, { uiUrl: UI, openExternal });
    expect(open('https://platform.openai.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    await flush();
    expect(openExternal.mock.calls).toEqual([['https://platform.openai.com/']]);
  });

  it('refuses webviews', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuard(contents, { uiUrl: UI, openExternal: vi.fn() });
    expect(fire('will-attach-webview', '')).toBe(true);
  });
});
