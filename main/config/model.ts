import type {
  ApiFormat,
  AuthMode,
  ProviderName,
  ProviderStatus,
} from '../../shared/domain/provider.js';

/**
 * The layers of CONFIG.md, highest first. `env` is the real environment, `dotenv` the `.env`
 * file beside it (same layer, real env wins), `local` is ./vandamme-config.toml (or --config),
 * `user` the XDG user file, `app` the settings edited in the window, `defaults` the package presets.
 */
export type ConfigLayer = 'env' | 'dotenv' | 'local' | 'user' | 'app' | 'defaults' | 'built-in';

/** Where one effective value came from: `OPENAI_BASE_URL` or `/path/vandamme-config.toml:12`. */
export interface ValueSource {
  readonly layer: ConfigLayer;
  readonly where: string;
}

export interface AliasEntry {
  /** As written by the user: `model`, or `provider:model` to cross providers. */
  readonly target: string;
  readonly source: ValueSource;
}

/** Alias names are case-insensitive: the map key is the lower-cased name. */
export type AliasTable = Readonly<Record<string, AliasEntry>>;

export interface ProviderConfig {
  readonly name: ProviderName;
  readonly apiFormat: ApiFormat;
  /** Absent for a partial provider that lacks one (status says so). */
  readonly baseUrl: string | undefined;
  /** Set => Azure OpenAI deployment URLs and the `api-key` header. */
  readonly apiVersion: string | undefined;
  readonly authMode: AuthMode;
  /** Real keys for `api_key` mode (rotation order); empty for passthrough, oauth and keyless presets. */
  readonly apiKeys: readonly string[];
  /** Extra upstream headers, names as written (global CUSTOM_HEADER_* merged in). */
  readonly headers: Readonly<Record<string, string>>;
  readonly aliases: AliasTable;
  /** Time to wait for the upstream's response headers (REQUEST_TIMEOUT / `timeout`). */
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** A stream that sends nothing for this long is ended with an error. */
  readonly streamIdleTimeoutMs: number;
  readonly maxRetries: number;
  readonly toolNameSanitization: boolean;
  readonly reasoningContentPassthrough: boolean;
  readonly status: ProviderStatus;
  /** The layer each field came from, keyed by TOML key name (`base-url`, `api-key`, `aliases.haiku`, ...). */
  readonly sources: Readonly<Record<string, ValueSource>>;
}

export interface GlobalSettings {
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** When set, clients must present it as `x-api-key` or `Authorization: Bearer`. */
  readonly proxyApiKey: string | undefined;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly streamIdleTimeoutMs: number;
  readonly maxRetries: number;
  /** Upper bound on a 429 cooldown, whatever `retry-after` says. */
  readonly cooldownMaxMs: number;
  /** Cooldown when the upstream gives no `retry-after`. */
  readonly cooldownDefaultMs: number;
  /** Rest after quota/billing exhaustion. */
  readonly quotaCooldownMs: number;
  readonly maxBodyBytes: number;
  readonly secretStore: 'keychain' | 'file' | 'memory';
  readonly vdmHome: string;
}

export type DefaultProviderChoice =
  | { readonly kind: 'configured'; readonly name: ProviderName; readonly source: ValueSource }
  /** The configured one is missing or not ready, or none was configured: first ready provider alphabetically. */
  | { readonly kind: 'fallback'; readonly name: ProviderName; readonly reason: string }
  | { readonly kind: 'none'; readonly reason: string };

export interface ConfigSnapshot {
  readonly globals: GlobalSettings;
  readonly globalSources: Readonly<Record<keyof GlobalSettings, ValueSource>>;
  /** Every provider that exists (CONFIG.md), ready or partial, keyed by name. */
  readonly providers: ReadonlyMap<ProviderName, ProviderConfig>;
  readonly defaultProvider: DefaultProviderChoice;
  /** `[defaults.aliases]`: fallback aliases for every provider that lacks the name. */
  readonly defaultAliases: AliasTable;
  /** Things worth telling the user that are not errors (ignored variables, fallbacks). */
  readonly notices: readonly string[];
  /** Files that were read to build this snapshot, for the watcher and `vdm config show`. */
  readonly files: readonly string[];
}

/** A reason the config cannot be used, precise enough to fix: file and line where there is one. */
export type ConfigIssue =
  | {
      readonly kind: 'toml-syntax';
      readonly file: string;
      readonly line: number;
      readonly column: number;
      readonly message: string;
    }
  | {
      readonly kind: 'invalid-value';
      /** `PORT`, or `file:line` of the TOML key. */
      readonly where: string;
      readonly message: string;
    }
  | { readonly kind: 'unreadable-file'; readonly file: string; readonly message: string };

/** Everything the loader reads from outside, injected so tests need no real home directory. */
export interface ConfigSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly homeDir: string;
  /** `--config FILE`: replaces ./vandamme-config.toml as the local layer. */
  readonly configFile?: string;
  /** App settings (layer 4) as plain data, same shape as a parsed TOML file. */
  readonly appSettings?: Readonly<Record<string, unknown>>;
  /** Where the app settings came from, for provenance. */
  readonly appSettingsPath?: string;
  /** Keys and the client token the window stored in the secret store: part of the app layer. */
  readonly appSecrets?: {
    readonly providerKeys: Readonly<Record<string, readonly string[]>>;
    readonly clientToken: string | undefined;
    /** "Secret Service (GNOME Keyring)": shown as the source of these values. */
    readonly where: string;
  };
  /** Things noticed while gathering these sources (a corrupt settings file set aside), passed on to `ConfigSnapshot.notices`. */
  readonly notices?: readonly string[];
  /** For the default `VDM_HOME` (app data directory); `process.platform` when absent. */
  readonly platform?: NodeJS.Platform;
}
