import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClaude, skipWithoutClaude } from './claude-cli.js';
import { reply, startFakeUpstream, type FakeUpstream } from '../main/test-support/fake-upstream.js';
import { startProxy, type Harness } from '../main/test-support/proxy-harness.js';

describe.skipIf(skipWithoutClaude)('the real Claude Code CLI through the proxy', () => {
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
    const stdout = await runClaude(proxy.url, [
      '-p',
      'Say PONG',
      '--model',
      'fake:claude-e2e-model',
    ]);
    expect(stdout).toContain('PONG from the fake Anthropic upstream');
    const main = upstream.requests.filter(
      (r) => r.url.startsWith('/v1/messages') && r.body.includes('Say PONG'),
    );
    expect(main.length).toBeGreaterThan(0);
    expect(JSON.parse(main[0]?.body ?? '{}').model).toBe('claude-e2e-model');
    expect(main[0]?.headers['x-api-key']).toBe('sk-test-FAKE-e2e-upstream-0000000000');
  }, 120_000);
});
