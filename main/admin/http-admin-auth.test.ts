import { describe, expect, it } from 'vitest';
import { checkAdminRequest } from './http-admin-auth.js';

const TOKEN = 'admin-token-FAKE-1';
const host = '127.0.0.1:8082';

describe('checkAdminRequest', () => {
  it('lets the page of its own origin in with the token', () => {
    expect(
      checkAdminRequest(
        {
          host,
          origin: `http://${host}`,
          'sec-fetch-site': 'same-origin',
          authorization: `Bearer ${TOKEN}`,
        },
        TOKEN,
      ),
    ).toBeUndefined();
    expect(checkAdminRequest({ host, authorization: `Bearer ${TOKEN}` }, TOKEN)).toBeUndefined();
  });

  it('refuses other origins before looking at the token', () => {
    expect(
      checkAdminRequest(
        { host, origin: 'http://evil.example', authorization: `Bearer ${TOKEN}` },
        TOKEN,
      ),
    ).toMatchObject({ status: 403, error: { kind: 'unauthorized' } });
    expect(
      checkAdminRequest(
        { host, 'sec-fetch-site': 'cross-site', authorization: `Bearer ${TOKEN}` },
        TOKEN,
      ),
    ).toMatchObject({ status: 403 });
  });

  it('refuses a missing or wrong token with the fix', () => {
    const missing = checkAdminRequest({ host }, TOKEN);
    expect(missing).toMatchObject({ status: 401 });
    expect(missing?.error.fix).toContain('vdm serve');
    expect(
      checkAdminRequest({ host, authorization: 'Bearer admin-token-FAKE-2' }, TOKEN),
    ).toMatchObject({
      status: 401,
      error: { message: 'The admin token is wrong.' },
    });
    expect(checkAdminRequest({ host, authorization: TOKEN }, TOKEN)).toMatchObject({ status: 401 });
  });
});
