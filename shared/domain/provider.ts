/** A provider's name: the lower-cased env prefix (`AZURE_OPENAI_API_KEY` -> `azure_openai`). Never contains `:`. */
export type ProviderName = string & { readonly __brand: 'ProviderName' };

export const API_FORMATS = ['openai', 'anthropic', 'responses'] as const;
export type ApiFormat = (typeof API_FORMATS)[number];

export const AUTH_MODES = ['api_key', 'passthrough', 'oauth'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Ready to take requests, or listed with the reason it cannot (CONFIG.md "partial"). */
export type ProviderStatus =
  { readonly kind: 'ready' } | { readonly kind: 'partial'; readonly reason: string };

export function toProviderName(raw: string): ProviderName {
  return raw.trim().toLowerCase() as ProviderName;
}
