import { describe, expect, it } from 'vitest';
import { ChatUsageTap, usageOfCompletion } from './chat-usage.js';

describe('Chat usage for metrics', () => {
  it('reads a completion body, keeping cached tokens apart', () => {
    const body = Buffer.from(
      JSON.stringify({
        usage: {
          prompt_tokens: 30,
          completion_tokens: 5,
          prompt_tokens_details: { cached_tokens: 10 },
        },
      }),
    );
    expect(usageOfCompletion(body)).toEqual({
      input: 20,
      output: 5,
      cacheRead: 10,
      cacheCreation: 0,
    });
    expect(usageOfCompletion(Buffer.from('not json'))).toBeUndefined();
  });

  it('finds the usage chunk of a stream whatever the split', () => {
    const stream =
      'data: {"choices":[{"delta":{"content":"hi"}}],"usage":null}\n\n' +
      'data: {"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3}}\n\n' +
      'data: [DONE]\n\n';
    for (const cut of [1, 17, 60, 90, stream.length - 3]) {
      const tap = new ChatUsageTap();
      tap.push(Buffer.from(stream.slice(0, cut)));
      tap.push(Buffer.from(stream.slice(cut)));
      expect(tap.result).toEqual({ input: 12, output: 3, cacheRead: 0, cacheCreation: 0 });
    }
  });
});
