import { describe, expect, it } from 'vitest';
import { cleanToolSchema } from './clean-schema.js';

describe('cleanToolSchema', () => {
  it('cleans nested schemas by keyword, leaving a property named "format" alone', () => {
    expect(
      cleanToolSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          format: { type: 'string', enum: ['a', 'b'], format: 'enum' },
          list: { type: 'array', items: { type: 'string', format: 'email' } },
          either: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] },
        },
        $defs: { d: { type: 'string', format: 'uri', $schema: 'x' } },
        additionalProperties: false,
      }),
    ).toEqual({
      type: 'object',
      properties: {
        format: { type: 'string', enum: ['a', 'b'], format: 'enum' },
        list: { type: 'array', items: { type: 'string' } },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      $defs: { d: { type: 'string' } },
      additionalProperties: false,
    });
  });

  it('turns tuples into a single items schema', () => {
    expect(cleanToolSchema({ type: 'array', items: [{ type: 'number' }] })).toEqual({
      type: 'array',
      items: { type: 'number' },
    });
    expect(
      cleanToolSchema({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }] }),
    ).toEqual({
      type: 'array',
      items: {},
    });
  });
});
