import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

let upstream: FakeUpstream;
let proxy: Harness;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

const answer = json(200, {
  id: 'c',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1 },
});
const ask = { max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

describe('OpenAI-format provider kinds', () => {
  it('Azure OpenAI: deployment URL with api-version, key in api-key, max_completion_tokens', async () => {
    upstream = await startFakeUpstream(answer);
    proxy = await startProxy({
      AZURE_API_KEY: 'azure-FAKE-key-000000000000000',
      AZURE_BASE_URL: upstream.url,
      AZURE_API_VERSION: '2024-10-21',
    });
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'x', maxRetries: 0 });
    const msg = await client.messages.create({ ...ask, model: 'azure:gpt-4o-mini' });
    expect(msg.content).toMatchObject([{ type: 'text', text: 'ok' }]);
    const seen = upstream.requests[0];
    expect(seen?.url).toBe(
      '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
    );
    expect(seen?.headers['api-key']).toBe('azure-FAKE-key-000000000000000');
    expect(seen?.headers['authorization']).toBeUndefined();
    expect(JSON.parse(seen?.body ?? '{}')['max_completion_tokens']).toBe(64);
  });

  it('a keyless local server (the ollama preset) gets no credential at all', async () => {
    upstream = await startFakeUpstream(answer);
    proxy = await startProxy({ OLLAMA_BASE_URL: `${upstream.url}/v1` });
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'x', maxRetries: 0 });
    await client.messages.create({ ...ask, model: 'ollama:qwen2.5-coder:7b' });
    const seen = upstream.requests[0];
    expect(seen?.url).toBe('/v1/chat/completions');
    expect(seen?.headers['authorization']).toBeUndefined();
    expect(JSON.parse(seen?.body ?? '{}')).toMatchObject({
      model: 'qwen2.5-coder:7b',
      max_tokens: 64,
    });
  });
});
