import type { ProviderName } from '../../../shared/domain/provider.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { followAliases, type ModelAt, type Routed } from './alias-chain.js';
import { findClientAlias, findExactAlias } from './alias-match.js';
import { describeRoutingError } from './describe-routing-error.js';
import type { Resolution, RoutingContext, RoutingError, TraceStep } from './model.js';

type Step = Result<Routed, RoutingError>;

function knownProviders(ctx: RoutingContext): ProviderName[] {
  return [...ctx.providers.keys()].sort();
}

function unknownProvider(prefix: string, requested: string, ctx: RoutingContext): Step {
  return err({ kind: 'unknown-provider', prefix, known: knownProviders(ctx), model: requested });
}

/** `!name` and `!p:name`: taken literally, no alias matching (CONFIG.md rule 1). */
function resolveLiteral(requested: string, ctx: RoutingContext, trace: TraceStep[]): Step {
  const rest = requested.slice(1);
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase() as ProviderName;
    // `!x:y` with x no provider is refused rather than sent whole to the default provider: the `!`
    // form is explicit, so a misspelt provider must not silently reach the wrong upstream.
    if (!ctx.providers.has(prefix)) return unknownProvider(rest.slice(0, colon), requested, ctx);
    const model = rest.slice(colon + 1);
    trace.push({
      rule: 'literal',
      detail: `"${requested}" is literal: model "${model}" on provider ${prefix}, no alias matching`,
    });
    return model === '' ? err({ kind: 'empty-model' }) : ok({ provider: prefix, model });
  }
  if (rest === '') return err({ kind: 'empty-model' });
  if (ctx.defaultProvider === undefined) return err({ kind: 'no-provider' });
  const provider = ctx.defaultProvider;
  trace.push({
    rule: 'literal',
    detail: `"${requested}" is literal: model "${rest}" on default provider ${provider}, no alias matching`,
  });
  return ok({ provider, model: rest });
}

/** Alias lookup for what the client sent, scoped to `at.provider` (then `[defaults.aliases]`). */
function resolveName(at: ModelAt, ctx: RoutingContext, trace: TraceStep[]): Step {
  const match = findClientAlias(at.model, at.provider, ctx);
  if (match) return followAliases(match, at, ctx, trace);
  if (at.provider === undefined) return err({ kind: 'no-provider' });
  trace.push({
    rule: 'no-alias',
    detail: `no alias of ${at.provider} or [defaults.aliases] matches "${at.model}": sent to ${at.provider} unchanged`,
  });
  return ok({ provider: at.provider, model: at.model });
}

/** `p:rest` (CONFIG.md rule 2): split on the first colon only, so model names may contain colons. */
function resolvePrefixed(
  requested: string,
  colon: number,
  ctx: RoutingContext,
  trace: TraceStep[],
): Step {
  const rawPrefix = requested.slice(0, colon);
  const prefix = rawPrefix.toLowerCase() as ProviderName;
  if (ctx.providers.has(prefix)) {
    const model = requested.slice(colon + 1);
    trace.push({
      rule: 'provider-prefix',
      detail: `prefix "${rawPrefix}" is provider ${prefix}: model "${model}"`,
    });
    if (model === '') return err({ kind: 'empty-model' });
    return resolveName({ provider: prefix, model }, ctx, trace);
  }
  // The one way a non-provider prefix is accepted: the whole string is an alias name.
  const whole = findExactAlias(requested, ctx.defaultProvider, ctx);
  if (!whole) return unknownProvider(rawPrefix, requested, ctx);
  trace.push({
    rule: 'default-provider',
    detail: `"${rawPrefix}" is no provider, but "${requested}" is an alias name: resolving it as one`,
  });
  return followAliases(whole, { provider: ctx.defaultProvider, model: requested }, ctx, trace);
}

function resolveBare(requested: string, ctx: RoutingContext, trace: TraceStep[]): Step {
  const provider = ctx.defaultProvider;
  if (provider !== undefined) {
    trace.push({
      rule: 'default-provider',
      detail: `no provider prefix: default provider ${provider}`,
    });
  }
  // Without a default, a `[defaults.aliases]` entry that names its provider can still route the name.
  return resolveName({ provider, model: requested }, ctx, trace);
}

function route(requested: string, ctx: RoutingContext, trace: TraceStep[]): Step {
  if (requested === '') return err({ kind: 'empty-model' });
  // Nothing can resolve without a provider; this message says how to add one.
  if (ctx.providers.size === 0) return err({ kind: 'no-provider' });
  if (requested.startsWith('!')) return resolveLiteral(requested, ctx, trace);
  const colon = requested.indexOf(':');
  return colon >= 0
    ? resolvePrefixed(requested, colon, ctx, trace)
    : resolveBare(requested, ctx, trace);
}

/**
 * CONFIG.md "Model resolution": the provider and upstream model for what a client asked for,
 * with every decision recorded in the trace that the UI and `vdm resolve` show.
 */
export function resolveModel(requested: string, ctx: RoutingContext): Resolution {
  const trace: TraceStep[] = [];
  // Surrounding whitespace is never part of a model id; trimming beats an upstream "model not found".
  const routed = route(requested.trim(), ctx, trace);
  if (routed.ok)
    return { ok: true, provider: routed.value.provider, model: routed.value.model, trace };
  trace.push({ rule: 'error', detail: describeRoutingError(routed.error) });
  return { ok: false, error: routed.error, trace };
}
