import type { ProviderName } from '../../../shared/domain/provider.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { chainStep, clientAliasStep, findExactAlias, type AliasMatch } from './alias-match.js';
import type { RoutingContext, RoutingError, TraceStep } from './model.js';

/** CONFIG.md: a chain of aliases is followed for at most this many alias applications. */
export const MAX_ALIAS_HOPS = 10;

/** A model name on a provider; the provider is unknown only before the first alias when there is no default. */
export interface ModelAt {
  readonly provider: ProviderName | undefined;
  readonly model: string;
}

export interface Routed {
  readonly provider: ProviderName;
  readonly model: string;
}

type Step = Result<Routed, RoutingError>;

function splitProvider(text: string, ctx: RoutingContext): Routed | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = text.slice(0, colon).toLowerCase() as ProviderName;
  return ctx.providers.has(prefix) ? { provider: prefix, model: text.slice(colon + 1) } : undefined;
}

/**
 * Where an alias target points. `q:model` with q a provider crosses providers; anything else
 * (including `qwen/qwen3-coder:free`, whose prefix is no provider) is a model on the provider being
 * resolved for: the alias's own provider, or for `[defaults.aliases]` the provider in scope.
 */
function targetOf(match: AliasMatch, at: ModelAt, ctx: RoutingContext, trace: TraceStep[]): Step {
  const target = match.entry.target.trim();
  const crossed = splitProvider(target, ctx);
  if (crossed) {
    trace.push({
      rule: 'provider-prefix',
      detail: `target "${target}" names provider ${crossed.provider}: model "${crossed.model}" on ${crossed.provider}`,
    });
    return crossed.model === '' ? err({ kind: 'empty-model' }) : ok(crossed);
  }
  if (target === '') return err({ kind: 'empty-model' });
  if (at.provider === undefined) return err({ kind: 'no-provider' });
  return ok({ provider: at.provider, model: target });
}

function sameModel(a: ModelAt, b: ModelAt): boolean {
  return a.provider === b.provider && a.model.toLowerCase() === b.model.toLowerCase();
}

/** `a -> b -> a` when the chain stays on one provider, `a -> anthropic:b -> openrouter:a` when it crosses. */
function labels(chain: readonly ModelAt[]): string[] {
  const crosses = new Set(chain.map((n) => n.provider)).size > 1;
  return chain.map((n) =>
    crosses && n.provider !== undefined ? `${n.provider}:${n.model}` : n.model,
  );
}

/**
 * Applies `first` (matched against what the client sent), then follows each target by exact alias
 * name until a name is no alias. A target that names the very model it came from ends the chain: a
 * `[defaults.aliases]` entry `x = "anthropic:x"` must route to anthropic, not report a cycle.
 */
export function followAliases(
  first: AliasMatch,
  start: ModelAt,
  ctx: RoutingContext,
  trace: TraceStep[],
): Step {
  let at = start;
  let match = first;
  const applied: ModelAt[] = [];
  for (;;) {
    trace.push(applied.length === 0 ? clientAliasStep(match, start.model) : chainStep(match));
    const target = targetOf(match, at, ctx, trace);
    if (!target.ok) return target;
    applied.push(at);
    const { provider, model } = target.value;
    if (sameModel(target.value, at)) {
      trace.push({
        rule: 'alias-chain',
        detail: `"${model}" names itself on ${provider}: the chain ends here`,
      });
      return target;
    }
    const next = findExactAlias(model, provider, ctx);
    if (!next) {
      trace.push({
        rule: 'no-alias',
        detail: `"${model}" is not an alias on ${provider}: sent to ${provider} as is`,
      });
      return target;
    }
    const seen = applied.findIndex((n) => sameModel(n, target.value));
    if (seen >= 0)
      return err({ kind: 'alias-cycle', cycle: labels([...applied.slice(seen), target.value]) });
    if (applied.length >= MAX_ALIAS_HOPS)
      return err({ kind: 'too-many-hops', chain: labels([...applied, target.value]) });
    at = target.value;
    match = next;
  }
}
