import { describe, expect, it } from 'vitest';
import { translateMessagesRequest } from '../messages-to-chat.js';
import { anthropicRequestToIr } from './to-ir.js';

const base = { model: 'claude-sonnet-4-6', max_tokens: 100 };
const userSays = (content: unknown) => ({ ...base, messages: [{ role: 'user', content }] });

const errorOf = (body: Record<string, unknown>) => {
  const result = anthropicRequestToIr(body);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('anthropicRequestToIr', () => {
  it('names an unknown block type without text', () => {
    expect(errorOf(userSays([{ type: 'hologram', data: 1 }]))).toEqual({
      kind: 'invalid-request',
      message: 'messages[0].content[0]: unsupported content block type "hologram".',
    });
  });

  it('keeps an unknown block that carries text', () => {
    const result = anthropicRequestToIr(userSays([{ type: 'future_text', text: 'hello' }]));
    expect(result.ok && result.value.messages[0]?.content).toEqual([
      { kind: 'text', text: 'hello' },
    ]);
  });

  it('strips server-tool blocks from history instead of failing', () => {
    const result = anthropicRequestToIr({
      ...base,
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 's', name: 'web_search', input: {} },
            { type: 'web_search_tool_result', tool_use_id: 's', content: [] },
            { type: 'text', text: 'found' },
          ],
        },
      ],
    });
    expect(result.ok && result.value.messages[0]?.content).toEqual([
      { kind: 'text', text: 'found' },
    ]);
  });

  it('rejects a block in the wrong role', () => {
    const body = {
      ...base,
      messages: [{ role: 'assistant', content: [{ type: 'tool_result', tool_use_id: 'x' }] }],
    };
    expect(errorOf(body).kind).toBe('invalid-request');
  });

  it.each([
    [{ ...base, messages: 'hi' }, '"messages" must be an array.'],
    [{ ...base, model: 1, messages: [] }, '"model" must be a non-empty string.'],
    [{ ...base, max_tokens: -1, messages: [] }, '"max_tokens" must be a positive integer.'],
    [
      { ...base, messages: [{ role: 'tool', content: 'x' }] },
      'messages[0]: "role" must be user, assistant or system.',
    ],
    [
      { ...base, messages: [], output_config: { effort: 'extreme' } },
      '"output_config.effort" must be low, medium, high or max, not "extreme".',
    ],
  ])('rejects %j', (body, message) => {
    expect(errorOf(body)).toEqual({ kind: 'invalid-request', message });
  });

  it('a document is conversion-unsupported, named after the target provider', () => {
    const pdf = {
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data: 'JVBE' },
    };
    const result = translateMessagesRequest(userSays([pdf]), {
      model: 'm',
      providerName: 'groq',
      maxTokensField: 'max_tokens',
      reasoningContentPassthrough: false,
      toolNameSanitization: false,
      cleanToolSchemas: false,
      stream: false,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'conversion-unsupported', provider: 'groq' });
      expect(JSON.stringify(result.error)).toContain('document');
    }
  });
});

describe('documents', () => {
  const request = (document: Record<string, unknown>) => ({
    model: 'm',
    max_tokens: 10,
    messages: [{ role: 'user', content: [document, { type: 'text', text: 'Summarise it.' }] }],
  });

  it('sends a text-source document as titled text', () => {
    const ir = anthropicRequestToIr(
      request({
        type: 'document',
        title: 'Notes',
        source: { type: 'text', media_type: 'text/plain', data: 'Line one.' },
      }),
    );
    expect(ir.ok && ir.value.messages[0]?.content[0]).toEqual({
      kind: 'text',
      text: 'Notes\n\nLine one.',
    });
  });

  it('sends a content-source document made of text blocks as text', () => {
    const ir = anthropicRequestToIr(
      request({
        type: 'document',
        source: {
          type: 'content',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      }),
    );
    expect(ir.ok && ir.value.messages[0]?.content[0]).toEqual({ kind: 'text', text: 'a\nb' });
  });

  const pdf = {
    type: 'document',
    title: 'spec.pdf',
    source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
  };
  const target = {
    model: 'gpt-x',
    providerName: 'groq',
    maxTokensField: 'max_tokens' as const,
    reasoningContentPassthrough: false,
    toolNameSanitization: false,
    cleanToolSchemas: false,
    stream: false,
  };

  it('turns a base64 PDF into a document part', () => {
    const ir = anthropicRequestToIr(request(pdf));
    expect(ir.ok && ir.value.messages[0]?.content[0]).toEqual({
      kind: 'document',
      mediaType: 'application/pdf',
      data: 'JVBERi0=',
      title: 'spec.pdf',
    });
  });

  it('sends a PDF as a Chat file part to a provider that takes files', () => {
    const chat = translateMessagesRequest(request(pdf), {
      ...target,
      providerName: 'openai',
      fileParts: true,
    });
    const messages = chat.ok ? (chat.value.body['messages'] as { content: unknown }[]) : [];
    expect(messages[0]?.content).toEqual([
      {
        type: 'file',
        file: { filename: 'spec.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
      },
      { type: 'text', text: 'Summarise it.' },
    ]);
  });

  it('refuses a PDF for a provider that does not, naming the provider and the fix', () => {
    const chat = translateMessagesRequest(request(pdf), target);
    expect(chat.ok).toBe(false);
    expect(!chat.ok && chat.error).toMatchObject({
      kind: 'conversion-unsupported',
      provider: 'groq',
    });
    expect(!chat.ok && chat.error.kind === 'conversion-unsupported' && chat.error.message).toMatch(
      /PDF.*extract the text/,
    );
  });
});
