import { describe, expect, it } from 'vitest';
import { sourceText } from './source-text.js';

describe('sourceText', () => {
  it('names the variable or file and its layer', () => {
    expect(sourceText({ layer: 'env', where: 'OPENAI_BASE_URL' })).toBe(
      'from OPENAI_BASE_URL (environment)',
    );
    expect(sourceText({ layer: 'local', where: 'vandamme-config.toml:12' })).toBe(
      'from vandamme-config.toml:12 (project config)',
    );
  });
});
