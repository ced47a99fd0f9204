import { describe, expect, it } from 'vitest';
import { estimateImageTokens, IMAGE_FALLBACK_TOKENS, tokensForSize } from './count-tokens-image.js';

const base64 = (data: string) => ({ type: 'base64', media_type: 'image/x', data });

function png(width: number, height: number): string {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b.toString('base64');
}

function gif(width: number, height: number): string {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b.toString('base64');
}

// SOI, an APP1 segment big enough to push the SOF past the first decoded window, then SOF0.
function jpeg(width: number, height: number): string {
  const app1 = Buffer.alloc(4 + 5000);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(5002, 2);
  const sof = Buffer.alloc(11);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof.writeUInt8(8, 4);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof]).toString('base64');
}

function webp(chunk: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): string {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBP', 8, 'latin1');
  b.write(chunk, 12, 'latin1');
  if (chunk === 'VP8 ') {
    b.writeUInt16LE(width, 26);
    b.writeUInt16LE(height, 28);
  } else if (chunk === 'VP8L') {
    b.writeUInt8(0x2f, 20);
    b.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 21);
  } else {
    b.writeUIntLE(width - 1, 24, 3);
    b.writeUIntLE(height - 1, 27, 3);
  }
  return b.toString('base64');
}

describe('estimateImageTokens', () => {
  // 300 * 200 / 750 = 80 for every format: the size comes from the header bytes.
  it.each([
    ['PNG', png(300, 200)],
    ['GIF', gif(300, 200)],
    ['JPEG (SOF after a 5 kB APP1)', jpeg(300, 200)],
    ['WebP VP8', webp('VP8 ', 300, 200)],
    ['WebP VP8L', webp('VP8L', 300, 200)],
    ['WebP VP8X', webp('VP8X', 300, 200)],
    ['PNG as a data: URL', `data:image/png;base64,${png(300, 200)}`],
  ])('reads a %s size: 300x200 -> 80 tokens', (_format, data) => {
    expect(estimateImageTokens(base64(data))).toBe(80);
  });

  it('applies the documented downscale, so big images cap near 1600 tokens', () => {
    expect(tokensForSize({ width: 1092, height: 1092 })).toBe(1590);
    expect(estimateImageTokens(base64(png(4000, 3000)))).toBeLessThanOrEqual(1600);
    expect(estimateImageTokens(base64(png(4000, 3000)))).toBeGreaterThan(1580);
  });

  it('falls back to the fixed estimate when the size is unknown', () => {
    expect(estimateImageTokens({ type: 'url', url: 'https://example.com/a.png' })).toBe(
      IMAGE_FALLBACK_TOKENS,
    );
    expect(estimateImageTokens({ type: 'file', file_id: 'file_1' })).toBe(IMAGE_FALLBACK_TOKENS);
    expect(estimateImageTokens(base64('bm90IGFuIGltYWdl'))).toBe(IMAGE_FALLBACK_TOKENS);
    expect(estimateImageTokens(base64(png(0, 10)))).toBe(IMAGE_FALLBACK_TOKENS);
    expect(estimateImageTokens(undefined)).toBe(IMAGE_FALLBACK_TOKENS);
  });
});
