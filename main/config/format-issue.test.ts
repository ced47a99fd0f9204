import { describe, expect, it } from 'vitest';
import { formatConfigIssue } from './format-issue.js';

describe('formatConfigIssue', () => {
  it('puts the location first', () => {
    expect(
      formatConfigIssue({
        kind: 'toml-syntax',
        file: '/abs/vandamme-config.toml',
        line: 3,
        column: 7,
        message: 'expected "="',
      }),
    ).toBe('/abs/vandamme-config.toml:3:7: invalid TOML: expected "="');
    expect(
      formatConfigIssue({
        kind: 'invalid-value',
        where: 'PORT',
        message: 'must be a whole number',
      }),
    ).toBe('PORT: must be a whole number');
    expect(
      formatConfigIssue({ kind: 'unreadable-file', file: '/x.toml', message: 'file not found' }),
    ).toBe('/x.toml: cannot read: file not found');
  });
});
