import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnthropicSse } from './openai-chat/stream-test-support.js';
import {
  json,
  startFakeUpstream,
  type FakeUpstream,
  type Responder,
} from '../../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../../test-support/proxy-harness.js';

/**
 * Golden transcripts (issue 3): per scenario the client's request, the request the upstream must
 * receive, the upstream's answer or stream, and what the client must get back. Each is played
 * through the real proxy against a fake upstream. Expected objects are matched as subsets where ids
 * and timestamps are generated; the upstream request is compared whole when given whole.
 */
interface Transcript {
  readonly scenario: string;
  readonly provider: 'openai' | 'anthropic';
  readonly endpoint: string;
  readonly clientRequest: Record<string, unknown>;
  readonly expectedUpstreamRequest?: Record<string, unknown>;
  readonly expectedUpstreamMessages?: readonly Record<string, unknown>[];
  readonly expectedUpstreamContains?: readonly string[];
  readonly expectedUpstreamLacks?: readonly string[];
  readonly upstreamResponse?: unknown;
  readonly upstreamStream?: readonly Record<string, unknown>[];
  readonly expectedClientResponse?: Record<string, unknown>;
  readonly expectedClientEvents?: readonly { event: string; data: Record<string, unknown> }[];
}

const dir = join(import.meta.dirname, 'golden');
const transcripts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, t: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Transcript }));

function chatSse(chunks: readonly Record<string, unknown>[]): Responder {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const chunk of chunks)
      res.write(
        `data: ${JSON.stringify({ id: 'g', object: 'chat.completion.chunk', created: 1, model: 'm', ...chunk })}\n\n`,
      );
    res.end('data: [DONE]\n\n');
  };
}

let upstream: FakeUpstream | undefined;
let proxy: Harness | undefined;
afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

describe('golden transcripts', () => {
  it.each(transcripts)('$file', async ({ t }) => {
    upstream = await startFakeUpstream(
      t.upstreamStream ? chatSse(t.upstreamStream) : json(200, t.upstreamResponse),
    );
    const env: Record<string, string> =
      t.provider === 'openai'
        ? {
            OPENAI_API_KEY: 'sk-test-FAKE-golden-000000000000001',
            OPENAI_BASE_URL: `${upstream.url}/v1`,
          }
        : {
            ANTHROPIC_API_KEY: 'sk-test-FAKE-golden-000000000000002',
            ANTHROPIC_BASE_URL: upstream.url,
          };
    proxy = await startProxy(env);
    const res = await fetch(`${proxy.url}${t.endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(t.clientRequest),
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);

    const sentText = upstream.requests[0]?.body ?? '{}';
    const sent = JSON.parse(sentText) as Record<string, unknown>;
    if (t.expectedUpstreamRequest) expect(sent).toEqual(t.expectedUpstreamRequest);
    if (t.expectedUpstreamMessages)
      expect(sent['messages']).toMatchObject(t.expectedUpstreamMessages);
    for (const needle of t.expectedUpstreamContains ?? []) expect(sentText).toContain(needle);
    for (const needle of t.expectedUpstreamLacks ?? []) expect(sentText).not.toContain(needle);

    if (t.expectedClientResponse) expect(JSON.parse(text)).toMatchObject(t.expectedClientResponse);
    if (t.expectedClientEvents)
      expect(parseAnthropicSse(text).filter((e) => e.event !== 'ping')).toMatchObject(
        t.expectedClientEvents,
      );
  });
});
