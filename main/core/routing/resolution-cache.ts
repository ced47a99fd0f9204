import type { ConfigSnapshot } from '../../config/model.js';
import type { Resolution } from './model.js';
import { resolveModel } from './resolve-model.js';
import { routingContextOf } from './routing-context.js';

/** Distinct model names remembered per config; clients send a handful, a hostile one many. */
const MAX_ENTRIES = 1000;

const bySnapshot = new WeakMap<ConfigSnapshot, Map<string, Resolution>>();

/**
 * `resolveModel` for a snapshot, remembered: a config is immutable, so the same name always
 * resolves the same way until the next reload, which brings a new snapshot (and a new cache).
 * Clients send the same few model names on every request.
 */
export function resolveCached(snapshot: ConfigSnapshot, requested: string): Resolution {
  let cache = bySnapshot.get(snapshot);
  if (!cache) {
    cache = new Map();
    bySnapshot.set(snapshot, cache);
  }
  const known = cache.get(requested);
  if (known) return known;
  const resolution = resolveModel(requested, routingContextOf(snapshot));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(requested, resolution);
  return resolution;
}
