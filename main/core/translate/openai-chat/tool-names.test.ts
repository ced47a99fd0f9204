import { describe, expect, it } from 'vitest';
import { translateChatResponse, translateMessagesRequest } from '../messages-to-chat.js';
import { rewriteToolNames } from './tool-names.js';

const VALID = /^[a-zA-Z0-9_-]{1,64}$/;

describe('rewriteToolNames', () => {
  it('leaves valid names alone and maps only rewritten ones', () => {
    const { toSent, toOriginal } = rewriteToolNames(['Read', 'mcp:fs.read']);
    expect(toSent.get('Read')).toBe('Read');
    expect(toSent.get('mcp:fs.read')).toBe('mcp_fs_read');
    expect([...toOriginal]).toEqual([['mcp_fs_read', 'mcp:fs.read']]);
  });

  it('de-duplicates collisions, valid names keeping theirs', () => {
    const { toSent } = rewriteToolNames(['a.b', 'a_b', 'a:b']);
    expect(toSent.get('a_b')).toBe('a_b');
    expect(toSent.get('a.b')).toBe('a_b_2');
    expect(toSent.get('a:b')).toBe('a_b_3');
  });

  it('truncates to 64 characters, suffix included', () => {
    const long = `x.${'y'.repeat(80)}`;
    const other = `x:${'y'.repeat(80)}`;
    const { toSent } = rewriteToolNames([long, other]);
    const sent = [toSent.get(long), toSent.get(other)];
    for (const name of sent) expect(name).toMatch(VALID);
    expect(new Set(sent).size).toBe(2);
  });
});

describe('tool-name sanitization round trip', () => {
  it('sends safe names in tools, history and tool_choice, and restores them in the answer', () => {
    const translated = translateMessagesRequest(
      {
        model: 'm',
        max_tokens: 10,
        tools: [{ name: 'mcp:fs.read', input_schema: { type: 'object' } }],
        tool_choice: { type: 'tool', name: 'mcp:fs.read' },
        messages: [
          { role: 'user', content: 'read it' },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 't1', name: 'mcp:fs.read', input: {} }],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
        ],
      },
      {
        model: 'gemini',
        providerName: 'gemini',
        maxTokensField: 'max_tokens',
        reasoningContentPassthrough: false,
        toolNameSanitization: true,
        cleanToolSchemas: true,
        stream: false,
      },
    );
    if (!translated.ok) throw new Error(JSON.stringify(translated.error));
    const sent = JSON.stringify(translated.value.body);
    expect(sent).not.toContain('mcp:fs.read');
    expect(translated.value.body.tool_choice).toEqual({
      type: 'function',
      function: { name: 'mcp_fs_read' },
    });

    const answer = {
      choices: [
        {
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'c', type: 'function', function: { name: 'mcp_fs_read', arguments: '{}' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    };
    const back = translateChatResponse(answer, {
      requestedModel: 'claude',
      messageId: 'msg_1',
      toolNames: translated.value.toolNames,
    });
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    expect(back.value.content).toMatchObject([{ type: 'tool_use', name: 'mcp:fs.read' }]);
  });
});
