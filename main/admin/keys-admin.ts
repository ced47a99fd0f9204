import type { AdminParsedInput } from '../../shared/admin/contract.js';
import type { KeyView } from '../../shared/admin/views.js';
import { toProviderName, type ProviderName } from '../../shared/domain/provider.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { keyHash } from '../config/secret-hint.js';
import type { ProviderConfig } from '../config/model.js';
import type { AdminContext } from './admin-context.js';
import { ownedElsewhere, providerNotFound } from './admin-errors.js';
import type { Answer } from './answer.js';
import { applySecrets, secretStoreError } from './apply-change.js';
import { keysEditable, providerView } from './provider-view.js';

function findProvider(ctx: AdminContext, name: ProviderName): Result<ProviderConfig, AppError> {
  const provider = ctx.config().providers.get(name);
  return provider ? ok(provider) : err(providerNotFound(name, [...ctx.config().providers.keys()]));
}

function keysOf(ctx: AdminContext, name: ProviderName): KeyView[] {
  const snapshot = ctx.config();
  const provider = snapshot.providers.get(name);
  return provider ? providerView(ctx, snapshot, provider).keys : [];
}

function notEditable(provider: ProviderConfig): AppError {
  const source = provider.sources['api-key'];
  if (provider.authMode !== 'api_key') {
    return {
      kind: 'read-only',
      message: `${provider.name} uses ${provider.authMode === 'oauth' ? 'sign-in' : "the client's own key"} (auth mode ${provider.authMode}), not stored keys.`,
      fix: 'Switch its auth mode to api_key on the Providers page to use keys.',
    };
  }
  return source
    ? ownedElsewhere(`${provider.name}'s keys`, source)
    : {
        kind: 'read-only',
        message: `${provider.name}'s keys cannot be changed here.`,
        fix: 'Edit the file that sets them.',
      };
}

async function saveKeys(
  ctx: AdminContext,
  name: ProviderName,
  keys: readonly string[],
): Answer<'keys.add'> {
  const previous = ctx.secrets.keysOf(name);
  const saved = await ctx.secrets.setProviderKeys(name, keys);
  if (!saved.ok) return err(secretStoreError(saved.error));
  const applied = await applySecrets(ctx, () => ctx.secrets.setProviderKeys(name, previous));
  if (!applied.ok) return applied;
  return ok({ keys: keysOf(ctx, name) });
}

export async function addKeys(
  ctx: AdminContext,
  input: AdminParsedInput<'keys.add'>,
): Answer<'keys.add'> {
  const name = toProviderName(input.provider);
  const provider = findProvider(ctx, name);
  if (!provider.ok) return provider;
  if (!keysEditable(provider.value)) return err(notEditable(provider.value));
  const current = ctx.secrets.keysOf(name);
  const added = input.keys.filter((key) => !current.includes(key));
  if (added.length === 0) {
    return err({
      kind: 'conflict',
      message: `${name} already has ${input.keys.length === 1 ? 'that key' : 'those keys'}.`,
      fix: 'Paste a different key.',
    });
  }
  return saveKeys(ctx, name, [...current, ...new Set(added)]);
}

export async function removeKey(
  ctx: AdminContext,
  input: AdminParsedInput<'keys.remove'>,
): Answer<'keys.remove'> {
  const name = toProviderName(input.provider);
  const provider = findProvider(ctx, name);
  if (!provider.ok) return provider;
  const current = ctx.secrets.keysOf(name);
  const remaining = current.filter((key) => keyHash(key) !== input.hash);
  if (remaining.length === current.length) {
    const elsewhere = keysOf(ctx, name).some((key) => key.hash === input.hash);
    return err(
      elsewhere
        ? notEditable(provider.value)
        : {
            kind: 'not-found',
            message: `${name} has no key ${input.hash}.`,
            fix: 'Reload the page: the key list changed.',
          },
    );
  }
  return saveKeys(ctx, name, remaining);
}

export async function resetKeyHealth(
  ctx: AdminContext,
  input: AdminParsedInput<'keys.resetHealth'>,
): Answer<'keys.resetHealth'> {
  const name = toProviderName(input.provider);
  const provider = findProvider(ctx, name);
  if (!provider.ok) return provider;
  const reset = ctx.app.keys.resetHealth(name, input.hash);
  if (reset === 0 && input.hash !== undefined) {
    return err({
      kind: 'not-found',
      message: `${name} has no key ${input.hash}.`,
      fix: 'Reload the page: the key list changed.',
    });
  }
  ctx.emit({ kind: 'changed', what: 'keys' });
  return ok({ keys: keysOf(ctx, name) });
}
