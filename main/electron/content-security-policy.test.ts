import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  installContentSecurityPolicy,
  withContentSecurityPolicy,
  type ResponseHeaders,
} from './content-security-policy.js';

describe('content security policy', () => {
  it("is the renderer's own CSP", () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  });

  it('replaces any CSP header, whatever its case, and keeps the others', () => {
    expect(
      withContentSecurityPolicy({
        'content-security-policy': ['default-src *'],
        'Content-Type': ['text/html'],
      }),
    ).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it("is installed on the session's responses", () => {
    let seen: ResponseHeaders | undefined;
    installContentSecurityPolicy({
      webRequest: {
        onHeadersReceived: (listener) =>
          listener({ responseHeaders: {} }, (response) => {
            seen = response.responseHeaders;
          }),
      },
    });
    expect(seen?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
