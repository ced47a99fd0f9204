import { describe, expect, it } from 'vitest';
import { FAKE_ACCOUNT_ID, FAKE_EMAIL, fakeIdToken } from '../test-support/fake-oauth-server.js';
import { decodeIdToken } from './id-token.js';
import { s256Challenge } from './pkce.js';
import { chatgptProvider } from './providers/chatgpt.js';

describe('decodeIdToken', () => {
  it('reads the e-mail and the ChatGPT account id claim', () => {
    expect(decodeIdToken(fakeIdToken(), chatgptProvider)).toEqual({
      email: FAKE_EMAIL,
      accountId: FAKE_ACCOUNT_ID,
      expiresAt: 4102444800_000,
    });
  });

  it('tolerates garbage', () => {
    expect(decodeIdToken('not-a-jwt', chatgptProvider)).toEqual({
      email: undefined,
      accountId: undefined,
      expiresAt: undefined,
    });
  });
});

describe('s256Challenge', () => {
  it('matches RFC 7636 Appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});
