import { err, ok, type Result } from '../../shared/result.js';

/**
 * Value parsers shared by environment variables (always text) and TOML (typed). Each returns what
 * was expected on failure, phrased to follow the key name: `port must be ...`.
 */
type Parsed<T> = Result<T, string>;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function shown(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : String(raw);
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

export function parseText(raw: unknown): Parsed<string> {
  if (typeof raw === 'string' && raw.trim() !== '') return ok(raw.trim());
  return err(`must be a non-empty string (got ${shown(raw)})`);
}

/** Seconds as written, milliseconds as used. Zero would make every request time out at once. */
export function parseSeconds(raw: unknown): Parsed<number> {
  const n = toNumber(raw);
  if (n === undefined || n <= 0)
    return err(`must be a positive number of seconds such as 90 (got ${shown(raw)})`);
  return ok(Math.round(n * 1000));
}

/** Cooldowns may be zero: no rest at all after a 429. */
export function parseSecondsOrZero(raw: unknown): Parsed<number> {
  const n = toNumber(raw);
  if (n === undefined || n < 0)
    return err(`must be zero or a positive number of seconds such as 30 (got ${shown(raw)})`);
  return ok(Math.round(n * 1000));
}

export function parseRetries(raw: unknown): Parsed<number> {
  const n = toNumber(raw);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > 100) {
    return err(`must be a whole number from 0 to 100 such as 2 (got ${shown(raw)})`);
  }
  return ok(n);
}

/** 0 asks the OS for any free port, as `vdm serve --port 0` does. */
export function parsePort(raw: unknown): Parsed<number> {
  const n = toNumber(raw);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > 65535) {
    return err(`must be a whole number from 0 to 65535 such as 8082 (got ${shown(raw)})`);
  }
  return ok(n);
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};
const SIZE_TEXT = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/;

/** Bytes, or `512kb` / `32mb` / `1gb` (binary multiples, case-insensitive). */
export function parseBytes(raw: unknown): Parsed<number> {
  const bad = err(
    `must be a size in bytes, or with a unit such as 512kb or 32mb (got ${shown(raw)})`,
  );
  const match =
    typeof raw === 'number'
      ? [String(raw), String(raw), '']
      : typeof raw === 'string'
        ? SIZE_TEXT.exec(raw.trim().toLowerCase())
        : null;
  const multiplier = match ? SIZE_UNITS[match[2] ?? ''] : undefined;
  if (!match || multiplier === undefined) return bad;
  const bytes = Math.floor(Number(match[1]) * multiplier);
  return Number.isFinite(bytes) && bytes > 0 ? ok(bytes) : bad;
}

const TRUE_TEXT = new Set(['true', '1', 'yes', 'on']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'off']);

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (text !== undefined && TRUE_TEXT.has(text)) return ok(true);
  if (text !== undefined && FALSE_TEXT.has(text)) return ok(false);
  return err(`must be true or false (got ${shown(raw)})`);
}

/** One of a fixed set, case-insensitive; `-` and `_` interchangeable (`api-key` = `api_key`). */
export function parseChoice<T extends string>(raw: unknown, choices: readonly T[]): Parsed<T> {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/-/g, '_') : undefined;
  const found = choices.find((c) => c.replace(/-/g, '_') === text);
  if (found !== undefined) return ok(found);
  return err(`must be one of ${choices.join(', ')} (got ${shown(raw)})`);
}
