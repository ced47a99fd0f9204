import { freePorts } from '../../main/oauth/test-deps.js';
import {
  FAKE_EMAIL,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../../main/test-support/fake-oauth-server.js';
import { expect, goTo, test } from './fixtures.js';

// The fake authorization server on loopback stands in for auth.openai.com; `vdm serve` is pointed
// at it with the test-only VDM_TEST_OAUTH_ISSUER (refused unless it is http on loopback).
const signInTest = test.extend<{ oauth: FakeOAuthServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's deps from this pattern
  oauth: async ({}, use) => {
    const oauth = await startFakeOAuthServer();
    await use(oauth);
    await oauth.close();
  },
  serverEnv: async ({ oauth }, use) => {
    const [port] = await freePorts(1);
    await use({
      CHATGPT_API_KEY: '!OAUTH',
      VDM_TEST_OAUTH_ISSUER: oauth.url,
      VDM_TEST_OAUTH_PORTS: String(port),
    });
  },
});

signInTest.describe('sign-in from the window', { tag: ['@oauth'] }, () => {
  signInTest(
    'the Sign in button leads through the browser flow to the signed-in lock badge, then sign out',
    async ({ adminPage: page, oauth }) => {
      await goTo(page, 'providers');
      const card = page.getByTestId('provider-chatgpt');
      await expect(card.getByTestId('lock-badge-chatgpt')).toContainText('signed out');
      await expect(card.getByTestId('oauth-terms-chatgpt')).toContainText('terms');

      await card.getByTestId('oauth-signin-chatgpt').click();
      const link = card.getByTestId('oauth-authorize-url-chatgpt');
      await expect(link).toBeVisible();
      const authorizeUrl = await link.getAttribute('href');
      expect(authorizeUrl?.startsWith(oauth.url)).toBe(true);

      // The user's browser: a second page follows the link through to the loopback callback.
      const browserTab = await page.context().newPage();
      await browserTab.goto(authorizeUrl ?? '');
      await expect(browserTab.locator('body')).toContainText(/signed in/i);
      await browserTab.close();

      await expect(card.getByTestId('lock-badge-chatgpt')).toContainText('signed in');
      await expect(card.getByTestId('oauth-health-chatgpt')).toContainText(FAKE_EMAIL);
      const content = await page.content();
      for (const token of oauth.issued()) expect(content).not.toContain(token);

      await card.getByTestId('oauth-signout-chatgpt').click();
      await expect(card.getByTestId('lock-badge-chatgpt')).toContainText('signed out');
    },
  );
});
