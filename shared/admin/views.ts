import { z } from 'zod';

/**
 * What the admin API shows of the proxy's state. Plain data, no secrets: keys appear only as a
 * status and a hint (ARCHITECTURE.md "Secrets cross neither transport").
 */

export const configLayerSchema = z.enum([
  'env',
  'dotenv',
  'local',
  'user',
  'app',
  'defaults',
  'built-in',
]);

/** Where a value came from: `OPENAI_BASE_URL` (environment) or `vandamme-config.toml:12` (local). */
export const valueSourceSchema = z.object({ layer: configLayerSchema, where: z.string() });

export const keyStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('healthy') }),
  z.object({ kind: z.literal('invalid'), httpStatus: z.number(), since: z.number() }),
  z.object({ kind: z.literal('cooling-down'), until: z.number(), failures: z.number() }),
  z.object({ kind: z.literal('probing') }),
  z.object({ kind: z.literal('quota-exhausted'), until: z.number() }),
]);

export const keyViewSchema = z.object({
  /** Short stable hash: how the UI names a key in `keys.remove` and `keys.resetHealth`. */
  hash: z.string(),
  /** `…abcd` for keys of 16+ characters, else `#1a2b3c`. */
  hint: z.string(),
  status: keyStatusSchema,
  requests: z.number(),
  failures: z.number(),
  source: valueSourceSchema,
  /** Only keys the window stored (keychain) can be removed there; env/TOML keys are edited at their source. */
  removable: z.boolean(),
});

export const oauthStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signed-out') }),
  z.object({
    kind: z.literal('signed-in'),
    expiresAt: z.number(),
    account: z.string().optional(),
  }),
  z.object({ kind: z.literal('expired'), since: z.number() }),
]);

/** The token-health panel of one OAuth provider: state, account, expiry, last refresh and error. */
export const tokenHealthViewSchema = z.object({
  name: z.string(),
  status: oauthStatusSchema,
  account: z.string().nullable(),
  expiresAt: z.number().nullable(),
  lastRefresh: z.number().nullable(),
  /** What went wrong last (a refused refresh, a denied sign-in), said for people; never a token. */
  lastError: z.string().nullable(),
  /** A sign-in started and not finished yet: what the user must do. */
  pending: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('browser'), authorizeUrl: z.string() }),
      z.object({
        kind: z.literal('device'),
        userCode: z.string(),
        verificationUri: z.string(),
        expiresAt: z.number(),
      }),
    ])
    .nullable(),
});

export const signInStartViewSchema = z.discriminatedUnion('kind', [
  /** The system browser was asked to open this URL (the desktop app), or the user opens it. */
  z.object({ kind: z.literal('browser'), authorizeUrl: z.string(), browserOpened: z.boolean() }),
  z.object({
    kind: z.literal('device'),
    userCode: z.string(),
    verificationUri: z.string(),
    verificationUriComplete: z.string().nullable(),
    expiresAt: z.number(),
  }),
]);

export const apiFormatSchema = z.enum(['openai', 'anthropic', 'responses']);
export const authModeSchema = z.enum(['api_key', 'passthrough', 'oauth']);

export const providerStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('partial'), reason: z.string() }),
]);

/** The provider fields the window can edit, by their TOML key names. */
export const PROVIDER_FIELDS = ['base-url', 'api-format', 'api-version', 'auth-mode'] as const;
export const providerFieldSchema = z.enum(PROVIDER_FIELDS);

export const providerViewSchema = z.object({
  name: z.string(),
  apiFormat: apiFormatSchema,
  baseUrl: z.string().nullable(),
  apiVersion: z.string().nullable(),
  authMode: authModeSchema,
  status: providerStatusSchema,
  isDefault: z.boolean(),
  /** Set for OAuth providers only: the lock badge. */
  oauth: oauthStatusSchema.nullable(),
  keys: z.array(keyViewSchema),
  /** Layer of each field, by TOML key name (`base-url`, `api-key`, `aliases.haiku`, ...). */
  sources: z.record(z.string(), valueSourceSchema),
  /** Fields set by the environment or a TOML file: shown read-only, with where to change them. */
  readOnlyFields: z.array(providerFieldSchema),
  /** Whether new keys added in the window would be used (false when env or TOML sets the keys). */
  keysEditable: z.boolean(),
  /** True when the window created this provider (an app-settings section); others live in env/TOML/presets. */
  removable: z.boolean(),
});

export const presetViewSchema = z.object({
  name: z.string(),
  apiFormat: apiFormatSchema,
  baseUrl: z.string().nullable(),
  authMode: authModeSchema,
  /** Local servers (ollama, lmstudio) need no key. */
  needsKey: z.boolean(),
});

export const defaultProviderViewSchema = z.object({
  kind: z.enum(['configured', 'fallback', 'none']),
  name: z.string().nullable(),
  /** Why the configured one is not used, or what to do when there is none. */
  reason: z.string().nullable(),
});

export const aliasViewSchema = z.object({
  /** The provider whose alias it is; null for `[defaults.aliases]` (every provider's fallback). */
  provider: z.string().nullable(),
  name: z.string(),
  target: z.string(),
  source: valueSourceSchema,
  /** Only aliases of the app-settings layer can be changed in the window. */
  editable: z.boolean(),
});

export const traceStepSchema = z.object({
  rule: z.enum([
    'literal',
    'provider-prefix',
    'default-provider',
    'alias-exact',
    'alias-substring',
    'default-alias-exact',
    'default-alias-substring',
    'alias-chain',
    'no-alias',
    'error',
  ]),
  detail: z.string(),
  source: valueSourceSchema.optional(),
});

export const resolutionViewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    provider: z.string(),
    model: z.string(),
    trace: z.array(traceStepSchema),
  }),
  z.object({ ok: z.literal(false), message: z.string(), trace: z.array(traceStepSchema) }),
]);

export const tokenUsageSchema = z.object({
  input: z.number(),
  output: z.number(),
  cacheRead: z.number(),
  cacheCreation: z.number(),
});

export const attemptViewSchema = z.object({
  keyHint: z.string().nullable(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

/** One finished request, as the Activity table and the live feed show it. */
export const activityViewSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  endpoint: z.string(),
  stream: z.boolean(),
  requestedModel: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: z.number().nullable(),
  errorKind: z.string().nullable(),
  ttfbMs: z.number().nullable(),
  latencyMs: z.number().nullable(),
  tokens: tokenUsageSchema.nullable(),
  /** The key of the last attempt. */
  keyHint: z.string().nullable(),
  attempts: z.array(attemptViewSchema),
  trace: z.array(traceStepSchema),
});

export const secretStoreViewSchema = z.object({
  kind: z.enum(['keychain', 'file', 'memory']),
  /** "Secret Service (GNOME Keyring)", "file …/secrets.json (plain text, 0600)". */
  description: z.string(),
  /** Set for the file store: the visible warning. */
  warning: z.string().nullable(),
  /** Set when the store cannot be used: why, and how to fix it. Keys cannot be added meanwhile. */
  unavailable: z.object({ reason: z.string(), fix: z.string() }).nullable(),
});

export const settingFieldSchema = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    source: valueSourceSchema,
    /** Set by the environment or a TOML file: change it there. */
    readOnly: z.boolean(),
  });

export const settingsViewSchema = z.object({
  host: settingFieldSchema(z.string()),
  port: settingFieldSchema(z.number()),
  /** PROXY_API_KEY: clients must present it. Shown as set or not, with a hint; never the value. */
  clientToken: z.object({
    set: z.boolean(),
    hint: z.string().nullable(),
    source: valueSourceSchema.nullable(),
    readOnly: z.boolean(),
  }),
  launchAtLogin: z.object({ value: z.boolean(), supported: z.boolean() }),
  /** Host or port saved but the proxy still listens on the old address until it restarts. */
  restartRequired: z.boolean(),
  listeningUrl: z.string().nullable(),
  secretStore: secretStoreViewSchema,
  settingsFile: z.string(),
});

export const appStatusViewSchema = z.object({
  version: z.string(),
  state: z.enum(['running', 'stopped', 'error']),
  url: z.string().nullable(),
  /** Ready to paste into a shell: `export ANTHROPIC_BASE_URL=http://127.0.0.1:8082`. */
  claudeCodeSetup: z.string().nullable(),
  defaultProvider: defaultProviderViewSchema,
  /** Partial providers, invalid or exhausted keys, expired sign-ins: one line each with the reason. */
  attention: z.array(z.object({ provider: z.string(), reason: z.string() })),
  /** Things worth telling the user that are not errors: a corrupt settings file set aside, fallbacks. */
  notices: z.array(z.string()),
  /** The last config reload failed: the last good config is still in force. */
  configErrors: z.array(z.string()),
});

export type ValueSourceView = z.infer<typeof valueSourceSchema>;
export type KeyView = z.infer<typeof keyViewSchema>;
export type ProviderView = z.infer<typeof providerViewSchema>;
export type ProviderField = z.infer<typeof providerFieldSchema>;
export type PresetView = z.infer<typeof presetViewSchema>;
export type DefaultProviderView = z.infer<typeof defaultProviderViewSchema>;
export type AliasView = z.infer<typeof aliasViewSchema>;
export type TraceStepView = z.infer<typeof traceStepSchema>;
export type ResolutionView = z.infer<typeof resolutionViewSchema>;
export type ActivityView = z.infer<typeof activityViewSchema>;
export type SecretStoreView = z.infer<typeof secretStoreViewSchema>;
export type SettingsView = z.infer<typeof settingsViewSchema>;
export type AppStatusView = z.infer<typeof appStatusViewSchema>;
export type TokenHealthView = z.infer<typeof tokenHealthViewSchema>;
export type SignInStartView = z.infer<typeof signInStartViewSchema>;
