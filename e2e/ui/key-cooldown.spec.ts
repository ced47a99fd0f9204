import Anthropic from '@anthropic-ai/sdk';
import { anthropicError } from '../../main/test-support/fake-upstream.js';
import { addFakeProvider, expect, goTo, test } from './fixtures.js';

test.describe('key health', { tag: ['@keys'] }, () => {
  test('a 429 with retry-after cools one key down (countdown on the Keys page), the other key answers', async ({
    adminPage: page,
    upstream,
    server,
  }) => {
    await addFakeProvider(page, upstream.url);
    await goTo(page, 'keys');
    const badges = page.locator('[data-testid^="key-status-fake-"]');
    await expect(badges).toHaveText(['healthy', 'healthy']);

    upstream.enqueue(anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '60' }));
    const client = new Anthropic({ baseURL: server.url, apiKey: 'client', maxRetries: 0 });
    const answer = await client.messages.create({
      model: 'fake:claude-haiku-x',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    expect(answer.content[0]).toMatchObject({ type: 'text' });

    // Two upstream attempts with two different keys: the 429 one, then the failover.
    const calls = upstream.requests.filter((r) => r.url.startsWith('/v1/messages'));
    expect(calls).toHaveLength(2);
    expect(calls[0]?.headers['x-api-key']).not.toBe(calls[1]?.headers['x-api-key']);

    // The Keys page updates on its own (a `changed` event), and the countdown ticks.
    const cooling = badges.filter({ hasText: /cooling down/ });
    await expect(cooling).toHaveCount(1);
    await expect(cooling).toHaveText(/^cooling down [0-9]+:[0-5][0-9]$/);
    await expect(badges.filter({ hasText: 'healthy' })).toHaveCount(1);
    const first = await cooling.textContent();
    await expect(cooling).not.toHaveText(first ?? '');
    await expect(cooling).toHaveText(/^cooling down [0-9]+:[0-5][0-9]$/);
  });
});
