import type { ProviderView } from '../../../../shared/admin/views.js';

export const API_FORMAT_CHOICES: readonly { value: ProviderView['apiFormat']; label: string }[] = [
  { value: 'openai', label: 'OpenAI Chat Completions' },
  { value: 'anthropic', label: 'Anthropic Messages' },
  { value: 'responses', label: 'OpenAI Responses' },
];

export const AUTH_MODE_CHOICES: readonly { value: ProviderView['authMode']; label: string }[] = [
  { value: 'api_key', label: 'API key' },
  { value: 'passthrough', label: "Client's own key (passthrough)" },
  { value: 'oauth', label: 'OAuth sign-in' },
];

export function isApiFormat(value: string): value is ProviderView['apiFormat'] {
  return API_FORMAT_CHOICES.some((c) => c.value === value);
}

export function isAuthMode(value: string): value is ProviderView['authMode'] {
  return AUTH_MODE_CHOICES.some((c) => c.value === value);
}
