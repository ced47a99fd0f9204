import { Buffer } from 'node:buffer';

// Anthropic's documented image cost: tokens ≈ width * height / 750, after the image is scaled so
// its long edge is at most 1568 px and its area stays within the ~1600-token budget (the
// documented largest sizes, 1092x1092 to 784x1568, are 1.19 to 1.23 megapixels).
const TOKENS_PER_PIXEL = 1 / 750;
const MAX_LONG_EDGE = 1568;
const MAX_PIXELS = 1600 * 750;

// Used when the size cannot be read (URL and file sources, unknown formats): the documented
// ceiling, so an unreadable image never makes the estimate look smaller than it may be.
export const IMAGE_FALLBACK_TOKENS = 1600;

// A JPEG's size sits in its SOF segment, after any EXIF/ICC segments; walking further than this
// means a malformed file, and we would rather fall back than decode megabytes.
const JPEG_SCAN_LIMIT = 1 << 20;

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export function estimateImageTokens(source: unknown): number {
  const size = imageSizeOf(source);
  return size === undefined ? IMAGE_FALLBACK_TOKENS : tokensForSize(size);
}

export function tokensForSize({ width, height }: ImageSize): number {
  const scale = Math.min(
    1,
    MAX_LONG_EDGE / Math.max(width, height),
    Math.sqrt(MAX_PIXELS / (width * height)),
  );
  // Floor, as a resize does, so the capped size never exceeds the budget.
  const pixels = Math.floor(width * scale) * Math.floor(height * scale);
  return Math.max(1, Math.ceil(pixels * TOKENS_PER_PIXEL));
}

function imageSizeOf(source: unknown): ImageSize | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const { type, data } = source as { type?: unknown; data?: unknown };
  if (type !== 'base64' || typeof data !== 'string') return undefined;
  return readImageSize(new Base64Window(data));
}

// Decodes only the byte ranges asked for: images arrive as megabytes of base64 and the size lives
// in the first few dozen bytes (or a few segments in, for JPEG).
export class Base64Window {
  private readonly data: string;

  constructor(data: string) {
    // Tolerate a data: URL prefix, which some clients put in `data`.
    const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
    this.data = comma >= 0 ? data.slice(comma + 1) : data;
  }

  get byteLength(): number {
    return Math.floor((this.data.length * 3) / 4);
  }

  bytes(offset: number, length: number): Buffer {
    const firstQuad = Math.floor(offset / 3);
    const lastQuad = Math.ceil((offset + length) / 3);
    const chunk = Buffer.from(this.data.slice(firstQuad * 4, lastQuad * 4), 'base64');
    const start = offset - firstQuad * 3;
    return chunk.subarray(start, start + length);
  }
}

export function readImageSize(win: Base64Window): ImageSize | undefined {
  const head = win.bytes(0, 32);
  const size = sniffFixedHeader(head) ?? (isJpeg(head) ? jpegSize(win) : undefined);
  if (size === undefined || size.width <= 0 || size.height <= 0) return undefined;
  return size;
}

function sniffFixedHeader(b: Buffer): ImageSize | undefined {
  if (
    b.length >= 24 &&
    b.readUInt32BE(0) === 0x89504e47 &&
    b.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && b.toString('latin1', 0, 4) === 'GIF8') {
    return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (
    b.length >= 30 &&
    b.toString('latin1', 0, 4) === 'RIFF' &&
    b.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return webpSize(b);
  }
  return undefined;
}

function webpSize(b: Buffer): ImageSize | undefined {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

function isJpeg(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

// Walks the marker segments to the first SOFn; DHT (C4), JPG (C8) and DAC (CC) share the range
// but carry no size.
function jpegSize(win: Base64Window): ImageSize | undefined {
  const limit = Math.min(win.byteLength, JPEG_SCAN_LIMIT);
  let offset = 2;
  while (offset + 9 <= limit) {
    const seg = win.bytes(offset, 9);
    if (seg.length < 9 || seg[0] !== 0xff) return undefined;
    const marker = seg[1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: seg.readUInt16BE(7), height: seg.readUInt16BE(5) };
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // image data began without a SOF
    offset += 2 + seg.readUInt16BE(2);
  }
  return undefined;
}
