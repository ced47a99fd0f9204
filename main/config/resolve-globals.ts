import path from 'node:path';
import { ok, type Result } from '../../shared/result.js';
import type { GlobalKey } from './config-keys.js';
import { resolveVdmHome } from './config-paths.js';
import type { ConfigIssue, GlobalSettings, ValueSource } from './model.js';
import {
  parseBytes,
  parseChoice,
  parsePort,
  parseRetries,
  parseSeconds,
  parseSecondsOrZero,
  parseText,
} from './parse-values.js';
import { invalidValue, type RawLayer, type Sourced } from './raw-layer.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SECRET_STORES = ['keychain', 'file', 'memory'] as const;
const BUILT_IN: ValueSource = { layer: 'built-in', where: 'built-in default' };

function mapOk<T, U>(result: Result<T, string>, f: (value: T) => U): Result<U, string> {
  return result.ok ? ok(f(result.value)) : result;
}

export interface ResolvedGlobals {
  readonly globals: GlobalSettings;
  readonly sources: Readonly<Record<keyof GlobalSettings, ValueSource>>;
  /** `VDM_DEFAULT_PROVIDER` or `[defaults] default-provider`, lower-cased, when one was given. */
  readonly defaultProvider: Sourced<string> | undefined;
  readonly issues: readonly ConfigIssue[];
}

export interface GlobalsContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** A relative `VDM_HOME` is taken from the working directory. */
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
}

/** The highest layer that sets `key`, env first (layer order is the caller's). */
export function pickDefault(
  layers: readonly RawLayer[],
  key: GlobalKey,
): Sourced<unknown> | undefined {
  for (const layer of layers) {
    const found = layer.defaults.get(key);
    if (found) return found;
  }
  return undefined;
}

export function resolveGlobals(layers: readonly RawLayer[], ctx: GlobalsContext): ResolvedGlobals {
  const issues: ConfigIssue[] = [];
  const sources: Partial<Record<keyof GlobalSettings, ValueSource>> = {};
  const take = <T>(
    field: keyof GlobalSettings,
    key: GlobalKey,
    parse: (raw: unknown) => Result<T, string>,
    fallback: T,
    fallbackSource = BUILT_IN,
  ): T => {
    const found = pickDefault(layers, key);
    if (!found) {
      sources[field] = fallbackSource;
      return fallback;
    }
    const parsed = parse(found.value);
    sources[field] = found.source;
    if (parsed.ok) return parsed.value;
    issues.push(invalidValue(found.source, key, parsed.error));
    return fallback;
  };
  const vdmHomeDefault = resolveVdmHome(
    { ...ctx.env, VDM_HOME: undefined },
    ctx.homeDir,
    ctx.platform,
  );
  const globals: GlobalSettings = {
    host: take('host', 'host', parseText, '127.0.0.1'),
    port: take('port', 'port', parsePort, 8082),
    logLevel: take('logLevel', 'log-level', (raw) => parseChoice(raw, LOG_LEVELS), 'info'),
    proxyApiKey: take<string | undefined>('proxyApiKey', 'proxy-api-key', parseText, undefined, {
      layer: 'built-in',
      where: 'not set',
    }),
    requestTimeoutMs: take('requestTimeoutMs', 'request-timeout', parseSeconds, 90_000),
    connectTimeoutMs: take('connectTimeoutMs', 'connect-timeout', parseSeconds, 10_000),
    streamIdleTimeoutMs: take('streamIdleTimeoutMs', 'stream-idle-timeout', parseSeconds, 120_000),
    maxRetries: take('maxRetries', 'max-retries', parseRetries, 2),
    cooldownMaxMs: take('cooldownMaxMs', 'cooldown-max', parseSecondsOrZero, 300_000),
    cooldownDefaultMs: take('cooldownDefaultMs', 'cooldown-default', parseSecondsOrZero, 30_000),
    quotaCooldownMs: take('quotaCooldownMs', 'quota-cooldown', parseSecondsOrZero, 3_600_000),
    maxBodyBytes: take('maxBodyBytes', 'max-body-size', parseBytes, 32 * 1024 * 1024),
    secretStore: take(
      'secretStore',
      'secret-store',
      (raw) => parseChoice(raw, SECRET_STORES),
      'keychain',
    ),
    vdmHome: take(
      'vdmHome',
      'vdm-home',
      (raw) => mapOk(parseText(raw), (dir) => path.resolve(ctx.cwd, dir)),
      vdmHomeDefault,
      { layer: 'built-in', where: 'platform app data directory' },
    ),
  };
  const chosen = pickDefault(layers, 'default-provider');
  let defaultProvider: Sourced<string> | undefined;
  if (chosen) {
    const name = parseText(chosen.value);
    if (name.ok) defaultProvider = { value: name.value.toLowerCase(), source: chosen.source };
    else issues.push(invalidValue(chosen.source, 'default-provider', name.error));
  }
  return {
    globals,
    sources: sources as Record<keyof GlobalSettings, ValueSource>,
    defaultProvider,
    issues,
  };
}
