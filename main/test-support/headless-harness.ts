import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../core/logging/logger.js';
import { startHeadless, type Headless } from '../headless.js';

export const TEST_ADMIN_TOKEN = 'admin-token-FAKE-0123456789';

export interface HeadlessHarness {
  readonly headless: Headless;
  readonly dir: string;
  readonly logs: string[];
  /** POST /api/<operation> with the admin token (or the given headers instead). */
  call(
    operation: string,
    input: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown; text: string }>;
  close(): Promise<void>;
}

/**
 * `vdm serve` as the tests drive it: port 0, an empty temporary project and home, the memory
 * secret store, a known admin token, logs captured.
 */
export async function startHeadlessHarness(
  env: Record<string, string> = {},
  /** Runs in the empty project before the server starts (to plant files). */
  prepare: (dir: string) => void = () => undefined,
): Promise<HeadlessHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'vdm-admin-'));
  prepare(dir);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const started = await startHeadless({
    baseSources: () => ({ env: { VDM_HOME: join(dir, 'data'), ...env }, cwd: dir, homeDir: dir }),
    port: 0,
    secretStoreKind: 'memory',
    adminToken: TEST_ADMIN_TOKEN,
    logger: createLogger('debug', sink),
  });
  if (started.kind !== 'started')
    throw new Error(`headless did not start: ${JSON.stringify(started)}`);
  const { headless } = started;
  return {
    headless,
    dir,
    logs,
    async call(operation, input, headers) {
      const response = await fetch(`${headless.url}/api/${operation}`, {
        method: 'POST',
        headers: headers ?? {
          'content-type': 'application/json',
          authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        },
        body: JSON.stringify(input),
      });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text) as unknown, text };
    },
    close: () => headless.close(1000),
  };
}
