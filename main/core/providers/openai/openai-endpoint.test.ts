import { describe, expect, it } from 'vitest';
import { providerConfig } from '../../../test-support/provider-config.js';
import { chatQuirksOf } from './openai-quirks.js';
import { chatCompletionsTarget, chatHeaders } from './openai-endpoint.js';

describe('Chat Completions endpoint', () => {
  it('calls {base}/chat/completions with a Bearer key and the provider headers', () => {
    const p = providerConfig('openrouter', {
      baseUrl: 'https://openrouter.ai/api/v1',
      headers: { 'HTTP-Referer': 'https://x.test' },
    });
    expect(chatCompletionsTarget(p, 'qwen/qwen3-coder:free')).toEqual({
      origin: 'https://openrouter.ai',
      path: '/api/v1/chat/completions',
    });
    const headers = chatHeaders(p, { kind: 'provider-key', key: 'sk-or-FAKE' });
    expect(headers['authorization']).toBe('Bearer sk-or-FAKE');
    expect(headers['http-referer']).toBe('https://x.test');
    expect(headers['anthropic-version']).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
  });

  it('uses the Azure deployment URL, api-version and the api-key header', () => {
    const p = providerConfig('azure', {
      baseUrl: 'https://my-res.openai.azure.com',
      apiVersion: '2024-10-21',
    });
    expect(chatCompletionsTarget(p, 'gpt-4o-mini')).toEqual({
      origin: 'https://my-res.openai.azure.com',
      path: '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
    });
    const headers = chatHeaders(p, { kind: 'provider-key', key: 'azure-FAKE' });
    expect(headers['api-key']).toBe('azure-FAKE');
    expect(headers['authorization']).toBeUndefined();
    expect(chatQuirksOf(p).maxTokensField).toBe('max_completion_tokens');
  });

  it("passes the client's own key through as Bearer for !PASSTHRU, and nothing for keyless servers", () => {
    const p = providerConfig('ollama', { baseUrl: 'http://localhost:11434/v1' });
    expect(
      chatHeaders(p, { kind: 'client', headers: { 'x-api-key': 'sk-own' } })['authorization'],
    ).toBe('Bearer sk-own');
    expect(chatHeaders(p, { kind: 'none' })['authorization']).toBeUndefined();
  });

  it('knows which providers need max_completion_tokens and schema cleaning', () => {
    expect(chatQuirksOf(providerConfig('openai')).maxTokensField).toBe('max_completion_tokens');
    expect(chatQuirksOf(providerConfig('groq')).maxTokensField).toBe('max_tokens');
    expect(chatQuirksOf(providerConfig('gemini')).cleanToolSchemas).toBe(true);
  });
});
