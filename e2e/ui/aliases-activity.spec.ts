import Anthropic from '@anthropic-ai/sdk';
import { addFakeProvider, addHaikuAlias, expect, goTo, test } from './fixtures.js';

const MODEL = 'claude-haiku-4-5-20251001';

test.describe('aliases and activity', { tag: ['@aliases', '@activity'] }, () => {
  test('create an alias through the UI; the live trace box resolves a Claude model through it', async ({
    adminPage: page,
    upstream,
  }) => {
    await addFakeProvider(page, upstream.url);
    await addHaikuAlias(page);
    await expect(page.getByTestId('alias-fake-haiku')).toContainText('claude-haiku-x');

    await page.getByTestId('resolve-input').fill(MODEL);
    await expect(page.getByTestId('resolve-result')).toHaveText('fake:claude-haiku-x');
    await expect(page.getByTestId('trace-steps')).toContainText('alias "haiku" of provider fake');
  });

  test('a request through the proxy shows up in Activity live, with its route and status', async ({
    adminPage: page,
    upstream,
    server,
  }) => {
    await addFakeProvider(page, upstream.url);
    await addHaikuAlias(page);
    await goTo(page, 'activity');
    await expect(page.getByTestId('activity-row')).toHaveCount(0);

    const client = new Anthropic({ baseURL: server.url, apiKey: 'client', maxRetries: 0 });
    const answer = await client.messages.create({
      model: MODEL,
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    expect(answer.content[0]).toMatchObject({ type: 'text' });

    // Arrives over the event stream: no reload, no navigation.
    const row = page.getByTestId('activity-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('activity-route')).toHaveText(`${MODEL} → fake:claude-haiku-x`);
    await expect(row.getByTestId('activity-status')).toHaveText('200');

    const upstreamCalls = upstream.requests.filter((r) => r.url.startsWith('/v1/messages'));
    expect(upstreamCalls).toHaveLength(1);
    expect(JSON.parse(upstreamCalls[0]?.body ?? '{}')).toMatchObject({ model: 'claude-haiku-x' });
  });
});
