import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnthropicSse } from '../openai-chat/stream-test-support.js';
import { responsesStream, type ResponsesEvent } from '../../../test-support/fake-responses.js';
import { startFakeUpstream, type FakeUpstream } from '../../../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../../../test-support/proxy-harness.js';

/**
 * Golden transcripts for Responses upstreams (golden/responses/): the shared runner
 * (golden.integration.test.ts) replays Chat streams only, so these get their own, same format plus
 * `expectedUpstreamHeaders`. `provider` "chatgpt" runs the ChatGPT-backend quirks with an API key.
 */
interface Transcript {
  readonly provider?: 'resp' | 'chatgpt';
  readonly endpoint: string;
  readonly clientRequest: Record<string, unknown>;
  readonly expectedUpstreamRequest: Record<string, unknown>;
  readonly expectedUpstreamHeaders?: Record<string, string>;
  readonly upstreamStream: readonly ResponsesEvent[];
  readonly expectedClientResponse?: Record<string, unknown>;
  readonly expectedClientEvents?: readonly { event: string; data: Record<string, unknown> }[];
}

const dir = join(import.meta.dirname, '..', 'golden', 'responses');
const transcripts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, t: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Transcript }));

let upstream: FakeUpstream | undefined;
let proxy: Harness | undefined;
afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe('golden transcripts, Responses upstreams', () => {
  it.each(transcripts)('$file', async ({ t }) => {
    upstream = await startFakeUpstream(responsesStream(t.upstreamStream));
    const chatgpt = t.provider === 'chatgpt';
    proxy = await startProxy(
      chatgpt
        ? {
            CHATGPT_AUTH_MODE: 'api_key',
            CHATGPT_API_KEY: 'sk-test-FAKE-golden-000000000000003',
            CHATGPT_BASE_URL: `${upstream.url}/backend-api/codex`,
            VDM_DEFAULT_PROVIDER: 'chatgpt',
          }
        : {
            RESP_API_KEY: 'sk-test-FAKE-golden-000000000000004',
            RESP_BASE_URL: `${upstream.url}/v1`,
            RESP_API_FORMAT: 'responses',
            VDM_DEFAULT_PROVIDER: 'resp',
          },
    );
    const res = await fetch(`${proxy.url}${t.endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(t.clientRequest),
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);

    const seen = upstream.requests[0];
    expect(seen?.url).toBe(chatgpt ? '/backend-api/codex/responses' : '/v1/responses');
    expect(JSON.parse(seen?.body ?? '{}')).toEqual(t.expectedUpstreamRequest);
    expect(seen?.headers).toMatchObject(t.expectedUpstreamHeaders ?? {});
    if (t.expectedClientResponse) expect(JSON.parse(text)).toMatchObject(t.expectedClientResponse);
    if (t.expectedClientEvents)
      expect(parseAnthropicSse(text).filter((e) => e.event !== 'ping')).toMatchObject(
        t.expectedClientEvents,
      );
  });
});
