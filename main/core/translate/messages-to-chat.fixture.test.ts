import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateMessagesRequest } from './messages-to-chat.js';

interface Fixture {
  readonly body: Record<string, unknown> & {
    readonly messages: readonly {
      readonly role: string;
      readonly content: readonly { readonly text: string }[];
    }[];
    readonly tools: readonly { readonly name: string }[];
  };
}

const fixture = JSON.parse(
  readFileSync(resolve(process.cwd(), '../shared/fixtures/claude-code-request.json'), 'utf8'),
) as Fixture;

interface SentMessage {
  readonly role: string;
  readonly content: unknown;
}

describe('the captured Claude Code request', () => {
  const result = translateMessagesRequest(fixture.body, {
    model: 'deepseek-chat',
    providerName: 'deepseek',
    maxTokensField: 'max_tokens',
    reasoningContentPassthrough: true,
    toolNameSanitization: true,
    cleanToolSchemas: true,
    stream: true,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { body, dropped } = result.value;
  const messages = body.messages as readonly SentMessage[];

  it('keeps the environment system message in place, after the user turn', () => {
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'system']);
    const env = fixture.body.messages[1]?.content[0]?.text;
    expect(env).toMatch(/^# Environment/);
    expect(messages[2]?.content).toBe(env);
  });

  it('sends the system prompt without the billing header, both remaining blocks joined', () => {
    const system = messages[0]?.content;
    expect(system).toMatch(/^You are a Claude agent, built on Anthropic's Claude Agent SDK\.\n\n/);
    expect(system).toContain('You are an agent working with the user');
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
  });

  it('keeps both user text blocks', () => {
    expect(messages[1]?.content).toEqual([
      { type: 'text', text: fixture.body.messages[0]?.content[0]?.text },
      { type: 'text', text: 'say hi' },
    ]);
  });

  it('sends the 12 tools minus the deferred one, schemas cleaned', () => {
    expect(dropped).toEqual(['DeferredToolPlaceholder']);
    const tools = body.tools as readonly {
      function: { name: string; parameters: Record<string, unknown> };
    }[];
    expect(fixture.body.tools).toHaveLength(12);
    expect(tools.map((t) => t.function.name)).toEqual(
      fixture.body.tools.map((t) => t.name).filter((name) => name !== 'DeferredToolPlaceholder'),
    );
    const bash = tools.find((t) => t.function.name === 'Bash')?.function.parameters;
    expect(bash).not.toHaveProperty('$schema');
    expect(bash?.properties).toHaveProperty('command');
    expect(result.value.toolNames.size).toBe(0);
  });

  it('keeps max_tokens, maps effort, streams with usage, forwards nothing Anthropic-only', () => {
    expect(body.max_tokens).toBe(128000);
    expect(body.reasoning_effort).toBe('medium');
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(Object.keys(body).sort()).toEqual(
      [
        'max_tokens',
        'messages',
        'model',
        'reasoning_effort',
        'stream',
        'stream_options',
        'tools',
      ].sort(),
    );
    expect(JSON.stringify(body)).not.toContain('cache_control');
  });
});
