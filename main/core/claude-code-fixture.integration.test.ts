import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

/** The captured first request of Claude Code (../shared/fixtures, beside the checkout). */
const fixture = JSON.parse(
  readFileSync(resolve('../shared/fixtures/claude-code-request.json'), 'utf8'),
) as {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
};

const KEY = 'sk-test-FAKE-fixture-0000000000000042';
let upstream: FakeUpstream;
let proxy: Harness;

beforeAll(async () => {
  upstream = await startFakeUpstream(reply('hi'));
  proxy = await startProxy({
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_BASE_URL: upstream.url,
    ANTHROPIC_ALIAS_SONNET: 'claude-sonnet-upstream',
  });
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

describe('the captured Claude Code request', () => {
  it('reaches an Anthropic upstream byte for byte, only the model replaced, headers and ?beta=true kept', async () => {
    const raw = JSON.stringify(fixture.body);
    const headers: Record<string, string> = {
      ...fixture.headers,
      'x-api-key': 'sk-ant-client-FAKE',
    };
    delete headers['host'];
    delete headers['content-length'];
    const res = await fetch(`${proxy.url}${fixture.url}`, { method: 'POST', headers, body: raw });
    expect(res.status).toBe(200);
    await res.text();
    const seen = upstream.requests[0];
    expect(seen?.url).toBe('/v1/messages?beta=true');
    const model = fixture.body['model'] as string;
    const expected = raw.replace(
      JSON.stringify(model),
      JSON.stringify(model.includes('sonnet') ? 'claude-sonnet-upstream' : model),
    );
    expect(seen?.body).toBe(expected);
    for (const name of [
      'anthropic-version',
      'anthropic-beta',
      'user-agent',
      'x-claude-code-session-id',
    ]) {
      if (fixture.headers[name] !== undefined)
        expect(seen?.headers[name], name).toBe(fixture.headers[name]);
    }
    expect(seen?.headers['x-api-key']).toBe(KEY);
  });
});
