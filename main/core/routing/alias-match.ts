import type { ProviderName } from '../../../shared/domain/provider.js';
import type { AliasEntry, AliasTable } from '../../config/model.js';
import type { RoutingContext, TraceStep } from './model.js';

/** `provider`: the provider's own `[p.aliases]`; `defaults`: `[defaults.aliases]`. */
export type AliasOrigin = 'provider' | 'defaults';

export interface AliasMatch {
  /** The alias name, lower-cased (alias names are case-insensitive, CONFIG.md). */
  readonly name: string;
  readonly entry: AliasEntry;
  readonly origin: AliasOrigin;
  readonly how: 'exact' | 'substring';
  /** The provider whose aliases were searched; undefined when only `[defaults.aliases]` could be. */
  readonly scope: ProviderName | undefined;
}

interface Candidate {
  readonly name: string;
  readonly entry: AliasEntry;
  readonly origin: AliasOrigin;
}

/** `-` and `_` count as the same character, so `claude_haiku` finds the alias `claude-haiku`. */
function fold(text: string): string {
  return text.toLowerCase().replaceAll('_', '-');
}

function candidates(scope: ProviderName | undefined, ctx: RoutingContext): Candidate[] {
  const own: AliasTable = scope === undefined ? {} : (ctx.providers.get(scope)?.aliases ?? {});
  const list: Candidate[] = [];
  for (const [name, entry] of Object.entries(own))
    list.push({ name: name.toLowerCase(), entry, origin: 'provider' });
  for (const [name, entry] of Object.entries(ctx.defaultAliases)) {
    list.push({ name: name.toLowerCase(), entry, origin: 'defaults' });
  }
  // An empty alias name would be a substring of every model; the loader should refuse it, we ignore it.
  return list.filter((c) => c.name !== '');
}

/** CONFIG.md ranking: exact, then longer alias, then the provider's own, then alphabetical. */
function rank(a: AliasMatch, b: AliasMatch): number {
  if (a.how !== b.how) return a.how === 'exact' ? -1 : 1;
  if (a.name.length !== b.name.length) return b.name.length - a.name.length;
  if (a.origin !== b.origin) return a.origin === 'provider' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The alias that best matches what the client sent: exact (case-insensitive) or substring,
 * with `-`/`_` treated alike. Only a client's model name gets substring matching; targets do not.
 */
export function findClientAlias(
  requested: string,
  scope: ProviderName | undefined,
  ctx: RoutingContext,
): AliasMatch | undefined {
  const lower = requested.toLowerCase();
  const folded = fold(requested);
  const matches: AliasMatch[] = [];
  for (const c of candidates(scope, ctx)) {
    if (c.name === lower) matches.push({ ...c, how: 'exact', scope });
    else if (folded.includes(fold(c.name))) matches.push({ ...c, how: 'substring', scope });
  }
  return matches.sort(rank)[0];
}

/** Exact (case-insensitive) lookup: the provider's own alias, else `[defaults.aliases]`. Used for chains. */
export function findExactAlias(
  name: string,
  scope: ProviderName | undefined,
  ctx: RoutingContext,
): AliasMatch | undefined {
  const lower = name.toLowerCase();
  const hit = candidates(scope, ctx)
    .filter((c) => c.name === lower)
    .sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'provider' ? -1 : 1))[0];
  return hit && { ...hit, how: 'exact', scope };
}

function ruleOf(match: AliasMatch): TraceStep['rule'] {
  if (match.origin === 'provider') return match.how === 'exact' ? 'alias-exact' : 'alias-substring';
  return match.how === 'exact' ? 'default-alias-exact' : 'default-alias-substring';
}

function owner(match: AliasMatch): string {
  return match.origin === 'provider'
    ? `alias "${match.name}" of provider ${match.scope}`
    : `default alias "${match.name}"`;
}

/** The trace step for the first alias applied to what the client sent. */
export function clientAliasStep(match: AliasMatch, requested: string): TraceStep {
  const how = match.how === 'exact' ? 'exactly' : 'by substring';
  return {
    rule: ruleOf(match),
    detail: `${owner(match)} matched "${requested}" ${how} -> "${match.entry.target}"`,
    source: match.entry.source,
  };
}

/** The trace step for an alias reached by following a target (exact name only). */
export function chainStep(match: AliasMatch): TraceStep {
  return {
    rule: 'alias-chain',
    detail: `"${match.name}" is itself an alias: ${owner(match)} -> "${match.entry.target}"`,
    source: match.entry.source,
  };
}
