import { KEY_A, KEY_B, addFakeProvider, expect, goTo, keyRows, test } from './fixtures.js';

test.describe('providers and keys', { tag: ['@providers', '@keys'] }, () => {
  test('add a provider with two keys through the UI: hints on the card and the Keys page, never the keys', async ({
    adminPage: page,
    upstream,
  }) => {
    await addFakeProvider(page, upstream.url);

    const card = page.getByTestId('provider-fake');
    await expect(keyRows(page, 'fake')).toHaveCount(2);
    await expect(card.getByText('…aaaa', { exact: true })).toBeVisible();
    await expect(card.getByText('…bbbb', { exact: true })).toBeVisible();
    await expect(card.locator('[data-testid^="key-status-fake-"]')).toHaveText([
      'healthy',
      'healthy',
    ]);

    await goTo(page, 'keys');
    await expect(keyRows(page, 'fake')).toHaveCount(2);
    await expect(page.getByText('…aaaa', { exact: true })).toBeVisible();
    await expect(page.getByText('…bbbb', { exact: true })).toBeVisible();

    // No page ever holds a full key: not the Keys page, not the Providers page.
    for (const key of [KEY_A, KEY_B]) expect(await page.content()).not.toContain(key);
    await goTo(page, 'providers');
    await expect(card).toBeVisible();
    for (const key of [KEY_A, KEY_B]) expect(await page.content()).not.toContain(key);
    // The add form was cleared after adding.
    await expect(page.getByTestId('provider-keys')).toHaveValue('');
  });
});
