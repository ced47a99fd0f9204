import type { AdminOperation, AdminParsedInput } from '../../shared/admin/contract.js';
import type { PresetView } from '../../shared/admin/views.js';
import { ok } from '../../shared/result.js';
import type { AdminContext } from './admin-context.js';
import type { AdminService } from './admin-service.js';
import { activityView } from './activity-view.js';
import { listAliases, removeAlias, resolveAlias, setAlias } from './aliases-admin.js';
import type { Answer } from './answer.js';
import { addKeys, removeKey, resetKeyHealth } from './keys-admin.js';
import { cancelSignIn, importLogin, oauthStatus, signIn, signOut } from './oauth-admin.js';
import { testProvider } from './provider-test.js';
import { addProvider, editProvider, listProviders, removeProvider } from './providers-admin.js';
import { getSettings, setDefaultProvider, setSettings } from './settings-admin.js';

type Handlers = {
  readonly [Op in AdminOperation]: (input: AdminParsedInput<Op>) => Answer<Op>;
};

/**
 * The admin service: one handler per contract operation (the mapped type makes a missing one a
 * compile error), over the context the runtime injects. Pushed events come from the context's
 * emitter, which the runtime feeds.
 */
export function createAdminService(
  ctx: AdminContext,
  presets: readonly PresetView[],
  subscribe: AdminService['subscribe'],
): AdminService {
  const handlers: Handlers = {
    'app.status': async () => ok(ctx.status()),
    'providers.list': async () => listProviders(ctx, presets),
    'providers.add': (input) => addProvider(ctx, input),
    'providers.edit': (input) => editProvider(ctx, input),
    'providers.remove': (input) => removeProvider(ctx, input),
    'providers.test': (input) => testProvider(ctx, input),
    'keys.add': (input) => addKeys(ctx, input),
    'keys.remove': (input) => removeKey(ctx, input),
    'keys.resetHealth': (input) => resetKeyHealth(ctx, input),
    'aliases.list': async () => listAliases(ctx),
    'aliases.set': (input) => setAlias(ctx, input),
    'aliases.remove': (input) => removeAlias(ctx, input),
    'aliases.resolve': (input) => resolveAlias(ctx, input),
    'defaultProvider.set': (input) => setDefaultProvider(ctx, input),
    'settings.get': async () => getSettings(ctx),
    'settings.set': (input) => setSettings(ctx, input),
    'activity.recent': async (input) =>
      ok({ records: ctx.app.activity.recent(input.limit ?? 200).map(activityView) }),
    'oauth.status': async () => oauthStatus(ctx),
    'oauth.signIn': (input) => signIn(ctx, input),
    'oauth.cancel': (input) => cancelSignIn(ctx, input),
    'oauth.signOut': (input) => signOut(ctx, input),
    'oauth.import': (input) => importLogin(ctx, input),
  };
  return {
    handle: (operation, input) =>
      (handlers[operation] as (input: unknown) => Answer<typeof operation>)(input),
    subscribe,
  };
}
