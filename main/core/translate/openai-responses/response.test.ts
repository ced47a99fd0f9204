import { describe, expect, it } from 'vitest';
import {
  functionCallItem,
  messageItem,
  reasoningItem,
  responseObject,
  responsesEventsFor,
  responsesSse,
} from '../../../test-support/fake-responses.js';
import { fixtureResponseBody } from '../openai-chat/stream-test-support.js';
import { collectResponsesStream } from './collect-stream.js';
import { translateResponsesAnswer } from './messages-to-responses.js';
import { unsealReasoning } from './reasoning-signature.js';

const OPTS = {
  requestedModel: 'claude-x',
  messageId: 'msg_1',
  toolNames: new Map<string, string>(),
  provider: 'openai',
};

function answer(json: unknown): Record<string, unknown> {
  const result = translateResponsesAnswer(json, OPTS);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('Responses answer -> Anthropic message', () => {
  it('text, with usage split into uncached input and cache reads', () => {
    const message = answer(
      responseObject([messageItem('Bonjour!')], { usage: { input: 30, cached: 10, output: 5 } }),
    );
    expect(message).toMatchObject({
      id: 'msg_1',
      model: 'claude-x',
      content: [{ type: 'text', text: 'Bonjour!' }],
      stop_reason: 'end_turn',
      usage: {
        input_tokens: 20,
        cache_read_input_tokens: 10,
        output_tokens: 5,
        cache_creation_input_tokens: 0,
      },
    });
  });

  it('reasoning summary first as thinking, sealed encrypted content as signature; calls -> tool_use', () => {
    const message = answer(
      responseObject([
        reasoningItem('Thinking hard.', 'gAAA-enc'),
        messageItem('Checking.'),
        functionCallItem('call_1', 'get_weather', '{"city":"Lisbon"}'),
      ]),
    );
    const content = message['content'] as Record<string, unknown>[];
    expect(content.map((b) => b['type'])).toEqual(['thinking', 'text', 'tool_use']);
    expect(content[0]?.['thinking']).toBe('Thinking hard.');
    expect(unsealReasoning(content[0]?.['signature'] as string, 'openai')).toBe('gAAA-enc');
    expect(content[2]).toMatchObject({
      id: 'call_1',
      name: 'get_weather',
      input: { city: 'Lisbon' },
    });
    expect(message['stop_reason']).toBe('tool_use');
  });

  it('incomplete with max_output_tokens -> max_tokens; content_filter -> refusal', () => {
    expect(
      answer(
        responseObject([messageItem('Lo')], {
          status: 'incomplete',
          incompleteReason: 'max_output_tokens',
        }),
      )['stop_reason'],
    ).toBe('max_tokens');
    expect(
      answer(responseObject([], { status: 'incomplete', incompleteReason: 'content_filter' }))[
        'stop_reason'
      ],
    ).toBe('refusal');
  });

  it('unparseable arguments are kept raw, with a note', () => {
    const notes: string[] = [];
    const result = translateResponsesAnswer(responseObject([functionCallItem('c', 'f', '{bad')]), {
      ...OPTS,
      onNote: (n) => notes.push(n),
    });
    expect(
      result.ok && (result.value['content'] as Record<string, unknown>[])[0]?.['input'],
    ).toEqual({ _raw_arguments: '{bad' });
    expect(notes).toHaveLength(1);
  });

  it('a failed response is an error, not a message', () => {
    const result = translateResponsesAnswer(
      {
        ...responseObject([], { status: 'failed' }),
        error: { code: 'rate_limit_exceeded', message: 'slow down' },
      },
      OPTS,
    );
    expect(!result.ok && result.error).toMatchObject({
      kind: 'upstream-http',
      status: 429,
      message: 'slow down',
    });
  });
});

describe('collectResponsesStream (an always-streaming upstream, a non-streaming client)', () => {
  it('rebuilds the fixture response from output_item.done events', () => {
    const collected = collectResponsesStream(
      fixtureResponseBody('openai-responses-stream-tools.txt'),
      'openai',
    );
    if (!collected.ok) throw new Error('unexpected');
    const message = answer(collected.value);
    expect((message['content'] as Record<string, unknown>[]).map((b) => b['type'])).toEqual([
      'thinking',
      'text',
      'tool_use',
    ]);
    expect(message['usage']).toMatchObject({
      input_tokens: 294,
      cache_read_input_tokens: 1920,
      output_tokens: 187,
    });
  });

  it('uses the items even when response.completed carries an empty output', () => {
    const output = [messageItem('Hello')];
    const events = responsesEventsFor(output, {
      terminal: { type: 'response.completed', response: responseObject([]) },
    });
    const collected = collectResponsesStream(responsesSse(events), 'chatgpt');
    expect(collected.ok && collected.value['output']).toEqual(output);
  });

  it.each([
    [1, 500],
    [2, 429],
    [3, 500],
  ])('fixture exchange %i ends in an error with status %i', (n, status) => {
    const collected = collectResponsesStream(
      fixtureResponseBody('openai-responses-stream-tools.txt', n),
      'openai',
    );
    expect(!collected.ok && collected.error).toMatchObject({ kind: 'upstream-http', status });
  });

  it('a stream cut before its end is a network-level error', () => {
    const events = responsesEventsFor([messageItem('Hi')]).slice(0, -1);
    const collected = collectResponsesStream(responsesSse(events), 'openai');
    expect(!collected.ok && collected.error.kind).toBe('upstream-network');
  });
});
