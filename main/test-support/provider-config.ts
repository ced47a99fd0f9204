import type { ProviderName } from '../../shared/domain/provider.js';
import type { ProviderConfig } from '../config/model.js';

/** A ready provider as the config loader would produce it, for tests that need no config files. */
export function providerConfig(name: string, extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    name: name as ProviderName,
    apiFormat: 'openai',
    baseUrl: `https://${name}.example.test/v1`,
    apiVersion: undefined,
    authMode: 'api_key',
    apiKeys: [],
    headers: {},
    aliases: {},
    requestTimeoutMs: 90_000,
    connectTimeoutMs: 10_000,
    streamIdleTimeoutMs: 60_000,
    maxRetries: 2,
    toolNameSanitization: false,
    reasoningContentPassthrough: false,
    status: { kind: 'ready' },
    sources: {},
    ...extra,
  };
}
