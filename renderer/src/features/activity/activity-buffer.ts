import type { ActivityView } from '../../../../shared/admin/views.js';

/** The table keeps the latest requests only: a busy agent must not grow the window's memory. */
export const ACTIVITY_CAP = 500;

/**
 * Newest first. A live record that is already listed (the event raced the initial fetch) replaces
 * the old copy instead of showing twice.
 */
export function prependActivity(
  records: readonly ActivityView[],
  incoming: ActivityView,
  cap = ACTIVITY_CAP,
): ActivityView[] {
  return [incoming, ...records.filter((r) => r.id !== incoming.id)].slice(0, cap);
}

/** The initial page merged with records that arrived live while it was loading, newest first. */
export function mergeRecent(
  live: readonly ActivityView[],
  recent: readonly ActivityView[],
  cap = ACTIVITY_CAP,
): ActivityView[] {
  const seen = new Set(live.map((r) => r.id));
  return [...live, ...recent.filter((r) => !seen.has(r.id))]
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, cap);
}

/** `haiku → fake:claude-haiku-x`, or what is known when routing failed. */
export function routeText(record: ActivityView): string {
  const requested = record.requestedModel ?? '(no model)';
  if (record.provider === null) return `${requested} → (not routed)`;
  return `${requested} → ${record.provider}:${record.model ?? '?'}`;
}
