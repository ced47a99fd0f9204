import { z } from 'zod';
import {
  activityViewSchema,
  aliasViewSchema,
  apiFormatSchema,
  appStatusViewSchema,
  authModeSchema,
  defaultProviderViewSchema,
  keyViewSchema,
  signInStartViewSchema,
  tokenHealthViewSchema,
  presetViewSchema,
  providerViewSchema,
  resolutionViewSchema,
  settingsViewSchema,
} from './views.js';

/**
 * The admin contract (ARCHITECTURE.md): every operation the window can ask of the main process,
 * with its input and output schemas. `main/admin/` implements it once; the IPC and HTTP transports
 * are adapters that parse the input with these schemas and return `Result<output, AppError>`.
 */

/** Lower-cased env prefix: letters, digits, `_` and `-`, never `:` (CONFIG.md). */
export const providerNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, {
    message: 'use letters, digits, "_" or "-", starting with a letter (like openrouter or my_llm)',
  });

/** One API key as pasted: surrounding whitespace dropped; whitespace inside would split it. */
export const apiKeyInputSchema = z
  .string()
  .trim()
  .min(1, { message: 'the key is empty' })
  .max(4096, { message: 'the key is longer than 4096 characters' })
  .regex(/^\S+$/, { message: 'a key cannot contain spaces; add several keys one per line' })
  .refine((key) => !key.startsWith('!'), {
    message: '!PASSTHRU and !OAUTH are not keys: choose them as the auth mode instead',
  });

const baseUrlSchema = z
  .string()
  .trim()
  .url({ message: 'must be a URL like https://api.example.com/v1' })
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' });

const aliasNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s:]{1,128}$/, { message: 'an alias name has no spaces or ":"' });

const empty = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

export const adminOperations = {
  'app.status': { input: empty, output: appStatusViewSchema },
  'providers.list': {
    input: empty,
    output: z.object({
      providers: z.array(providerViewSchema),
      defaultProvider: defaultProviderViewSchema,
      presets: z.array(presetViewSchema),
      /** The server's clock (epoch ms), so countdowns are right whatever the browser's clock says. */
      now: z.number(),
    }),
  },
  'providers.add': {
    input: z
      .object({
        name: providerNameSchema,
        apiFormat: apiFormatSchema.optional(),
        baseUrl: baseUrlSchema.optional(),
        apiVersion: z.string().trim().min(1).optional(),
        authMode: authModeSchema.optional(),
        keys: z.array(apiKeyInputSchema).max(64).optional(),
      })
      .strict(),
    output: providerViewSchema,
  },
  'providers.edit': {
    input: z
      .object({
        name: providerNameSchema,
        apiFormat: apiFormatSchema.optional(),
        /** null clears the window's value, so the layer below (a preset) shows through. */
        baseUrl: baseUrlSchema.nullable().optional(),
        apiVersion: z.string().trim().min(1).nullable().optional(),
        authMode: authModeSchema.optional(),
      })
      .strict(),
    output: providerViewSchema,
  },
  'providers.remove': { input: z.object({ name: providerNameSchema }).strict(), output: done },
  'providers.test': {
    input: z
      .object({ name: providerNameSchema, model: z.string().trim().min(1).optional() })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      latencyMs: z.number(),
      status: z.number().nullable(),
      model: z.string(),
      /** The upstream's reply text, or its error message (redacted), shown as is. */
      answer: z.string(),
    }),
  },
  'keys.add': {
    input: z
      .object({ provider: providerNameSchema, keys: z.array(apiKeyInputSchema).min(1).max(64) })
      .strict(),
    output: z.object({ keys: z.array(keyViewSchema) }),
  },
  'keys.remove': {
    input: z.object({ provider: providerNameSchema, hash: z.string().min(1) }).strict(),
    output: z.object({ keys: z.array(keyViewSchema) }),
  },
  'keys.resetHealth': {
    input: z.object({ provider: providerNameSchema, hash: z.string().min(1).optional() }).strict(),
    output: z.object({ keys: z.array(keyViewSchema) }),
  },
  'aliases.list': { input: empty, output: z.object({ aliases: z.array(aliasViewSchema) }) },
  'aliases.set': {
    input: z
      .object({
        /** null: `[defaults.aliases]`, the fallback of every provider. */
        provider: providerNameSchema.nullable(),
        name: aliasNameSchema,
        target: z.string().trim().min(1, { message: 'the target model is empty' }).max(512),
      })
      .strict(),
    output: z.object({ aliases: z.array(aliasViewSchema) }),
  },
  'aliases.remove': {
    input: z.object({ provider: providerNameSchema.nullable(), name: aliasNameSchema }).strict(),
    output: z.object({ aliases: z.array(aliasViewSchema) }),
  },
  'aliases.resolve': {
    input: z.object({ model: z.string().max(512) }).strict(),
    output: resolutionViewSchema,
  },
  'defaultProvider.set': {
    input: z.object({ name: providerNameSchema }).strict(),
    output: defaultProviderViewSchema,
  },
  'settings.get': { input: empty, output: settingsViewSchema },
  'settings.set': {
    input: z
      .object({
        host: z.string().trim().min(1).max(253).optional(),
        port: z.number().int().min(1).max(65535).optional(),
        /** A new client token, or null to stop requiring one. Stored in the keychain. */
        clientToken: z.string().trim().min(8).max(512).nullable().optional(),
        launchAtLogin: z.boolean().optional(),
      })
      .strict(),
    output: settingsViewSchema,
  },
  'activity.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ records: z.array(activityViewSchema) }),
  },
  'oauth.status': {
    input: empty,
    output: z.object({
      providers: z.array(tokenHealthViewSchema),
      /** Subscription sign-in is subject to the provider's terms: shown beside every Sign in button. */
      termsNotice: z.string(),
    }),
  },
  /**
   * Starts signing in. The answer comes at once (the URL to open, or the device code to type);
   * the sign-in itself finishes in the background and is announced by a `changed: oauth` event.
   */
  'oauth.signIn': {
    input: z
      .object({ provider: providerNameSchema, method: z.enum(['browser', 'device']).optional() })
      .strict(),
    output: signInStartViewSchema,
  },
  'oauth.cancel': { input: z.object({ provider: providerNameSchema }).strict(), output: done },
  'oauth.signOut': { input: z.object({ provider: providerNameSchema }).strict(), output: done },
  /** Copies an existing Codex CLI or vandamme-proxy login into the keychain, on explicit request. */
  'oauth.import': {
    input: z
      .object({ provider: providerNameSchema, source: z.enum(['codex', 'vandamme']) })
      .strict(),
    output: tokenHealthViewSchema,
  },
} as const;

export type AdminOperation = keyof typeof adminOperations;
export const ADMIN_OPERATIONS = Object.keys(adminOperations) as readonly AdminOperation[];

/** What the caller passes (before parsing: defaults and trims not applied yet). */
export type AdminInput<Op extends AdminOperation> = z.input<(typeof adminOperations)[Op]['input']>;
/** What the implementation receives, after parsing. */
export type AdminParsedInput<Op extends AdminOperation> = z.output<
  (typeof adminOperations)[Op]['input']
>;
export type AdminOutput<Op extends AdminOperation> = z.output<
  (typeof adminOperations)[Op]['output']
>;

/**
 * Pushed to the window without being asked (`activity.subscribe`): each finished request, and a
 * nudge to re-fetch when state changed underneath (config reload, key health, sign-in).
 */
export const adminEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), record: activityViewSchema }),
  z.object({
    kind: z.literal('changed'),
    what: z.enum(['config', 'keys', 'settings', 'oauth', 'status']),
  }),
]);
export type AdminEvent = z.infer<typeof adminEventSchema>;

export function isAdminOperation(name: string): name is AdminOperation {
  return Object.hasOwn(adminOperations, name);
}
