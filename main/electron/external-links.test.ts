import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, safeOpenExternal } from './external-links.js';

describe('checkExternalUrl', () => {
  it.each([
    'https://github.com/vandamme/desktop',
    'https://platform.openai.com/api-keys',
    'https://console.anthropic.com/settings/keys',
    'https://openrouter.ai/keys?x=1#y',
  ])('allows %s', (url) => {
    expect(checkExternalUrl(url).ok).toBe(true);
  });

  it.each([
    ['http://github.com/', 'not-https'],
    ['file:///etc/passwd', 'not-https'],
    ['javascript:alert(1)', 'not-https'],
    ['vscode://file/x', 'not-https'],
    ['https://evil.example/', 'host-not-allowed'],
    ['https://github.com.evil.example/', 'host-not-allowed'],
    ['https://api.github.com/', 'host-not-allowed'],
    ['https://github.com:8443/', 'host-not-allowed'],
    ['https://user:pass@github.com/', 'credentials-in-url'],
    ['not a url', 'not-a-url'],
  ])('refuses %s (%s)', (url, kind) => {
    const checked = checkExternalUrl(url);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.refusal.kind).toBe(kind);
  });
});

describe('safeOpenExternal', () => {
  it('opens only allow-listed URLs', async () => {
    const open = vi.fn(async () => undefined);
    await safeOpenExternal('https://github.com/x', open);
    await safeOpenExternal('file:///etc/passwd', open);
    await safeOpenExternal('https://evil.example/', open);
    expect(open.mock.calls).toEqual([['https://github.com/x']]);
  });
});
