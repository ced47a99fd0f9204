import { describe, expect, it } from 'vitest';
import { formatTrace } from './format-trace.js';

describe('formatTrace', () => {
  it('numbers the steps and says where an alias came from', () => {
    expect(
      formatTrace([
        { rule: 'default-provider', detail: 'no provider prefix: default provider openrouter' },
        {
          rule: 'alias-exact',
          detail: 'alias "haiku" ...',
          source: { layer: 'env', where: 'OPENROUTER_ALIAS_HAIKU' },
        },
      ]),
    ).toEqual([
      '1. default-provider: no provider prefix: default provider openrouter',
      '2. alias-exact: alias "haiku" ... (from OPENROUTER_ALIAS_HAIKU, environment)',
    ]);
  });
});
