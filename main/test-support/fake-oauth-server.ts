import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { s256Challenge } from '../oauth/pkce.js';

/** What the device_code grant answers, poll by poll; the last entry repeats. */
export type DevicePollAnswer =
  'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'tokens';

export interface FakeOAuthServerOptions {
  /** /oauth/authorize redirects with `error=access_denied` instead of a code. */
  readonly deny?: boolean;
  /** /oauth/authorize redirects with this state instead of the one it was given. */
  readonly forceState?: string;
  readonly devicePolls?: readonly DevicePollAnswer[];
  /** Token lifetime in seconds (`expires_in`). */
  readonly expiresIn?: number;
  /** The refresh_token grant answers invalid_grant. */
  readonly refuseRefresh?: boolean;
  /** Milliseconds to wait before answering a refresh (so concurrent callers overlap). */
  readonly refreshDelayMs?: number;
}

export interface FakeOAuthServer {
  readonly url: string;
  /** How many refresh_token grants were answered. */
  readonly refreshCount: () => number;
  readonly devicePollCount: () => number;
  /** Refresh tokens currently valid (rotation drops the old one). */
  readonly liveRefreshTokens: () => readonly string[];
  readonly issued: () => readonly string[];
  set(options: Partial<FakeOAuthServerOptions>): void;
  close(): Promise<void>;
}

export const FAKE_ACCOUNT_ID = 'acct-FAKE-0001';
export const FAKE_EMAIL = 'fake.user@example.test';
export const FAKE_USER_CODE = 'FAKE-CODE';

/** A fake JWT (unsigned: `alg` none-like) with the ChatGPT claims our decoder reads. */
export function fakeIdToken(claims: Record<string, unknown> = {}): string {
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    iss: 'https://auth.example.test',
    email: FAKE_EMAIL,
    exp: 4102444800,
    'https://api.openai.com/auth': { chatgpt_account_id: FAKE_ACCOUNT_ID },
    ...claims,
  })}.FAKE-signature`;
}

/**
 * A fake authorization server on 127.0.0.1 port 0 speaking the wire format of
 * shared/fixtures/protocol/oauth-pkce-and-device.txt. Every code and token it mints contains FAKE.
 */
export async function startFakeOAuthServer(
  initial: FakeOAuthServerOptions = {},
): Promise<FakeOAuthServer> {
  let options = { ...initial };
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const issued: string[] = [];
  let serial = 0;
  let refreshes = 0;
  let polls = 0;

  const mint = (): Record<string, unknown> => {
    serial += 1;
    const access = `at-FAKE-${serial}`;
    const refresh = `rt-FAKE-${serial}`;
    refreshTokens.add(refresh);
    issued.push(access, refresh);
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: options.expiresIn ?? 3600,
      refresh_token: refresh,
      id_token: fakeIdToken(),
      scope: 'openid profile email offline_access',
    };
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { error: 'server_error' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') return authorize(url, res);
    const form = new URLSearchParams(await body(req));
    if (url.pathname === '/oauth/device/code') {
      return send(res, 200, {
        device_code: 'dc-FAKE-1',
        user_code: FAKE_USER_CODE,
        verification_uri: `${address()}/device`,
        verification_uri_complete: `${address()}/device?user_code=${FAKE_USER_CODE}`,
        expires_in: 1800,
        interval: 5,
      });
    }
    if (url.pathname === '/api/accounts/deviceauth/usercode') {
      return send(res, 200, {
        device_auth_id: 'da-FAKE-1',
        usercode: FAKE_USER_CODE,
        interval: '5',
      });
    }
    if (url.pathname === '/api/accounts/deviceauth/token') return codexDevicePoll(res);
    if (url.pathname !== '/oauth/token') return send(res, 404, { error: 'not_found' });
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') return exchange(form, res);
    if (grant === 'refresh_token') return refresh(form, res);
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code') return devicePoll(res);
    return send(res, 400, { error: 'unsupported_grant_type' });
  }

  function authorize(url: URL, res: ServerResponse): void {
    const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
    const state = options.forceState ?? url.searchParams.get('state') ?? '';
    if (options.deny) {
      redirect.searchParams.set('error', 'access_denied');
    } else {
      const code = `ac-FAKE-${(serial += 1)}`;
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: redirect.toString(),
      });
      redirect.searchParams.set('code', code);
    }
    redirect.searchParams.set('state', state);
    res.writeHead(302, { location: redirect.toString(), 'cache-control': 'no-store' }).end();
  }

  function exchange(form: URLSearchParams, res: ServerResponse): void {
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (!code || s256Challenge(verifier) !== code.challenge) {
      return send(res, 400, {
        error: 'invalid_grant',
        error_description: 'PKCE verification failed',
      });
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
    }
    send(res, 200, mint());
  }

  async function refresh(form: URLSearchParams, res: ServerResponse): Promise<void> {
    refreshes += 1;
    if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
    const token = form.get('refresh_token') ?? '';
    if (options.refuseRefresh || !refreshTokens.delete(token)) {
      return send(res, 400, { error: 'invalid_grant', error_description: 'refresh token revoked' });
    }
    const { id_token: _dropped, ...rotated } = mint();
    send(res, 200, rotated);
  }

  function devicePoll(res: ServerResponse): void {
    const script = options.devicePolls ?? ['tokens'];
    const answer = script[Math.min(polls, script.length - 1)] ?? 'tokens';
    polls += 1;
    if (answer === 'tokens') return send(res, 200, mint());
    send(res, 400, { error: answer });
  }

  /** The Codex CLI's private device API: 403 while pending, then a code with its verifier. */
  function codexDevicePoll(res: ServerResponse): void {
    const script = options.devicePolls ?? ['tokens'];
    const answer = script[Math.min(polls, script.length - 1)] ?? 'tokens';
    polls += 1;
    if (answer !== 'tokens') return send(res, answer === 'authorization_pending' ? 403 : 400, {});
    const verifier = `cv-FAKE-${(serial += 1)}-${'x'.repeat(40)}`;
    const code = `ac-FAKE-${(serial += 1)}`;
    codes.set(code, {
      challenge: s256Challenge(verifier),
      redirectUri: `${address()}/deviceauth/callback`,
    });
    send(res, 200, {
      authorization_code: code,
      code_challenge: s256Challenge(verifier),
      code_verifier: verifier,
    });
  }

  const address = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: address(),
    refreshCount: () => refreshes,
    devicePollCount: () => polls,
    liveRefreshTokens: () => [...refreshTokens],
    issued: () => [...issued],
    set: (next) => {
      options = { ...options, ...next };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    pragma: 'no-cache',
  });
  res.end(JSON.stringify(payload));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
