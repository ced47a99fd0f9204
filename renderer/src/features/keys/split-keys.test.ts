import { describe, expect, it } from 'vitest';
import { splitKeys } from './split-keys.js';

describe('splitKeys', () => {
  it('adds one key per pasted line, ignoring blank lines and stray spaces', () => {
    expect(splitKeys('sk-one\r\n\n  sk-two  \n')).toEqual(['sk-one', 'sk-two']);
    expect(splitKeys('   \n')).toEqual([]);
  });
});
