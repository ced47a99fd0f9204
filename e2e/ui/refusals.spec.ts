import { adminPost, expect, test } from './fixtures.js';

test.describe('admin refusals', { tag: ['@security'] }, () => {
  test('the page without the token asks for the link', async ({ page, server }) => {
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('admin-token-needed')).toBeVisible();
    await expect(page.getByTestId('app-status')).toHaveCount(0);
  });

  test('the API refuses a wrong token (401), a foreign Host (403) and a foreign Origin (403)', async ({
    server,
  }) => {
    const right = { authorization: `Bearer ${server.token}` };
    expect((await adminPost(server, 'providers.list', right)).status).toBe(200);

    const wrong = await adminPost(server, 'providers.list', {
      authorization: 'Bearer not-the-admin-token',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(server.token);

    const host = await adminPost(server, 'providers.list', { ...right, host: 'attacker.example' });
    expect(host.status).toBe(403);

    const origin = await adminPost(server, 'providers.list', {
      ...right,
      origin: 'http://evil.example',
    });
    expect(origin.status).toBe(403);
  });
});
