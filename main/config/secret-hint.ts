import { createHash } from 'node:crypto';

/** Keys shorter than this would give away too much of themselves in a last-4 hint (CONFIG.md). */
const MIN_LENGTH_FOR_TAIL = 16;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A stable, non-reversible id for a key: the first 8 hex digits of its SHA-256. Lets logs and the
 * key pool tell keys apart without ever holding the key itself in their output.
 */
export function keyHash(key: string): string {
  return sha256Hex(key).slice(0, 8);
}

/**
 * What the UI, `/health`, logs and `vdm` show for a key: `…abcd` (its last 4 characters) when the
 * key is long enough that 4 characters reveal nothing useful, else `#` and a 6-digit hash prefix.
 */
export function keyHint(key: string): string {
  if (key.length >= MIN_LENGTH_FOR_TAIL) return `…${key.slice(-4)}`;
  return `#${sha256Hex(key).slice(0, 6)}`;
}
