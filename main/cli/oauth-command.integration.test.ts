import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { freePorts } from '../oauth/test-deps.js';
import {
  FAKE_EMAIL,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';

const VDM = resolve('dist/vdm.mjs');
const run = promisify(execFile);

let oauth: FakeOAuthServer | undefined;
afterEach(async () => {
  await oauth?.close();
});

async function environment(): Promise<Record<string, string>> {
  oauth = await startFakeOAuthServer();
  const [port] = await freePorts(1);
  const dir = mkdtempSync(join(tmpdir(), 'vdm-oauth-cli-'));
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    VDM_HOME: join(dir, 'data'),
    VDM_SECRET_STORE: 'file',
    CHATGPT_API_KEY: '!OAUTH',
    VDM_TEST_OAUTH_ISSUER: oauth.url,
    VDM_TEST_OAUTH_PORTS: String(port),
  };
}

async function vdm(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [VDM, ...args], {
      env,
      cwd: env['HOME'],
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('vdm oauth (terminal sign-in)', () => {
  it('logs in through the browser link it prints, reports status, logs out', async () => {
    const env = await environment();
    expect((await vdm(env, 'oauth', 'status', 'chatgpt')).code).toBe(1);

    const child = spawn(process.execPath, [VDM, 'oauth', 'login', 'chatgpt'], {
      env,
      cwd: env['HOME'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    while (!/https?:\/\/\S+authorize\S*/.test(out)) await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain('terms');
    const link = /(https?:\/\/\S+authorize\S*)/.exec(out)?.[1] ?? '';
    // The test plays the browser.
    await fetch(link, { redirect: 'follow' }).then((r) => r.text());
    expect(await exited).toBe(0);
    expect(out).toContain(`Signed in to chatgpt as ${FAKE_EMAIL}`);

    const secretsFile = readFileSync(join(env['VDM_HOME'] ?? '', 'secrets.json'), 'utf8');
    expect(secretsFile).toContain('oauth/chatgpt');
    const status = await vdm(env, 'oauth', 'status', 'chatgpt');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('signed in as');
    for (const token of oauth?.issued() ?? []) expect(status.stdout + out).not.toContain(token);

    const providers = await vdm(env, 'providers');
    expect(providers.stdout).toMatch(new RegExp(`chatgpt \\* 🔐 .*signed in as ${FAKE_EMAIL}`));

    expect((await vdm(env, 'oauth', 'logout', 'chatgpt')).code).toBe(0);
    expect((await vdm(env, 'providers')).stdout).toMatch(/chatgpt \* 🔐 .*signed out/);
    const after = await vdm(env, 'oauth', 'status', 'chatgpt');
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('vdm oauth login chatgpt');
  }, 20_000);

  it('refuses a provider it cannot sign in to, naming the ones it can', async () => {
    const env = await environment();
    const result = await vdm(env, 'oauth', 'login', 'nosuch');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chatgpt');
  });
});
