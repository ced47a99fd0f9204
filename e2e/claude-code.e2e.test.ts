import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, startFakeUpstream, type FakeUpstream } from '../main/test-support/fake-upstream.js';
import { startProxy, type Harness } from '../main/test-support/proxy-harness.js';

const run = promisify(execFile);

/** `.ci/run` installs the CLI into e2e/.tools (MACHINE.md: ~380 MB, e2e step only). */
function findClaude(): string | undefined {
  const candidates = [process.env['CLAUDE_BIN'], resolve('e2e/.tools/node_modules/.bin/claude')];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
}

const claude = findClaude();
// In CI the CLI must be there: a missing binary is a failure, not a skip.
const skip = !claude && process.env['CI'] !== 'true';
if (skip)
  console.warn('Claude Code CLI not installed (set CLAUDE_BIN or run .ci/run): e2e skipped.');

describe.skipIf(skip)('the real Claude Code CLI through the proxy', () => {
  let upstream: FakeUpstream;
  let proxy: Harness;

  beforeAll(async () => {
    upstream = await startFakeUpstream(reply('PONG from the fake Anthropic upstream'));
    proxy = await startProxy({
      FAKE_API_KEY: 'sk-test-FAKE-e2e-upstream-0000000000',
      FAKE_BASE_URL: upstream.url,
      FAKE_API_FORMAT: 'anthropic',
      VDM_DEFAULT_PROVIDER: 'fake',
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  it('claude -p prints the upstream answer, and every request went through the proxy', async () => {
    expect(claude, 'Claude Code CLI binary (CLAUDE_BIN or e2e/.tools)').toBeDefined();
    const home = mkdtempSync(join(tmpdir(), 'vdm-claude-home-'));
    const { stdout } = await run(
      claude as string,
      ['-p', 'Say PONG', '--model', 'fake:claude-e2e-model'],
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: home,
          ANTHROPIC_BASE_URL: proxy.url,
          ANTHROPIC_API_KEY: 'sk-ant-client-FAKE',
          DISABLE_TELEMETRY: '1',
          DISABLE_AUTOUPDATER: '1',
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        },
        timeout: 90_000,
      },
    );
    expect(stdout).toContain('PONG from the fake Anthropic upstream');
    const main = upstream.requests.filter(
      (r) => r.url.startsWith('/v1/messages') && r.body.includes('Say PONG'),
    );
    expect(main.length).toBeGreaterThan(0);
    expect(JSON.parse(main[0]?.body ?? '{}').model).toBe('claude-e2e-model');
    expect(main[0]?.headers['x-api-key']).toBe('sk-test-FAKE-e2e-upstream-0000000000');
  }, 120_000);
});
