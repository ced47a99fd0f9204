import { describe, expect, it } from 'vitest';
import {
  apiKeyVariable,
  formatBytes,
  formatDuration,
  quoteClientText,
  sentence,
} from './format-units.js';

describe('formatDuration', () => {
  it.each([
    [250, '250 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [90_000, '90 s'],
    [360_000, '6 min'],
    [361_000, '7 min'],
    [10_800_000, '3 h'],
    [-1, 'an unknown time'],
    [Number.NaN, 'an unknown time'],
  ])('%s ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [2048, '2 KB'],
    [32 * 1024 * 1024, '32 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('%i -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('helpers', () => {
  it('derives the key variable from the provider name', () => {
    expect(apiKeyVariable('openai')).toBe('OPENAI_API_KEY');
    expect(apiKeyVariable('azure_openai')).toBe('AZURE_OPENAI_API_KEY');
  });

  it('quotes client text without control characters and bounded', () => {
    expect(quoteClientText('a\u0000b\nc')).toBe('a?b?c');
    expect(quoteClientText('abcdef', 4)).toBe('abc…');
  });

  it('ends a sentence once', () => {
    expect(sentence('done')).toBe('done.');
    expect(sentence('done.')).toBe('done.');
    expect(sentence('really? ')).toBe('really?');
  });
});
