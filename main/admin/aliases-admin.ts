import type { AdminParsedInput } from '../../shared/admin/contract.js';
import type { AliasView, ResolutionView } from '../../shared/admin/views.js';
import { toProviderName } from '../../shared/domain/provider.js';
import { err, ok } from '../../shared/result.js';
import type { AliasTable, ConfigSnapshot } from '../config/model.js';
import { describeRoutingError } from '../core/routing/describe-routing-error.js';
import { resolveModel } from '../core/routing/resolve-model.js';
import { routingContextOf } from '../core/routing/routing-context.js';
import type { AdminContext } from './admin-context.js';
import { ownedElsewhere, providerNotFound } from './admin-errors.js';
import type { Answer } from './answer.js';
import { applyDocument, editSection, editSubTable, without } from './apply-change.js';
import { ownedOutsideTheWindow } from './provider-view.js';

function viewsOf(provider: string | null, table: AliasTable): AliasView[] {
  return Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => ({
      provider,
      name,
      target: entry.target,
      source: entry.source,
      editable: entry.source.layer === 'app',
    }));
}

export function aliasViews(snapshot: ConfigSnapshot): AliasView[] {
  const scoped = [...snapshot.providers.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((provider) => viewsOf(provider.name, provider.aliases));
  return [...scoped, ...viewsOf(null, snapshot.defaultAliases)];
}

export async function listAliases(ctx: AdminContext): Answer<'aliases.list'> {
  return ok({ aliases: aliasViews(ctx.config()) });
}

/** The alias table the change targets, and the section of settings.json that holds it. */
function scopeOf(ctx: AdminContext, provider: string | null) {
  const snapshot = ctx.config();
  if (provider === null) return ok({ table: snapshot.defaultAliases, section: 'defaults' });
  const config = snapshot.providers.get(toProviderName(provider));
  if (!config) return err(providerNotFound(provider, [...snapshot.providers.keys()]));
  return ok({ table: config.aliases, section: config.name as string });
}

export async function setAlias(
  ctx: AdminContext,
  input: AdminParsedInput<'aliases.set'>,
): Answer<'aliases.set'> {
  const scope = scopeOf(ctx, input.provider);
  if (!scope.ok) return scope;
  const existing = scope.value.table[input.name];
  if (existing && ownedOutsideTheWindow(existing.source)) {
    return err(ownedElsewhere(`Alias "${input.name}"`, existing.source));
  }
  const applied = applyDocument(
    ctx,
    editSection(ctx.settings.read(), scope.value.section, (table) =>
      editSubTable(table, 'aliases', (aliases) => ({ ...aliases, [input.name]: input.target })),
    ),
  );
  return applied.ok ? ok({ aliases: aliasViews(applied.value) }) : applied;
}

export async function removeAlias(
  ctx: AdminContext,
  input: AdminParsedInput<'aliases.remove'>,
): Answer<'aliases.remove'> {
  const scope = scopeOf(ctx, input.provider);
  if (!scope.ok) return scope;
  const existing = scope.value.table[input.name];
  if (!existing) {
    return err({
      kind: 'not-found',
      message: `There is no alias "${input.name}" ${input.provider ? `on ${input.provider}` : 'for all providers'}.`,
      fix: 'Reload the page: the alias list changed.',
    });
  }
  if (existing.source.layer !== 'app') {
    return err(ownedElsewhere(`Alias "${input.name}"`, existing.source));
  }
  const applied = applyDocument(
    ctx,
    editSection(ctx.settings.read(), scope.value.section, (table) => {
      const next = editSubTable(table, 'aliases', (aliases) => without(aliases, input.name));
      return Object.keys(next).length > 0 ? next : undefined;
    }),
  );
  return applied.ok ? ok({ aliases: aliasViews(applied.value) }) : applied;
}

export function resolveForView(snapshot: ConfigSnapshot, model: string): ResolutionView {
  const resolution = resolveModel(model, routingContextOf(snapshot));
  const trace = resolution.trace.map((step) => ({ ...step }));
  return resolution.ok
    ? { ok: true, provider: resolution.provider, model: resolution.model, trace }
    : { ok: false, message: describeRoutingError(resolution.error), trace };
}

export async function resolveAlias(
  ctx: AdminContext,
  input: AdminParsedInput<'aliases.resolve'>,
): Answer<'aliases.resolve'> {
  return ok(resolveForView(ctx.config(), input.model));
}
