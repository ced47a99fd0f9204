import type { AdminParsedInput } from '../../shared/admin/contract.js';
import type { SecretStoreView, SettingsView } from '../../shared/admin/views.js';
import { toProviderName } from '../../shared/domain/provider.js';
import { err, ok } from '../../shared/result.js';
import type { ValueSource } from '../config/model.js';
import { keyHint } from '../config/secret-hint.js';
import type { AdminContext } from './admin-context.js';
import { ownedElsewhere, providerNotFound } from './admin-errors.js';
import type { Answer } from './answer.js';
import { applyDocument, applySecrets, editSection, secretStoreError } from './apply-change.js';
import { defaultProviderView } from './default-provider-view.js';
import { ownedOutsideTheWindow } from './provider-view.js';

export function secretStoreView(ctx: AdminContext): SecretStoreView {
  const store = ctx.secretStore;
  return {
    kind: store?.kind ?? ctx.config().globals.secretStore,
    description: store?.description ?? 'none',
    warning: store?.warning ?? null,
    unavailable: ctx.secrets.unavailable ? { ...ctx.secrets.unavailable } : null,
  };
}

function field<T>(value: T, source: ValueSource) {
  return { value, source, readOnly: ownedOutsideTheWindow(source) };
}

export function settingsView(ctx: AdminContext): SettingsView {
  const { globals, globalSources } = ctx.config();
  const listening = ctx.listening();
  const wanted = ctx.configuredAddress();
  const tokenSource = globals.proxyApiKey === undefined ? null : globalSources.proxyApiKey;
  return {
    host: field(globals.host, globalSources.host),
    port: field(globals.port, globalSources.port),
    clientToken: {
      set: globals.proxyApiKey !== undefined,
      hint: globals.proxyApiKey === undefined ? null : keyHint(globals.proxyApiKey),
      source: tokenSource,
      readOnly: ownedOutsideTheWindow(tokenSource ?? undefined),
    },
    launchAtLogin: { value: ctx.launchAtLogin.get(), supported: ctx.launchAtLogin.supported },
    // Port 0 means "any free port": whatever was picked satisfies it.
    restartRequired:
      listening !== undefined &&
      (listening.host !== wanted.host || (wanted.port !== 0 && listening.port !== wanted.port)),
    listeningUrl: listening?.url ?? null,
    secretStore: secretStoreView(ctx),
    settingsFile: ctx.settings.path,
  };
}

export async function getSettings(ctx: AdminContext): Answer<'settings.get'> {
  return ok(settingsView(ctx));
}

export async function setSettings(
  ctx: AdminContext,
  input: AdminParsedInput<'settings.set'>,
): Answer<'settings.set'> {
  const { globalSources } = ctx.config();
  if (input.host !== undefined && ownedOutsideTheWindow(globalSources.host))
    return err(ownedElsewhere('The host', globalSources.host));
  if (input.port !== undefined && ownedOutsideTheWindow(globalSources.port))
    return err(ownedElsewhere('The port', globalSources.port));
  if (input.clientToken !== undefined && ownedOutsideTheWindow(globalSources.proxyApiKey))
    return err(ownedElsewhere('The client token', globalSources.proxyApiKey));
  if (input.launchAtLogin !== undefined) {
    if (!ctx.launchAtLogin.supported) {
      return err({
        kind: 'conflict',
        message: 'Launch at login is not available here.',
        fix: 'Use your desktop session’s autostart settings, or run `vdm serve` from a service manager.',
      });
    }
    ctx.launchAtLogin.set(input.launchAtLogin);
    ctx.settings.writeDesktop({ ...ctx.settings.desktop(), launchAtLogin: input.launchAtLogin });
  }
  if (input.host !== undefined || input.port !== undefined) {
    const applied = applyDocument(
      ctx,
      editSection(ctx.settings.read(), 'defaults', (table) => ({
        ...table,
        ...(input.host === undefined ? {} : { host: input.host }),
        ...(input.port === undefined ? {} : { port: input.port }),
      })),
    );
    if (!applied.ok) return applied;
  }
  if (input.clientToken !== undefined) {
    const previous = ctx.secrets.snapshot().clientToken;
    const saved = await ctx.secrets.setClientToken(input.clientToken ?? undefined);
    if (!saved.ok) return err(secretStoreError(saved.error));
    const applied = await applySecrets(ctx, () => ctx.secrets.setClientToken(previous));
    if (!applied.ok) return applied;
  }
  ctx.emit({ kind: 'changed', what: 'settings' });
  return ok(settingsView(ctx));
}

export async function setDefaultProvider(
  ctx: AdminContext,
  input: AdminParsedInput<'defaultProvider.set'>,
): Answer<'defaultProvider.set'> {
  const name = toProviderName(input.name);
  const snapshot = ctx.config();
  if (!snapshot.providers.has(name))
    return err(providerNotFound(name, [...snapshot.providers.keys()]));
  if (snapshot.defaultProvider.kind === 'configured') {
    const source = snapshot.defaultProvider.source;
    if (ownedOutsideTheWindow(source)) return err(ownedElsewhere('The default provider', source));
  }
  const applied = applyDocument(
    ctx,
    editSection(ctx.settings.read(), 'defaults', (table) => ({
      ...table,
      'default-provider': name,
    })),
  );
  if (!applied.ok) return applied;
  ctx.emit({ kind: 'changed', what: 'status' });
  return ok(defaultProviderView(applied.value));
}
