import type { ProviderName } from '../../../shared/domain/provider.js';
import type { AliasTable, ValueSource } from '../../config/model.js';

/** What resolution needs to know of the config: names, aliases and the default. */
export interface RoutingContext {
  /** Every existing provider (ready or partial) with its own aliases. */
  readonly providers: ReadonlyMap<ProviderName, { readonly aliases: AliasTable }>;
  readonly defaultProvider: ProviderName | undefined;
  readonly defaultAliases: AliasTable;
}

/** One decision of the resolution, in order; `vdm resolve` and the UI print these. */
export interface TraceStep {
  readonly rule:
    | 'literal'
    | 'provider-prefix'
    | 'default-provider'
    | 'alias-exact'
    | 'alias-substring'
    | 'default-alias-exact'
    | 'default-alias-substring'
    | 'alias-chain'
    | 'no-alias'
    | 'error';
  readonly detail: string;
  /** For alias steps: where the alias was defined, so the UI can say "from OPENROUTER_ALIAS_HAIKU". */
  readonly source?: ValueSource;
}

export type RoutingError =
  | { readonly kind: 'no-provider' }
  | {
      readonly kind: 'unknown-provider';
      readonly prefix: string;
      readonly known: readonly ProviderName[];
      /** The model as the client sent it, so the message can suggest an alias of that name. */
      readonly model: string;
    }
  | { readonly kind: 'alias-cycle'; readonly cycle: readonly string[] }
  | { readonly kind: 'too-many-hops'; readonly chain: readonly string[] }
  | { readonly kind: 'empty-model' };

export type Resolution =
  | {
      readonly ok: true;
      readonly provider: ProviderName;
      readonly model: string;
      readonly trace: readonly TraceStep[];
    }
  | { readonly ok: false; readonly error: RoutingError; readonly trace: readonly TraceStep[] };
