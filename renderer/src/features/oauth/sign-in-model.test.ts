import { describe, expect, it } from 'vitest';
import type { TokenHealthView } from '../../../../shared/admin/views.js';
import {
  expiresInText,
  formatAgo,
  lockStatus,
  safeHref,
  signInModel,
  type StartedSignIn,
} from './sign-in-model.js';

const health = (patch: Partial<TokenHealthView> = {}): TokenHealthView => ({
  name: 'chatgpt',
  status: { kind: 'signed-out' },
  account: null,
  expiresAt: null,
  lastRefresh: null,
  lastError: null,
  pending: null,
  ...patch,
});

const browserStart = (browserOpened: boolean, at = 1000): StartedSignIn => ({
  view: { kind: 'browser', authorizeUrl: 'https://auth.example/authorize?x=1', browserOpened },
  at,
});

const deviceStart: StartedSignIn = {
  view: {
    kind: 'device',
    userCode: 'ABCD-EFGH',
    verificationUri: 'https://auth.example/device',
    verificationUriComplete: 'https://auth.example/device?code=ABCD-EFGH',
    expiresAt: 90_000,
  },
  at: 1000,
};

describe('signInModel', () => {
  it('is loading with nothing known yet', () => {
    expect(signInModel({ health: null, healthAt: 0, started: null, fallback: null })).toEqual({
      kind: 'loading',
    });
  });

  it('uses the lock-badge state until oauth.status answers', () => {
    const model = signInModel({
      health: null,
      healthAt: 0,
      started: null,
      fallback: { kind: 'signed-in', expiresAt: 5000, account: 'me@example.com' },
    });
    expect(model).toEqual({
      kind: 'signed-in',
      account: 'me@example.com',
      expiresAt: 5000,
      lastRefresh: null,
      lastError: null,
    });
  });

  it('shows signed out with the last error (a denied sign-in)', () => {
    const model = signInModel({
      health: health({ lastError: 'You denied access.' }),
      healthAt: 10,
      started: null,
      fallback: { kind: 'signed-out' },
    });
    expect(model).toEqual({ kind: 'signed-out', lastError: 'You denied access.' });
  });

  it('shows expired with since and the last error', () => {
    const model = signInModel({
      health: health({ status: { kind: 'expired', since: 77 }, lastError: 'refresh refused' }),
      healthAt: 10,
      started: null,
      fallback: { kind: 'signed-out' },
    });
    expect(model).toEqual({ kind: 'expired', since: 77, lastError: 'refresh refused' });
  });

  it('fills the health panel from the token-health view', () => {
    const model = signInModel({
      health: health({
        status: { kind: 'signed-in', expiresAt: 9000 },
        account: 'me@example.com',
        lastRefresh: 500,
      }),
      healthAt: 10,
      started: null,
      fallback: { kind: 'signed-out' },
    });
    expect(model).toEqual({
      kind: 'signed-in',
      account: 'me@example.com',
      expiresAt: 9000,
      lastRefresh: 500,
      lastError: null,
    });
  });

  it('shows a sign-in just started before a newer status arrives', () => {
    const model = signInModel({
      health: health(),
      healthAt: 500,
      started: browserStart(true, 1000),
      fallback: { kind: 'signed-out' },
    });
    expect(model).toEqual({
      kind: 'pending-browser',
      authorizeUrl: 'https://auth.example/authorize?x=1',
      browserOpened: true,
    });
  });

  it('trusts a newer status: no pending means the sign-in ended', () => {
    const model = signInModel({
      health: health({ status: { kind: 'signed-in', expiresAt: 9000 } }),
      healthAt: 2000,
      started: browserStart(true, 1000),
      fallback: { kind: 'signed-out' },
    });
    expect(model.kind).toBe('signed-in');
  });

  it('keeps browserOpened from the start answer for the same URL, false otherwise', () => {
    const pending = {
      kind: 'browser' as const,
      authorizeUrl: 'https://auth.example/authorize?x=1',
    };
    const same = signInModel({
      health: health({ pending }),
      healthAt: 2000,
      started: browserStart(true, 1000),
      fallback: null,
    });
    expect(same).toMatchObject({ kind: 'pending-browser', browserOpened: true });
    const other = signInModel({
      health: health({ pending: { ...pending, authorizeUrl: 'https://auth.example/other' } }),
      healthAt: 2000,
      started: browserStart(true, 1000),
      fallback: null,
    });
    expect(other).toMatchObject({ kind: 'pending-browser', browserOpened: false });
    const elsewhere = signInModel({
      health: health({ pending }),
      healthAt: 2000,
      started: null,
      fallback: null,
    });
    expect(elsewhere).toMatchObject({ kind: 'pending-browser', browserOpened: false });
  });

  it('shows a device code, with the complete URI only when this window started it', () => {
    const pending = {
      kind: 'device' as const,
      userCode: 'ABCD-EFGH',
      verificationUri: 'https://auth.example/device',
      expiresAt: 90_000,
    };
    expect(
      signInModel({ health: null, healthAt: 0, started: deviceStart, fallback: null }),
    ).toEqual({
      kind: 'pending-device',
      userCode: 'ABCD-EFGH',
      verificationUri: 'https://auth.example/device',
      verificationUriComplete: 'https://auth.example/device?code=ABCD-EFGH',
      expiresAt: 90_000,
    });
    expect(
      signInModel({ health: health({ pending }), healthAt: 5000, started: null, fallback: null }),
    ).toMatchObject({ kind: 'pending-device', verificationUriComplete: null });
  });
});

describe('lockStatus', () => {
  it('follows oauth.status once it answered', () => {
    const signedIn = { kind: 'signed-in' as const, expiresAt: 1 };
    expect(lockStatus(health({ status: signedIn }), { kind: 'signed-out' })).toEqual(signedIn);
    expect(lockStatus(null, { kind: 'signed-out' })).toEqual({ kind: 'signed-out' });
  });

  it('stays absent for providers without sign-in', () => {
    expect(lockStatus(health(), null)).toBeNull();
  });
});

describe('expiresInText', () => {
  it.each([
    [42_000, 'expires in 0:42'],
    [3_723_000, 'expires in 1:02:03'],
    [2 * 86_400_000 + 5 * 3_600_000, 'expires in 2d 5h'],
    [0, 'expiry reached'],
    [-1000, 'expiry reached'],
  ])('%i ms reads %s', (ms, text) => {
    expect(expiresInText(ms)).toBe(text);
  });
});

describe('formatAgo', () => {
  it.each([
    [-5000, 'just now'],
    [10_000, 'just now'],
    [60_000, '1 min ago'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [86_400_000, '1 day ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatAgo(ms)).toBe(text);
  });
});

describe('safeHref', () => {
  it('keeps http(s) links and refuses other schemes', () => {
    expect(safeHref('https://auth.openai.com/oauth/authorize?a=1')).toBe(
      'https://auth.openai.com/oauth/authorize?a=1',
    );
    expect(safeHref('http://localhost:1455/auth/callback')).toBe(
      'http://localhost:1455/auth/callback',
    );
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
