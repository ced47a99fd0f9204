import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatStreamTranslator } from './stream.js';
import {
  assembleMessage,
  expectSoundAnthropicStream,
  translateInPieces,
  delta,
  encode,
  fixtureResponseBody,
  parseAnthropicSse,
} from './stream-test-support.js';

const OPTIONS = { requestedModel: 'm', messageId: 'msg_p', requestId: 'req_p' } as const;

/** The tools fixture with non-ASCII text spliced in before the tool calls, to split mid-character. */
function inputBytes(): Uint8Array {
  const fixture = fixtureResponseBody('openai-chat-stream-tools.txt');
  const at = fixture.indexOf('data: ', fixture.indexOf('at once.'));
  const unicode = delta({ content: ' é ✓ 🚀' }) + delta({ reasoning_content: 'ünïcode 思考' });
  return encode(fixture.slice(0, at) + unicode + fixture.slice(at));
}

const translate = (bytes: Uint8Array, cuts: readonly number[]): string =>
  translateInPieces(new ChatStreamTranslator(OPTIONS), bytes, cuts);

describe('ChatStreamTranslator under arbitrary splits', () => {
  const bytes = inputBytes();
  const whole = translate(bytes, []);

  it('the unsplit run carries the non-ASCII text intact', () => {
    const content = assembleMessage(parseAnthropicSse(whole)).content;
    expect(content.map((b) => b.text ?? b.thinking ?? b.name)).toEqual([
      "I'll check both cities at once. é ✓ 🚀",
      'ünïcode 思考',
      'get_weather',
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
});
