import type { ProviderName } from '../../shared/domain/provider.js';
import type { ConfigIssue, ConfigLayer, ValueSource } from './model.js';

/** One value as a layer wrote it, not yet validated, with where it was written. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: ValueSource;
}

export interface RawHeader {
  /** As written: `HTTP-Referer` from TOML, `HTTP-REFERER` from `{P}_CUSTOM_HEADER_HTTP_REFERER`. */
  readonly name: string;
  readonly value: string;
}

/** One provider's settings in one layer: `[openai]` in a file, or the `OPENAI_*` variables. */
export interface RawSection {
  /** The `[openai]` header line, or the first variable seen. */
  readonly source: ValueSource;
  /** TOML key name (`base-url`, `api-key`, ...) to the value as written. */
  readonly scalars: ReadonlyMap<string, Sourced<unknown>>;
  /** Lower-cased alias name to its target. */
  readonly aliases: ReadonlyMap<string, Sourced<string>>;
  /** Lower-cased header name (HTTP names are case-insensitive) to the header as written. */
  readonly headers: ReadonlyMap<string, Sourced<RawHeader>>;
}

/**
 * A layer in one shape whatever it came from (environment, TOML file, app settings, presets), so
 * merging is a single rule: the first layer (highest) that has a key wins.
 */
export interface RawLayer {
  readonly layer: ConfigLayer;
  readonly providers: ReadonlyMap<ProviderName, RawSection>;
  /** `[defaults]` flat keys (`port`, `default-provider`, ...); for the environment, the globals. */
  readonly defaults: ReadonlyMap<string, Sourced<unknown>>;
  readonly defaultAliases: ReadonlyMap<string, Sourced<string>>;
}

/** What reading one layer produced: the layer when it is usable, and what to tell the user. */
export interface LayerRead {
  readonly layer: RawLayer | undefined;
  readonly issues: readonly ConfigIssue[];
  readonly notices: readonly string[];
}

/** Messages name the key for file values; for a variable the `where` (`PORT`) already names it. */
export function describeProblem(source: ValueSource, key: string, problem: string): string {
  return source.layer === 'env' || source.layer === 'dotenv' ? problem : `${key} ${problem}`;
}

export function invalidValue(source: ValueSource, key: string, problem: string): ConfigIssue {
  return {
    kind: 'invalid-value',
    where: source.where,
    message: describeProblem(source, key, problem),
  };
}
