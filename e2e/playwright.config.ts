import { defineConfig } from '@playwright/test';

/**
 * Two projects (MACHINE.md): the UI in the system Chromium against `vdm serve` (never
 * `npx playwright install`), and the Electron app, which skips itself where the Electron binary
 * cannot be installed. Run: `npx playwright test -c e2e/playwright.config.ts --project <name>`.
 */
export default defineConfig({
  testDir: '.',
  outputDir: 'out/test-results',
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testMatch: 'ui/**/*.spec.ts',
      timeout: 30_000,
      expect: { timeout: 5_000 },
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
