import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type VdmApp } from '../app.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../core/logging/logger.js';

export interface Harness {
  readonly app: VdmApp;
  readonly url: string;
  /** Every log line the run wrote, as text. */
  readonly logs: string[];
  close(): Promise<void>;
}

/**
 * The real server on port 0 configured purely by `env` (as a user would), in an empty temporary
 * working directory and home so no real config file is read.
 */
export async function startProxy(
  env: Record<string, string>,
  options: { pingIntervalMs?: number } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'vdm-test-'));
  const loaded = loadConfig({
    env: { VDM_HOME: join(dir, 'home-data'), ...env },
    cwd: dir,
    homeDir: dir,
  });
  if (!loaded.ok) throw new Error(`test config invalid: ${JSON.stringify(loaded.error)}`);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const app = createApp({ config: loaded.value, logger, random: () => 0, ...options });
  const { url } = await app.server.listen(0, '127.0.0.1');
  return { app, url, logs, close: () => app.close(1000) };
}
