import type { ProviderName } from '../../shared/domain/provider.js';
import type { ConfigLayer } from './model.js';
import { parseBoolean } from './parse-values.js';
import type { RawLayer, RawSection } from './raw-layer.js';

/** Layers the user writes; a preset in `defaults.toml` alone never makes a provider exist. */
const USER_LAYERS: ReadonlySet<ConfigLayer> = new Set(['env', 'local', 'user', 'app']);

function definesAuth(section: RawSection): boolean {
  return section.scalars.has('api-key') || section.scalars.has('auth-mode');
}

function sectionsOf(name: ProviderName, layers: readonly RawLayer[]) {
  return layers.flatMap((l) => {
    const section = l.providers.get(name);
    return section ? [{ layer: l.layer, section }] : [];
  });
}

/**
 * A provider that needs nothing secret from the user: a local server (`keyless = true`: ollama,
 * lmstudio) or a preset that signs in (`auth-mode = "oauth"` in defaults.toml: chatgpt).
 */
function needsNoKey(found: ReturnType<typeof sectionsOf>): boolean {
  return found.some(({ layer, section }) => {
    const keyless = section.scalars.get('keyless');
    if (keyless) {
      const parsed = parseBoolean(keyless.value);
      if (parsed.ok && parsed.value) return true;
    }
    const mode = section.scalars.get('auth-mode')?.value;
    return (
      layer === 'defaults' && typeof mode === 'string' && mode.trim().toLowerCase() !== 'api_key'
    );
  });
}

/**
 * CONFIG.md: a provider exists when it has a key, a sentinel or an `auth-mode` (variable, or a
 * section in a file the user writes). A provider that needs no key exists as soon as the user says
 * anything about it (any of its variables, a section in their files, or naming it the default),
 * so `OLLAMA_BASE_URL=...` or `VDM_DEFAULT_PROVIDER=ollama` is enough, while shipping presets does
 * not fill everyone's provider list with local servers they do not run.
 */
export function providerExists(
  name: ProviderName,
  layers: readonly RawLayer[],
  defaultProvider: string | undefined,
): boolean {
  const found = sectionsOf(name, layers);
  const mentioned = found.filter(({ layer }) => USER_LAYERS.has(layer));
  if (mentioned.some(({ section }) => definesAuth(section))) return true;
  if (!needsNoKey(found)) return false;
  return mentioned.length > 0 || defaultProvider === name;
}

/** Sections the user wrote that did not make a provider, worth a notice: likely a forgotten key. */
export function orphanSectionNotices(name: ProviderName, layers: readonly RawLayer[]): string[] {
  return sectionsOf(name, layers)
    .filter(({ layer }) => layer !== 'env' && USER_LAYERS.has(layer))
    .map(
      ({ section }) =>
        `[${name}] at ${section.source.where} has no api-key or auth-mode, so provider "${name}" is not loaded; ` +
        `set ${name.toUpperCase()}_API_KEY or add api-key = "..." to it`,
    );
}
