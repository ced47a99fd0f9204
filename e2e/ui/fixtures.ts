import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startFakeUpstream, type FakeUpstream } from '../../main/test-support/fake-upstream.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(repoRoot, 'dist/vdm.mjs');
export const screenshotsDir = join(repoRoot, 'e2e/screenshots');

/** Obvious fakes: never real credentials, and distinct last four characters for the hints. */
export const KEY_A = 'sk-test-FAKE-e2e-key-A-0000aaaa';
export const KEY_B = 'sk-test-FAKE-e2e-key-B-0000bbbb';

export interface VdmServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The one-click admin link `vdm serve` printed (`<url>/#token=...`). */
  readonly adminUrl: string;
  readonly token: string;
  /** Everything the server wrote, for failure messages. */
  readonly output: () => string;
}

/**
 * `vdm serve --port 0` in a fresh temp dir (cwd, HOME, VDM_HOME), secrets in memory; ready when
 * the admin link is printed. Stopped with SIGTERM and awaited.
 */
async function startServer(
  dir: string,
  env: Record<string, string>,
): Promise<{ server: VdmServer; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      VDM_HOME: join(dir, 'data'),
      VDM_SECRET_STORE: 'memory',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = new Promise<VdmServer>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const link = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(output);
      if (link?.[1] && link[2]) {
        resolveReady({
          url: link[1],
          adminUrl: link[0],
          token: link[2],
          output: () => output,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) =>
      reject(new Error(`vdm serve exited (code ${code}) before printing its link:\n${output}`)),
    );
    child.once('error', reject);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    return { server: await ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Fixtures {
  /** Extra env for `vdm serve` (e.g. `CHATGPT_API_KEY: '!OAUTH'`); set with `test.use`. */
  serverEnv: Record<string, string>;
  upstream: FakeUpstream;
  server: VdmServer;
  /** The admin UI, opened with the one-click link, shell loaded. */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's deps from this pattern
  upstream: async ({}, use) => {
    const upstream = await startFakeUpstream();
    await use(upstream);
    await upstream.close();
  },
  server: async ({ serverEnv, browser }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'vdm-e2e-ui-'));
    await mkdir(join(dir, 'data'));
    const { server, stop } = await startServer(dir, serverEnv);
    await use(server);
    // Close the browser's connections first (the page's event stream, keep-alive and preconnected
    // sockets): on SIGTERM the server waits up to 10 s for open connections to finish.
    await Promise.all(browser.contexts().map((context) => context.close()));
    await stop();
    await rm(dir, { recursive: true, force: true });
  },
  adminPage: async ({ page, server }, use) => {
    await page.goto(server.adminUrl);
    await expect(page.getByTestId('app-status')).toBeVisible();
    await use(page);
  },
});

export { expect };

export type PageName = 'providers' | 'keys' | 'aliases' | 'activity' | 'settings';

export async function goTo(page: Page, name: PageName): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  await expect(page.getByTestId(`nav-${name}`)).toHaveAttribute('aria-current', 'page');
}

/** Providers page add form: an Anthropic-format provider on the fake upstream with two keys. */
export async function addFakeProvider(page: Page, upstreamUrl: string): Promise<void> {
  await goTo(page, 'providers');
  await page.getByTestId('provider-name').fill('fake');
  await page.getByTestId('provider-format').selectOption('anthropic');
  await page.getByTestId('provider-base-url').fill(upstreamUrl);
  await page.getByTestId('provider-keys').fill(`${KEY_A}\n${KEY_B}`);
  await page.getByTestId('provider-add-submit').click();
  await expect(page.getByTestId('provider-fake')).toBeVisible();
}

/** Aliases page form: `haiku` -> `claude-haiku-x` for provider `fake`. */
export async function addHaikuAlias(page: Page): Promise<void> {
  await goTo(page, 'aliases');
  await page.getByTestId('alias-provider').selectOption('fake');
  await page.getByTestId('alias-name').fill('haiku');
  await page.getByTestId('alias-target').fill('claude-haiku-x');
  await page.getByTestId('alias-submit').click();
  await expect(page.getByTestId('alias-fake-haiku')).toBeVisible();
}

/** Key rows of a provider (`key-<provider>-<hash>`), not their status badges. */
export const keyRows = (page: Page, provider: string) =>
  page.locator(`[data-testid^="key-${provider}-"]:not([data-testid^="key-status-"])`);

/** A raw admin API call with node's http, so any header (even `Host`) can be set. */
export function adminPost(
  server: VdmServer,
  operation: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: 'POST',
        path: `/api/${operation}`,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end('{}');
  });
}
