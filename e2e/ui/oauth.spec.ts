import { expect, goTo, test } from './fixtures.js';

test.describe('OAuth providers', { tag: ['@providers', '@oauth'] }, () => {
  test.use({ serverEnv: { CHATGPT_API_KEY: '!OAUTH' } });

  test('the chatgpt provider carries the lock badge, signed out', async ({ adminPage: page }) => {
    await goTo(page, 'providers');
    const badge = page.getByTestId('provider-chatgpt').getByTestId('lock-badge-chatgpt');
    await expect(badge).toBeVisible();
    await expect(badge).toContainText('signed out');
  });
});
