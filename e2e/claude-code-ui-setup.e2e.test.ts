import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClaude, skipWithoutClaude } from './claude-cli.js';
import { reply, startFakeUpstream, type FakeUpstream } from '../main/test-support/fake-upstream.js';
import {
  startHeadlessHarness,
  type HeadlessHarness,
} from '../main/test-support/headless-harness.js';

const KEY = 'sk-test-FAKE-ui-setup-00000000001';

// The "done when": a provider and a key added through the admin API the window uses, then
// Claude Code works through the proxy, with no config file or variable written by the user.
describe.skipIf(skipWithoutClaude)('Claude Code after setting up in the window only', () => {
  let upstream: FakeUpstream;
  let proxy: HeadlessHarness;

  beforeAll(async () => {
    upstream = await startFakeUpstream(reply('PONG set up in the window'));
    proxy = await startHeadlessHarness();
  });

  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  it('claude -p answers through a provider and an alias made in the window', async () => {
    const added = await proxy.call('providers.add', {
      name: 'fake',
      apiFormat: 'anthropic',
      baseUrl: upstream.url,
      keys: [KEY],
    });
    expect(added.body).toMatchObject({ ok: true });
    const alias = await proxy.call('aliases.set', {
      provider: 'fake',
      name: 'sonnet',
      target: 'claude-ui-model',
    });
    expect(alias.body).toMatchObject({ ok: true });

    const stdout = await runClaude(proxy.headless.url, ['-p', 'Say PONG', '--model', 'sonnet']);
    expect(stdout).toContain('PONG set up in the window');
    const main = upstream.requests.find((r) => r.body.includes('Say PONG'));
    expect(JSON.parse(main?.body ?? '{}').model).toBe('claude-ui-model');
    expect(main?.headers['x-api-key']).toBe(KEY);
  }, 120_000);
});
