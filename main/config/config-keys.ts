/** The per-provider keys of a TOML section (CONFIG.md), besides the `aliases` and `headers` tables. */
export const PROVIDER_SCALAR_KEYS = [
  'api-key',
  'base-url',
  'api-format',
  'api-version',
  'auth-mode',
  'timeout',
  'max-retries',
  'connect-timeout',
  'stream-idle-timeout',
  'tool-name-sanitization',
  'reasoning-content-passthrough',
  /** Ours: a local server that needs no key (ollama, lmstudio presets, or your own). */
  'keyless',
] as const;
export type ProviderScalarKey = (typeof PROVIDER_SCALAR_KEYS)[number];

/** vandamme-proxy keys we do not use; accepted silently so its files load unchanged. */
export const IGNORED_PROVIDER_KEYS: ReadonlySet<string> = new Set(['models-url', 'model-page']);

/** `[defaults]` flat keys; the environment variable of each is in env-globals.ts. */
export const DEFAULTS_KEYS = [
  'default-provider',
  'host',
  'port',
  'log-level',
  'request-timeout',
  'max-retries',
  'connect-timeout',
  'stream-idle-timeout',
  'cooldown-max',
  'cooldown-default',
  'quota-cooldown',
  'max-body-size',
] as const;
export type DefaultsKey = (typeof DEFAULTS_KEYS)[number];

/** Settings only the environment may set: a secret, and where the app's own data lives. */
export const ENV_ONLY_KEYS = ['proxy-api-key', 'secret-store', 'vdm-home'] as const;
export type GlobalKey = DefaultsKey | (typeof ENV_ONLY_KEYS)[number];

/**
 * vandamme-proxy spellings in `[defaults]`, read when the new name is absent from the same table:
 * `timeout` was its global request timeout, `default-target` its default provider (or profile).
 */
export const LEGACY_DEFAULTS_KEYS: Readonly<Record<string, DefaultsKey>> = {
  timeout: 'request-timeout',
  'default-target': 'default-provider',
};

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
