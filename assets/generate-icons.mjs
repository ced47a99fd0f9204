// Draws the app and tray icons as plain shapes and writes PNG, ICO and ICNS files next to this
// script. Deterministic (same bytes every run) and dependency-free (zlib only), because
// ImageMagick is not on every build machine (MACHINE.md). Run: node assets/generate-icons.mjs
import process from 'node:process';
import { writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// PNG (https://www.w3.org/TR/png-3/): signature, IHDR, one IDAT, IEND; CRC-32 over type + data.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1); coverage by 4x4 supersampling gives anti-aliased edges.
const SAMPLES = 4;
function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
const vMark = (inset, width) => (x, y) => {
  const left = [inset, inset + 0.04];
  const bottom = [0.5, 1 - inset];
  const right = [1 - inset, inset + 0.04];
  return (
    distanceToSegment(x, y, left, bottom) <= width / 2 ||
    distanceToSegment(x, y, right, bottom) <= width / 2
  );
};
const roundedSquare = (inset, radius) => (x, y) => {
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;

/** Layers drawn in order, each `{ shape, color: [r, g, b, a] }`, source-over. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy += 1) {
          for (let sx = 0; sx < SAMPLES; sx += 1) {
            const x = (px + (sx + 0.5) / SAMPLES) / size;
            const y = (py + (sy + 0.5) / SAMPLES) / size;
            if (shape(x, y)) hits += 1;
          }
        }
        const alpha = (hits / (SAMPLES * SAMPLES)) * (color[3] / 255);
        const outA = alpha + a * (1 - alpha);
        if (outA > 0) {
          r = (color[0] * alpha + r * a * (1 - alpha)) / outA;
          g = (color[1] * alpha + g * a * (1 - alpha)) / outA;
          b = (color[2] * alpha + b * a * (1 - alpha)) / outA;
        }
        a = outA;
      }
      const i = (py * size + px) * 4;
      out[i] = Math.round(r);
      out[i + 1] = Math.round(g);
      out[i + 2] = Math.round(b);
      out[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, out);
}

// ICO with embedded PNGs (supported since Windows Vista): 6-byte header, 16 bytes per entry.
function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

// ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG data) per entry.
function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const INDIGO = [67, 56, 202, 255];
const WHITE = [255, 255, 255, 255];
const INK = [38, 38, 46, 255];
const BLACK = [0, 0, 0, 255];
const STATUS = {
  running: [22, 163, 74, 255],
  error: [220, 38, 38, 255],
  stopped: [140, 140, 150, 255],
};

const appLayers = [
  { shape: roundedSquare(0.06, 0.2), color: INDIGO },
  { shape: vMark(0.27, 0.12), color: WHITE },
];
const trayLayers = (state) => [
  { shape: vMark(0.12, 0.2), color: INK },
  { shape: circle(0.78, 0.78, 0.24), color: WHITE },
  { shape: circle(0.78, 0.78, 0.18), color: STATUS[state] },
];
// macOS template images: black plus alpha only; the menu bar tints them (light and dark mode).
const templateLayers = [{ shape: vMark(0.14, 0.2), color: BLACK }];

const files = new Map();
const app = Object.fromEntries(
  [16, 32, 48, 64, 128, 256, 512, 1024].map((s) => [s, render(s, appLayers)]),
);
files.set('icon.png', app[512]);
files.set('icon-256.png', app[256]);
files.set(
  'icon.ico',
  encodeIco([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: app[size] }))),
);
files.set(
  'icon.icns',
  encodeIcns([
    { type: 'ic07', png: app[128] },
    { type: 'ic08', png: app[256] },
    { type: 'ic09', png: app[512] },
    { type: 'ic10', png: app[1024] },
  ]),
);
for (const state of Object.keys(STATUS)) {
  const small = render(16, trayLayers(state));
  const large = render(32, trayLayers(state));
  files.set(`tray-${state}.png`, small);
  files.set(`tray-${state}@2x.png`, large);
  files.set(
    `tray-${state}.ico`,
    encodeIco([
      { size: 16, png: small },
      { size: 32, png: large },
    ]),
  );
}
files.set('trayTemplate.png', render(16, templateLayers));
files.set('trayTemplate@2x.png', render(32, templateLayers));

for (const [name, bytes] of files) writeFileSync(join(here, name), bytes);
process.stdout.write(`wrote ${[...files.keys()].join(', ')}\n`);
