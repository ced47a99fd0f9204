import { describe, expect, it } from 'vitest';
import { mergeUsage, stopReasonOf } from './stream-usage.js';

const KNOWN = { input: 100, output: 0, cacheRead: 0, cacheCreation: 0 } as const;

describe('mergeUsage', () => {
  it('takes cached tokens out of input', () => {
    expect(
      mergeUsage(KNOWN, { promptTokens: 1874, completionTokens: 156, cachedTokens: 1536 }),
    ).toEqual({ input: 338, output: 156, cacheRead: 1536, cacheCreation: 0 });
  });

  it('keeps the estimate when the upstream reports no prompt count', () => {
    expect(
      mergeUsage(KNOWN, { promptTokens: undefined, completionTokens: 5, cachedTokens: undefined }),
    ).toEqual({ input: 100, output: 5, cacheRead: 0, cacheCreation: 0 });
  });
});

describe('stopReasonOf', () => {
  it('calls a turn with tool calls tool_use even when the upstream said stop', () => {
    expect(stopReasonOf('stop', true)).toBe('tool_use');
    expect(stopReasonOf('stop', false)).toBe('end_turn');
    expect(stopReasonOf(undefined, false)).toBe('end_turn');
    expect(stopReasonOf('length', true)).toBe('max_tokens');
  });
});
