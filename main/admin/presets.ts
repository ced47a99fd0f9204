import type { PresetView } from '../../shared/admin/views.js';
import { API_FORMATS, AUTH_MODES } from '../../shared/domain/provider.js';
import { findPackageDefaults } from '../config/package-defaults.js';
import { readTomlLayer } from '../config/toml-file.js';

function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/** The shipped provider presets (defaults.toml), for the add-provider form's picker. */
export function readPresets(file: string | undefined = findPackageDefaults()): PresetView[] {
  if (!file) return [];
  const layer = readTomlLayer(file, 'defaults', false).layer;
  if (!layer) return [];
  return [...layer.providers.entries()]
    .map(([name, section]) => {
      const value = (key: string) => section.scalars.get(key)?.value;
      const authMode = oneOf(AUTH_MODES, value('auth-mode'), 'api_key');
      return {
        name,
        apiFormat: oneOf(API_FORMATS, value('api-format'), 'openai'),
        baseUrl: typeof value('base-url') === 'string' ? (value('base-url') as string) : null,
        authMode,
        needsKey: authMode === 'api_key' && value('keyless') !== true,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
