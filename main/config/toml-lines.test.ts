import { describe, expect, it } from 'vitest';
import { indexTomlLines, splitDottedKey } from './toml-lines.js';

const TEXT = `# comment
[defaults]
port = 8082

[openrouter]   # trailing comment
api-key = "k"
note = """
fake = "not a key"
"""
aliases.free = "x"
headers = { "HTTP-Referer" = "https://a", X-Title = "b" }

[openrouter.aliases]
sonnet = "qwen"
"quoted.name" = "y"

[[servers]]
name = "a"
`;

describe('indexTomlLines', () => {
  const index = indexTomlLines(TEXT);
  it.each([
    [['defaults'], 2],
    [['defaults', 'port'], 3],
    [['openrouter'], 5],
    [['openrouter', 'api-key'], 6],
    [['openrouter', 'aliases', 'free'], 10],
    [['openrouter', 'headers', 'HTTP-Referer'], 11],
    [['openrouter', 'headers', 'X-Title'], 11],
    [['openrouter', 'aliases'], 10],
    [['openrouter', 'aliases', 'sonnet'], 14],
    [['openrouter', 'aliases', 'quoted.name'], 15],
    [['servers', 'name'], 18],
  ])('finds %j on line %i', (path, line) => {
    expect(index.lineOf(path)).toBe(line);
  });

  it('skips multi-line strings', () => {
    expect(index.lineOf(['openrouter', 'fake'])).toBe(5);
  });

  it('falls back to the enclosing table, then line 1', () => {
    expect(index.lineOf(['openrouter', 'missing'])).toBe(5);
    expect(index.lineOf(['nowhere'])).toBe(1);
  });
});

describe('splitDottedKey', () => {
  it('splits on dots outside quotes', () => {
    expect(splitDottedKey(' a . "b.c" .d')).toEqual(['a', 'b.c', 'd']);
  });
});
