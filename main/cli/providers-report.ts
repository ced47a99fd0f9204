import type { KeyStatus } from '../../shared/domain/key-status.js';
import type { ApiFormat, AuthMode, ProviderName } from '../../shared/domain/provider.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ConfigSnapshot, ProviderConfig } from '../config/model.js';
import { keyHash, keyHint } from '../config/secret-hint.js';
import { healthUrl, type LiveHealth } from './providers-live-health.js';

export interface ReportedKey {
  readonly hint: string;
  readonly hash: string;
  /** From the running proxy; absent when none runs or it does not know this key (older config). */
  readonly status?: KeyStatus;
}

export type ReportedKeys =
  | { readonly kind: 'keys'; readonly keys: readonly ReportedKey[] }
  | { readonly kind: 'passthrough' }
  /** `signIn` when the stored sign-in could be read. */
  | { readonly kind: 'oauth'; readonly signIn?: OAuthStatus }
  /** An api_key provider without keys: a local preset (ollama, lmstudio), or a partial one. */
  | { readonly kind: 'none' };

export interface ReportedProvider {
  readonly name: ProviderName;
  readonly status: 'ready' | 'partial';
  readonly reason?: string;
  readonly isDefault: boolean;
  readonly authMode: AuthMode;
  readonly format: ApiFormat;
  readonly baseUrl?: string;
  readonly keys: ReportedKeys;
}

export type ReportedHealth =
  | { readonly kind: 'running'; readonly url: string; readonly checkedAt: number }
  | { readonly kind: 'unreadable'; readonly url: string; readonly reason: string }
  | { readonly kind: 'not-running'; readonly url: string };

/** What `vdm providers` shows, as data: the table renders it and `--json` prints it. No key in it. */
export interface ProvidersReport {
  readonly providers: readonly ReportedProvider[];
  readonly defaultProvider: ConfigSnapshot['defaultProvider'];
  readonly health: ReportedHealth;
}

/** Sign-in state of an OAuth provider, read from the secret store by the caller. */
export type SignInLookup = (provider: string) => OAuthStatus | undefined;

function reportedKeys(
  provider: ProviderConfig,
  live: LiveHealth | undefined,
  signIn: SignInLookup | undefined,
): ReportedKeys {
  if (provider.authMode === 'passthrough') return { kind: 'passthrough' };
  if (provider.authMode === 'oauth') {
    const status = signIn?.(provider.name);
    return status ? { kind: 'oauth', signIn: status } : { kind: 'oauth' };
  }
  if (provider.apiKeys.length === 0) return { kind: 'none' };
  const liveKeys =
    live?.kind === 'running'
      ? live.providers.find((p) => p.name === provider.name)?.keys
      : undefined;
  const keys = provider.apiKeys.map((key): ReportedKey => {
    const hash = keyHash(key);
    const status = liveKeys?.find((k) => k.hash === hash)?.status;
    return status ? { hint: keyHint(key), hash, status } : { hint: keyHint(key), hash };
  });
  return { kind: 'keys', keys };
}

function reportedHealth(snapshot: ConfigSnapshot, live: LiveHealth | undefined): ReportedHealth {
  if (live?.kind === 'running')
    return { kind: 'running', url: live.url, checkedAt: live.checkedAt };
  if (live?.kind === 'unreadable') return live;
  return { kind: 'not-running', url: healthUrl(snapshot.globals.host, snapshot.globals.port) };
}

export function providersReport(
  snapshot: ConfigSnapshot,
  live?: LiveHealth,
  signIn?: SignInLookup,
): ProvidersReport {
  const dp = snapshot.defaultProvider;
  const names = [...snapshot.providers.keys()].sort();
  const providers = names.flatMap((name): ReportedProvider[] => {
    const p = snapshot.providers.get(name);
    if (!p) return [];
    return [
      {
        name,
        status: p.status.kind,
        ...(p.status.kind === 'partial' ? { reason: p.status.reason } : {}),
        isDefault: dp.kind !== 'none' && dp.name === name,
        authMode: p.authMode,
        format: p.apiFormat,
        ...(p.baseUrl === undefined ? {} : { baseUrl: p.baseUrl }),
        keys: reportedKeys(p, live, signIn),
      },
    ];
  });
  return { providers, defaultProvider: dp, health: reportedHealth(snapshot, live) };
}
