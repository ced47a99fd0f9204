import type { KeyView, ProviderField, ProviderView } from '../../shared/admin/views.js';
import { PROVIDER_FIELDS } from '../../shared/admin/views.js';
import type { ProviderName } from '../../shared/domain/provider.js';
import type { ConfigLayer, ConfigSnapshot, ProviderConfig, ValueSource } from '../config/model.js';
import { isTable } from '../config/document-layer.js';
import type { AdminContext } from './admin-context.js';

/** Layers the window does not write: a value from one of them is changed where it was set. */
const OUTSIDE_THE_WINDOW: ReadonlySet<ConfigLayer> = new Set(['env', 'dotenv', 'local', 'user']);

export function ownedOutsideTheWindow(source: ValueSource | undefined): boolean {
  return source !== undefined && OUTSIDE_THE_WINDOW.has(source.layer);
}

function readOnlyFields(provider: ProviderConfig): ProviderField[] {
  return PROVIDER_FIELDS.filter((field) => ownedOutsideTheWindow(provider.sources[field]));
}

function keyViews(ctx: AdminContext, provider: ProviderConfig): KeyView[] {
  const source = provider.sources['api-key'] ?? { layer: 'built-in', where: 'none' };
  return ctx.app.keys.healthOf(provider.name).map((health) => ({
    hash: health.hash,
    hint: health.hint,
    status: health.status,
    requests: health.requests,
    failures: health.failures,
    source,
    removable: source.layer === 'app',
  }));
}

/** New keys from the window would be used: nothing above the app layer sets this provider's keys. */
export function keysEditable(provider: ProviderConfig): boolean {
  return provider.authMode === 'api_key' && !ownedOutsideTheWindow(provider.sources['api-key']);
}

export function hasAppSection(ctx: AdminContext, name: ProviderName): boolean {
  return isTable(ctx.settings.read()[name]) || ctx.secrets.keysOf(name).length > 0;
}

export function providerView(
  ctx: AdminContext,
  snapshot: ConfigSnapshot,
  provider: ProviderConfig,
): ProviderView {
  return {
    name: provider.name,
    apiFormat: provider.apiFormat,
    baseUrl: provider.baseUrl ?? null,
    apiVersion: provider.apiVersion ?? null,
    authMode: provider.authMode,
    status: provider.status,
    isDefault:
      snapshot.defaultProvider.kind !== 'none' && snapshot.defaultProvider.name === provider.name,
    oauth: provider.authMode === 'oauth' ? ctx.signIn.status(provider.name) : null,
    keys: keyViews(ctx, provider),
    sources: { ...provider.sources },
    readOnlyFields: readOnlyFields(provider),
    keysEditable: keysEditable(provider),
    removable: hasAppSection(ctx, provider.name),
  };
}
