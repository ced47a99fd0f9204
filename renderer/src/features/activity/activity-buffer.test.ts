import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../../../../shared/admin/views.js';
import { mergeRecent, prependActivity, routeText } from './activity-buffer.js';

const record = (id: string, patch: Partial<ActivityView> = {}): ActivityView => ({
  id,
  startedAt: 0,
  endpoint: '/v1/messages',
  stream: false,
  requestedModel: 'haiku',
  provider: 'fake',
  model: 'claude-haiku-x',
  status: 200,
  errorKind: null,
  ttfbMs: 10,
  latencyMs: 20,
  tokens: null,
  keyHint: null,
  attempts: [],
  trace: [],
  ...patch,
});

describe('activity table', () => {
  it('shows the newest request first and keeps at most the cap', () => {
    const list = [record('b'), record('a')];
    expect(prependActivity(list, record('c'), 2).map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('never lists a request twice when the live event races the first load', () => {
    const live = [record('c'), record('b')];
    expect(mergeRecent(live, [record('b'), record('a')]).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(prependActivity([record('a')], record('a', { status: 500 }))).toHaveLength(1);
  });

  it('reads the route as requested model → provider:model', () => {
    expect(routeText(record('x'))).toBe('haiku → fake:claude-haiku-x');
    expect(routeText(record('y', { provider: null, model: null }))).toBe('haiku → (not routed)');
  });
});
