import type { ProviderField, ProviderView } from '../../../../shared/admin/views.js';

/** The editable provider fields, by TOML key, with how the window labels and reads them. */
export const PROVIDER_FIELD_LABELS: Readonly<Record<ProviderField, string>> = {
  'api-format': 'API format',
  'base-url': 'Base URL',
  'api-version': 'API version',
  'auth-mode': 'Auth mode',
};

export function fieldValue(provider: ProviderView, field: ProviderField): string | null {
  switch (field) {
    case 'api-format':
      return provider.apiFormat;
    case 'base-url':
      return provider.baseUrl;
    case 'api-version':
      return provider.apiVersion;
    case 'auth-mode':
      return provider.authMode;
  }
}
