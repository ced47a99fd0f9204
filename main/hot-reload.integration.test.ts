import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigIssue } from './config/model.js';
import { createLogger } from './core/logging/logger.js';
import { startHeadless, type Headless } from './headless.js';
import { startFakeUpstream, stream, type FakeUpstream } from './test-support/fake-upstream.js';

const KEY = 'sk-test-FAKE-reload-0000000000000001';
let headless: Headless | undefined;
const upstreams: FakeUpstream[] = [];

afterEach(async () => {
  await headless?.close(500);
  for (const u of upstreams.splice(0)) await u.close();
});

function toml(baseUrl: string, extra = ''): string {
  return `[defaults]\ndefault-provider = "fake"\n\n[fake]\napi-key = "${KEY}"\nbase-url = "${baseUrl}"\napi-format = "anthropic"\n${extra}`;
}

/** Write as editors do: a new file renamed over the old one. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const quiet = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

describe('hot reload of vandamme-config.toml', () => {
  it('applies a changed file to new requests while an in-flight stream finishes on the old config', async () => {
    const first = await startFakeUpstream();
    const second = await startFakeUpstream();
    upstreams.push(first, second);
    const dir = mkdtempSync(join(tmpdir(), 'vdm-reload-'));
    const file = join(dir, 'vandamme-config.toml');
    writeFileSync(file, toml(first.url));
    const reloadErrors: ConfigIssue[][] = [];
    const started = await startHeadless({
      baseSources: () => ({ env: { VDM_HOME: join(dir, 'data') }, cwd: dir, homeDir: dir }),
      secretStoreKind: 'memory',
      host: '127.0.0.1',
      port: 0,
      logger: quiet,
      onReloadError: (issues) => reloadErrors.push([...issues]),
    });
    if (started.kind !== 'started') throw new Error(started.kind);
    headless = started.headless;
    const client = new Anthropic({ baseURL: headless.url, apiKey: 'x', maxRetries: 0 });
    const ask = {
      model: 'claude-x',
      max_tokens: 8,
      messages: [{ role: 'user' as const, content: 'hi' }],
    };

    const words = Array.from({ length: 30 }, (_, i) => `w${i} `);
    first.enqueue(stream(words, { intervalMs: 25 }));
    const inFlight = client.messages.stream(ask).finalMessage();
    await expect.poll(() => first.requests.length).toBe(1);

    writeAtomically(file, toml(second.url, '[fake.aliases]\nsonnet = "claude-sonnet-upstream"\n'));
    await expect
      .poll(
        async () => {
          await client.messages.create({ ...ask, model: 'sonnet' });
          return second.requests.length;
        },
        { timeout: 5000, interval: 100 },
      )
      .toBeGreaterThan(0);
    expect(JSON.parse(second.requests.at(-1)?.body ?? '{}').model).toBe('claude-sonnet-upstream');

    const finished = await inFlight;
    expect(finished.content).toMatchObject([{ type: 'text', text: words.join('') }]);

    writeAtomically(file, '[fake\napi-key = "broken');
    await expect.poll(() => reloadErrors.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(reloadErrors[0]?.[0]).toMatchObject({ kind: 'toml-syntax', file, line: 1 });
    const before = second.requests.length;
    await client.messages.create(ask);
    expect(second.requests.length).toBe(before + 1);
  });
});
