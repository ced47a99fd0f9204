import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assembleMessage,
  expectSoundAnthropicStream,
  translateInPieces,
  encode,
  fixtureResponseBody,
  parseAnthropicSse,
} from '../openai-chat/stream-test-support.js';
import { ResponsesStreamTranslator } from './stream.js';

const OPTIONS = {
  requestedModel: 'm',
  messageId: 'msg_p',
  requestId: 'req_p',
  provider: 'openai',
} as const;

/** The tools fixture with non-ASCII deltas spliced in before the message item, to split mid-character. */
function inputBytes(): Uint8Array {
  const fixture = fixtureResponseBody('openai-responses-stream-tools.txt');
  const at = fixture.indexOf('event: response.output_text.done');
  const extra = (delta: string): string =>
    `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', output_index: 1, content_index: 0, delta })}\n\n`;
  return encode(fixture.slice(0, at) + extra(' é ✓ 🚀') + extra(' 思考') + fixture.slice(at));
}

const translate = (bytes: Uint8Array, cuts: readonly number[]): string =>
  translateInPieces(new ResponsesStreamTranslator(OPTIONS), bytes, cuts);

describe('ResponsesStreamTranslator under arbitrary splits', () => {
  const bytes = inputBytes();
  const whole = translate(bytes, []);

  it('the unsplit run carries the non-ASCII text intact', () => {
    const content = assembleMessage(parseAnthropicSse(whole)).content;
    expect(content.map((b) => b.text ?? b.thinking ?? b.name)).toEqual([
      '**Checking Lisbon weather**\n\nThe user wants current conditions, so I will call get_weather.',
      'Let me check the current weather in Lisbon. é ✓ 🚀 思考',
      'get_weather',
    ]);
  });

  it('emits the same events wherever the bytes are split, with a sound block protocol', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }),
        (cuts) => {
          const text = translate(bytes, cuts);
          expect(text).toBe(whole);
          expectSoundAnthropicStream(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives byte-at-a-time delivery', () => {
    expect(
      translate(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toBe(whole);
  });

  it('an error stream splits the same way too', () => {
    const failed = encode(fixtureResponseBody('openai-responses-stream-tools.txt', 2));
    const once = translate(failed, []);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: failed.length }), { maxLength: 20 }),
        (cuts) => {
          expect(translate(failed, cuts)).toBe(once);
        },
      ),
      { numRuns: 100 },
    );
  });
});
