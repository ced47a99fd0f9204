import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseBytes,
  parseChoice,
  parsePort,
  parseRetries,
  parseSeconds,
  parseSecondsOrZero,
} from './parse-values.js';

describe('value parsers', () => {
  it('parses ports from text and numbers', () => {
    expect(parsePort('8082')).toEqual({ ok: true, value: 8082 });
    expect(parsePort(0)).toEqual({ ok: true, value: 0 });
    for (const bad of ['abc', '-1', '65536', '80.5', '', true])
      expect(parsePort(bad).ok).toBe(false);
  });

  it('turns seconds into milliseconds and refuses zero or negative timeouts', () => {
    expect(parseSeconds('1.5')).toEqual({ ok: true, value: 1500 });
    expect(parseSeconds(90)).toEqual({ ok: true, value: 90_000 });
    expect(parseSeconds('0').ok).toBe(false);
    expect(parseSeconds(-1).ok).toBe(false);
    expect(parseSecondsOrZero('0')).toEqual({ ok: true, value: 0 });
  });

  it('parses retry counts', () => {
    expect(parseRetries('3')).toEqual({ ok: true, value: 3 });
    expect(parseRetries('1.5').ok).toBe(false);
  });

  it.each([
    ['1024', 1024],
    [2048, 2048],
    ['512kb', 512 * 1024],
    ['32MB', 32 * 1024 ** 2],
    ['32 mib', 32 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5k', 1536],
  ])('parses the size %j', (raw, bytes) => {
    expect(parseBytes(raw)).toEqual({ ok: true, value: bytes });
  });

  it('refuses sizes it cannot read', () => {
    for (const bad of ['lots', '32 parsecs', '0', '-5mb']) expect(parseBytes(bad).ok).toBe(false);
  });

  it('parses booleans from TOML and text', () => {
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('No')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });

  it('matches choices case-insensitively with - and _ alike', () => {
    expect(parseChoice('API-KEY', ['api_key', 'oauth'])).toEqual({ ok: true, value: 'api_key' });
    expect(parseChoice('x', ['a', 'b'])).toEqual({
      ok: false,
      error: 'must be one of a, b (got "x")',
    });
  });
});
