import type { AdminParsedInput } from '../../shared/admin/contract.js';
import { toProviderName, type ProviderName } from '../../shared/domain/provider.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AdminContext } from './admin-context.js';
import { providerNotFound } from './admin-errors.js';
import type { Answer } from './answer.js';
import { SUBSCRIPTION_TERMS_NOTICE } from './sign-in-port.js';

function oauthProvider(ctx: AdminContext, name: string): Result<ProviderName, AppError> {
  const provider = ctx.config().providers.get(toProviderName(name));
  if (!provider) return err(providerNotFound(name, [...ctx.config().providers.keys()]));
  if (provider.authMode !== 'oauth') {
    return err({
      kind: 'conflict',
      message: `${provider.name} does not use sign-in (its auth mode is ${provider.authMode}).`,
      fix: `Set its auth mode to oauth (api-key "!OAUTH") to sign in with it.`,
    });
  }
  return ok(provider.name);
}

export async function oauthStatus(ctx: AdminContext): Answer<'oauth.status'> {
  const providers = [...ctx.config().providers.values()].filter((p) => p.authMode === 'oauth');
  return ok({
    providers: providers.map((p) => ctx.signIn.health(p.name)),
    termsNotice: SUBSCRIPTION_TERMS_NOTICE,
  });
}

export async function signIn(
  ctx: AdminContext,
  input: AdminParsedInput<'oauth.signIn'>,
): Answer<'oauth.signIn'> {
  const name = oauthProvider(ctx, input.provider);
  if (!name.ok) return name;
  return ctx.signIn.signIn(name.value, input.method ?? 'browser');
}

export async function cancelSignIn(
  ctx: AdminContext,
  input: AdminParsedInput<'oauth.cancel'>,
): Answer<'oauth.cancel'> {
  const name = oauthProvider(ctx, input.provider);
  if (!name.ok) return name;
  ctx.signIn.cancel(name.value);
  return ok({ done: true as const });
}

export async function signOut(
  ctx: AdminContext,
  input: AdminParsedInput<'oauth.signOut'>,
): Answer<'oauth.signOut'> {
  const name = oauthProvider(ctx, input.provider);
  if (!name.ok) return name;
  const out = await ctx.signIn.signOut(name.value);
  return out.ok ? ok({ done: true as const }) : out;
}

export async function importLogin(
  ctx: AdminContext,
  input: AdminParsedInput<'oauth.import'>,
): Answer<'oauth.import'> {
  const name = oauthProvider(ctx, input.provider);
  if (!name.ok) return name;
  return ctx.signIn.importLogin(name.value, input.source);
}
