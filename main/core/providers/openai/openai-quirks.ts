import type { ProviderConfig } from '../../../config/model.js';

/** How an OpenAI-format provider differs from plain Chat Completions; data, not code paths. */
export interface ChatQuirks {
  /** OpenAI's own reasoning models reject `max_tokens`; Azure follows OpenAI. */
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Strict validators (Gemini) reject `$schema`, tuple `items` and some `format`s: one bad tool schema breaks every request. */
  readonly cleanToolSchemas: boolean;
  /** Gemini wants its tool-call thought signatures echoed next turn (400 otherwise). */
  readonly thoughtSignatures: boolean;
  /** Accepts PDFs as Chat `file` parts with base64 `file_data`. */
  readonly fileParts: boolean;
}

const DEFAULT: ChatQuirks = {
  maxTokensField: 'max_tokens',
  cleanToolSchemas: false,
  thoughtSignatures: false,
  fileParts: false,
};

const BY_PROVIDER: Readonly<Record<string, Partial<ChatQuirks>>> = {
  openai: { maxTokensField: 'max_completion_tokens', fileParts: true },
  azure: { maxTokensField: 'max_completion_tokens' },
  azure_openai: { maxTokensField: 'max_completion_tokens' },
  gemini: { cleanToolSchemas: true, thoughtSignatures: true },
};

export function chatQuirksOf(provider: ProviderConfig): ChatQuirks {
  const azure =
    provider.apiVersion !== undefined ? { maxTokensField: 'max_completion_tokens' as const } : {};
  return { ...DEFAULT, ...azure, ...BY_PROVIDER[provider.name] };
}
