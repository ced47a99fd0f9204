import type { AdminParsedInput } from '../../shared/admin/contract.js';
import type { PresetView } from '../../shared/admin/views.js';
import { toProviderName, type ProviderName } from '../../shared/domain/provider.js';
import { err, ok } from '../../shared/result.js';
import { isTable } from '../config/document-layer.js';
import type { ConfigSnapshot } from '../config/model.js';
import type { AdminContext } from './admin-context.js';
import type { Answer } from './answer.js';
import { providerNotFound, ownedElsewhere } from './admin-errors.js';
import {
  applyDocument,
  applySecrets,
  editSection,
  secretStoreError,
  without,
} from './apply-change.js';
import { defaultProviderView } from './default-provider-view.js';
import { hasAppSection, providerView } from './provider-view.js';

function viewOf(ctx: AdminContext, snapshot: ConfigSnapshot, name: ProviderName) {
  const provider = snapshot.providers.get(name);
  if (!provider) return err(providerNotFound(name, [...snapshot.providers.keys()]));
  return ok(providerView(ctx, snapshot, provider));
}

export async function listProviders(
  ctx: AdminContext,
  presets: readonly PresetView[],
): Answer<'providers.list'> {
  const snapshot = ctx.config();
  return ok({
    providers: [...snapshot.providers.values()].map((p) => providerView(ctx, snapshot, p)),
    defaultProvider: defaultProviderView(snapshot),
    presets: [...presets],
    now: ctx.clock.now(),
  });
}

export async function addProvider(
  ctx: AdminContext,
  input: AdminParsedInput<'providers.add'>,
): Answer<'providers.add'> {
  const name = toProviderName(input.name);
  const existing = ctx.config().providers.get(name);
  if (existing || hasAppSection(ctx, name)) {
    return err({
      kind: 'conflict',
      message: `A provider named "${name}" already exists.`,
      fix: 'Edit it on the Providers page, or choose another name.',
    });
  }
  const keys = [...new Set(input.keys ?? [])];
  if (keys.length > 0) {
    const saved = await ctx.secrets.setProviderKeys(name, keys);
    if (!saved.ok) return err(secretStoreError(saved.error));
  }
  const section: Record<string, unknown> = {};
  if (input.apiFormat) section['api-format'] = input.apiFormat;
  if (input.baseUrl) section['base-url'] = input.baseUrl;
  if (input.apiVersion) section['api-version'] = input.apiVersion;
  // An explicit auth mode makes the provider exist even before it has a key (CONFIG.md).
  section['auth-mode'] = input.authMode ?? 'api_key';
  const applied = applyDocument(
    ctx,
    editSection(ctx.settings.read(), name, () => section),
  );
  if (!applied.ok) {
    if (keys.length > 0) await ctx.secrets.setProviderKeys(name, []);
    return applied;
  }
  return viewOf(ctx, applied.value, name);
}

const FIELD_OF = {
  apiFormat: 'api-format',
  baseUrl: 'base-url',
  apiVersion: 'api-version',
  authMode: 'auth-mode',
} as const;

export async function editProvider(
  ctx: AdminContext,
  input: AdminParsedInput<'providers.edit'>,
): Answer<'providers.edit'> {
  const name = toProviderName(input.name);
  const provider = ctx.config().providers.get(name);
  if (!provider) return err(providerNotFound(name, [...ctx.config().providers.keys()]));
  const changes = Object.entries(FIELD_OF).filter(
    ([field]) => input[field as keyof typeof FIELD_OF] !== undefined,
  );
  for (const [field, key] of changes) {
    const source = provider.sources[key];
    if (source && ['env', 'dotenv', 'local', 'user'].includes(source.layer)) {
      return err(ownedElsewhere(`${name}'s ${key} (${field})`, source));
    }
  }
  const applied = applyDocument(
    ctx,
    editSection(ctx.settings.read(), name, (table) =>
      changes.reduce<Record<string, unknown>>((next, [field, key]) => {
        const value = input[field as keyof typeof FIELD_OF];
        return value === null ? without(next, key) : { ...next, [key]: value };
      }, table),
    ),
  );
  return applied.ok ? viewOf(ctx, applied.value, name) : applied;
}

export async function removeProvider(
  ctx: AdminContext,
  input: AdminParsedInput<'providers.remove'>,
): Answer<'providers.remove'> {
  const name = toProviderName(input.name);
  if (!hasAppSection(ctx, name)) {
    const provider = ctx.config().providers.get(name);
    if (!provider) return err(providerNotFound(name, [...ctx.config().providers.keys()]));
    const source = provider.sources['api-key'] ?? provider.sources['base-url'];
    return err(
      source
        ? ownedElsewhere(`Provider "${name}"`, source)
        : {
            kind: 'read-only',
            message: `Provider "${name}" is not one the window added.`,
            fix: 'Remove it from the file or environment that defines it.',
          },
    );
  }
  let document = editSection(ctx.settings.read(), name, () => undefined);
  const defaults = document['defaults'];
  if (isTable(defaults) && defaults['default-provider'] === name) {
    document = editSection(document, 'defaults', (table) => {
      delete table['default-provider'];
      return Object.keys(table).length > 0 ? table : undefined;
    });
  }
  const applied = applyDocument(ctx, document);
  if (!applied.ok) return applied;
  if (ctx.secrets.keysOf(name).length > 0) {
    const previous = ctx.secrets.keysOf(name);
    const removed = await ctx.secrets.setProviderKeys(name, []);
    if (!removed.ok) return err(secretStoreError(removed.error));
    const reloaded = await applySecrets(ctx, () => ctx.secrets.setProviderKeys(name, previous));
    if (!reloaded.ok) return reloaded;
  }
  return ok({ done: true as const });
}
