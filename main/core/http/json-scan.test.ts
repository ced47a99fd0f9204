import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  measureDepth,
  replaceTopLevelValue as replaceBytes,
  scanTopLevel as scanBytes,
  valueEnd as valueEndBytes,
} from './json-scan.js';

const replaceTopLevelValue = (text: string, key: string, value: unknown) =>
  replaceBytes(Buffer.from(text), key, value).toString('utf8');
const scanTopLevel = (text: string, keys: string[]) => scanBytes(Buffer.from(text), keys);
const valueEnd = (text: string, start: number) => valueEndBytes(Buffer.from(text), start);
const depthOf = (text: string) => measureDepth(Buffer.from(text));

describe('replaceTopLevelValue', () => {
  it('replaces only the top-level model, keeping every other byte', () => {
    const text =
      '{ "messages": [{"role":"user","content":"the \\"model\\": x"}], "model" : "old", "x": {"model":"nested"} }';
    expect(replaceTopLevelValue(text, 'model', 'new')).toBe(
      '{ "messages": [{"role":"user","content":"the \\"model\\": x"}], "model" : "new", "x": {"model":"nested"} }',
    );
  });

  it('copes with escaped backslashes before a closing quote', () => {
    const text = '{"a":"ends with backslash \\\\","model":"m","b":"\\\\\\""}';
    expect(JSON.parse(replaceTopLevelValue(text, 'model', 'n'))).toEqual({
      ...JSON.parse(text),
      model: 'n',
    });
  });

  it('takes the last duplicate key, as JSON.parse does', () => {
    const text = '{"model":"a","model":"b"}';
    expect(JSON.parse(replaceTopLevelValue(text, 'model', 'z')).model).toBe('z');
    expect(scanTopLevel(text, ['model']).get('model')).toEqual({ start: 21, end: 24 });
  });

  it('keeps multi-byte characters around the replaced value intact', () => {
    const text = '{"a":"ünïcödé ✓ 🚀","model":"é","b":"日本語"}';
    expect(replaceTopLevelValue(text, 'model', 'ß')).toBe(
      '{"a":"ünïcödé ✓ 🚀","model":"ß","b":"日本語"}',
    );
  });

  it('finds a key written with escapes', () => {
    expect(replaceTopLevelValue('{"mod\\u0065l":"a","x":1}', 'model', 'b')).toBe(
      '{"mod\\u0065l":"b","x":1}',
    );
  });

  it('leaves text without the key alone', () => {
    expect(replaceTopLevelValue('{"a":1}', 'model', 'x')).toBe('{"a":1}');
  });

  it('gives the same document as parse-and-set for any JSON object (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (obj, model) => {
        const text = JSON.stringify({ ...obj, model: 'placeholder' }, null, 1);
        expect(JSON.parse(replaceTopLevelValue(text, 'model', model))).toEqual({
          ...JSON.parse(text),
          model,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('measureDepth and valueEnd', () => {
  it('counts nesting outside strings only', () => {
    expect(depthOf('{"a":[[{"b":"[[[["}]]]}')).toBe(4);
    expect(depthOf('"{{{{"')).toBe(0);
  });

  it('finds the end of a value', () => {
    const text = '{"k":{"x":[1,"}"]},"n":2}';
    expect(text.slice(5, valueEnd(text, 5))).toBe('{"x":[1,"}"]}');
    expect(text.slice(23, valueEnd(text, 23))).toBe('2');
  });
});
