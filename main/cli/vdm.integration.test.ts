import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream.js';

/** The built command, as `npx vdm` runs it after `npm install` (npm test builds before testing). */
const VDM = resolve('dist/vdm.mjs');
const run = promisify(execFile);
const KEY = 'sk-test-FAKE-cli-key-00000000000009876';

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'vdm-cli-'));
}

function envFor(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'xdg'),
    VDM_HOME: join(dir, 'data'),
    ...extra,
  };
}

async function vdm(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [VDM, ...args], {
      cwd,
      env,
      timeout: 15_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  expect(existsSync(VDM), 'dist/vdm.mjs missing: run `npm run build` (npm test does)').toBe(true);
});

describe('vdm', () => {
  it('is bundled as Latin-1 text, so V8 keeps its source as a one-byte string', () => {
    // A single character above U+00FF (e.g. a literal "…" in a regex) doubles the bundle's
    // memory: V8 stores the whole 3 MB source as UTF-16. Write such characters as \u escapes.
    const source = readFileSync(VDM, 'utf8');
    const wide = [...source].findIndex((ch) => ch.charCodeAt(0) > 0xff);
    expect(wide === -1 ? '' : source.slice(Math.max(0, wide - 40), wide + 10)).toBe('');
  });

  it('has help for every command', async () => {
    const dir = freshDir();
    const top = await vdm(['--help'], dir, envFor(dir));
    for (const command of ['serve', 'providers', 'resolve', 'config'])
      expect(top.stdout).toContain(command);
    for (const sub of [
      ['serve'],
      ['providers'],
      ['resolve'],
      ['config'],
      ['config', 'show'],
      ['config', 'validate'],
    ]) {
      const help = await vdm([...sub, '--help'], dir, envFor(dir));
      expect(help.code, sub.join(' ')).toBe(0);
      expect(help.stdout).toMatch(/Usage: vdm/);
    }
  });

  it('resolves an alias and prints the trace, with provider:model last', async () => {
    const dir = freshDir();
    const env = envFor(dir, {
      FAKE_API_KEY: KEY,
      FAKE_BASE_URL: 'http://127.0.0.1:9',
      FAKE_API_FORMAT: 'anthropic',
      FAKE_ALIAS_HAIKU: 'claude-fast',
      VDM_DEFAULT_PROVIDER: 'fake',
    });
    const out = await vdm(['resolve', 'claude-haiku-4-5-20251001'], dir, env);
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n').at(-1)).toBe('fake:claude-fast');
    expect(out.stdout).toMatch(/haiku/);
    const bad = await vdm(['resolve', 'nope:model'], dir, env);
    expect(bad.code).toBe(1);
    expect(bad.stderr + bad.stdout).toMatch(/nope/);
  });

  it('lists providers with key hashes, the default mark and partial reasons, never a key', async () => {
    const dir = freshDir();
    const env = envFor(dir, {
      FAKE_API_KEY: KEY,
      FAKE_BASE_URL: 'http://127.0.0.1:9',
      FAKE_API_FORMAT: 'anthropic',
      BROKEN_API_KEY: KEY,
      VDM_DEFAULT_PROVIDER: 'fake',
      PORT: '1',
    });
    const out = await vdm(['providers'], dir, env);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/fake\s*\*|\*\s*fake|fake \*/);
    expect(out.stdout).toMatch(/broken/);
    expect(out.stdout).toMatch(/base URL|base-url|BROKEN_BASE_URL/i);
    expect(out.stdout + out.stderr).not.toContain(KEY);
  });

  it('validates config: exit 1 naming the file and line of a TOML error', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'vandamme-config.toml'), '[openai]\napi-key = "sk-x\nbase-url = 3\n');
    const out = await vdm(['config', 'validate'], dir, envFor(dir));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/vandamme-config\.toml:2/);
    writeFileSync(
      join(dir, 'vandamme-config.toml'),
      `[fake]\napi-key = "${KEY}"\nbase-url = "http://127.0.0.1:9"\napi-format = "anthropic"\n`,
    );
    const good = await vdm(['config', 'validate'], dir, envFor(dir));
    expect(good.code).toBe(0);
  });

  it('shows the effective config with its layers, secrets masked', async () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, 'vandamme-config.toml'),
      `[fake]\napi-key = "${KEY}"\nbase-url = "http://127.0.0.1:9"\napi-format = "anthropic"\n`,
    );
    const out = await vdm(['config', 'show'], dir, envFor(dir, { FAKE_TIMEOUT: '45' }));
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/vandamme-config\.toml:3/);
    expect(out.stdout).toMatch(/FAKE_TIMEOUT/);
    expect(out.stdout).toContain('…9876');
    expect(out.stdout).not.toContain(KEY);
  });
});

describe('vdm serve', () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(async () => {
    await upstream.close();
  });

  async function serveUntilListening(env: NodeJS.ProcessEnv, cwd: string) {
    const child = spawn(process.execPath, [VDM, 'serve', '--port', '0'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout}`)), 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}`)));
    });
    await new Promise((r) => setTimeout(r, 50));
    return { child, url, stdout: () => stdout };
  }

  it('starts with no configuration at all and says what to do', async () => {
    const dir = freshDir();
    const { child, url, stdout } = await serveUntilListening(envFor(dir), dir);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stdout()).toMatch(/No provider configured/);
      expect(stdout()).toMatch(/ANTHROPIC_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
      const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
      expect(health.status).toBe('no-providers');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
  });

  it('serves a vandamme-proxy user env (.env in the working directory) and proxies a request', async () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, '.env'),
      `FAKE_API_KEY=${KEY}\nFAKE_BASE_URL=${upstream.url}\nFAKE_API_FORMAT=anthropic\nVDM_DEFAULT_PROVIDER=fake\nFAKE_ALIAS_SONNET=claude-sonnet-upstream\n`,
    );
    const { child, url, stdout } = await serveUntilListening(envFor(dir), dir);
    try {
      expect(stdout()).toMatch(/\* fake/);
      const res = await fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'anthropic-version': '2023-06-01',
          'x-api-key': 'client',
        },
        body: JSON.stringify({
          model: 'claude-sonnet-4-5',
          max_tokens: 8,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(upstream.requests.at(-1)?.body ?? '{}').model).toBe(
        'claude-sonnet-upstream',
      );
    } finally {
      child.kill('SIGTERM');
    }
    await new Promise((r) => child.once('exit', r));
  });
});
