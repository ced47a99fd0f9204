import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { anthropicError } from '../../main/test-support/fake-upstream.js';
import {
  addFakeProvider,
  addHaikuAlias,
  expect,
  goTo,
  screenshotsDir,
  test,
  type PageName,
} from './fixtures.js';

test.describe('screenshots', { tag: ['@screenshots'] }, () => {
  test.use({ serverEnv: { CHATGPT_API_KEY: '!OAUTH' } });

  test('every page with realistic data, saved to e2e/screenshots/<page>.png', async ({
    adminPage: page,
    upstream,
    server,
  }) => {
    // Data: an API-key provider with two keys (made default), an OAuth provider, an alias.
    await addFakeProvider(page, upstream.url);
    await page.getByTestId('make-default-fake').click();
    await expect(page.getByTestId('default-fake')).toBeVisible();
    await addHaikuAlias(page);

    // Traffic: a plain request, one that fails over after a 429, one the upstream refuses.
    const client = new Anthropic({ baseURL: server.url, apiKey: 'client', maxRetries: 0 });
    const ask = (model: string) =>
      client.messages.create({
        model,
        max_tokens: 64,
        messages: [{ role: 'user', content: 'Say hello' }],
      });
    await ask('claude-haiku-4-5-20251001');
    upstream.enqueue(anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '60' }));
    await ask('fake:claude-sonnet-x');
    upstream.enqueue(anthropicError(400, 'invalid_request_error', 'max_tokens is too large'));
    await expect(ask('claude-haiku-4-5-20251001')).rejects.toThrow();

    const shoot = (name: PageName) =>
      page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });

    await goTo(page, 'providers');
    await expect(page.getByTestId('lock-badge-chatgpt')).toBeVisible();
    await expect(page.getByTestId('provider-fake').getByText(/cooling down/)).toBeVisible();
    await shoot('providers');

    await goTo(page, 'keys');
    await expect(page.getByText(/cooling down \d+:\d\d/)).toBeVisible();
    await shoot('keys');

    await goTo(page, 'aliases');
    await page.getByTestId('resolve-input').fill('claude-haiku-4-5-20251001');
    await expect(page.getByTestId('resolve-result')).toHaveText('fake:claude-haiku-x');
    await page.getByTestId('resolve-input').blur();
    await shoot('aliases');

    await goTo(page, 'activity');
    await expect(page.getByTestId('activity-row')).toHaveCount(3);
    await shoot('activity');

    await goTo(page, 'settings');
    await expect(page.getByTestId('settings-file')).toBeVisible();
    await shoot('settings');
  });
});
