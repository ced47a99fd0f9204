import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyHash, keyHint } from './secret-hint.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('key hints', () => {
  it('shows the last 4 characters of a long key', () => {
    expect(keyHint('sk-test-FAKE-0000000000001234')).toBe('…1234');
    expect(keyHint('0123456789abcdef')).toBe('…cdef');
  });

  it('shows only a short hash of a short key', () => {
    expect(keyHint('short-key')).toBe(`#${sha('short-key').slice(0, 6)}`);
    expect(keyHint('short-key')).not.toContain('key');
  });

  it('hashes keys to 8 hex digits', () => {
    expect(keyHash('sk-test-FAKE-0000000000001234')).toMatch(/^[0-9a-f]{8}$/);
    expect(keyHash('a')).toBe(sha('a').slice(0, 8));
  });
});
