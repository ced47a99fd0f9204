import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../../../../shared/admin/views.js';
import { barChart, latencyOf } from './chart-geometry.js';

const withLatency = (id: string, latencyMs: number | null, status = 200) =>
  ({ id, latencyMs, status }) as ActivityView;

describe('barChart', () => {
  it('draws the slowest request full height, oldest on the left, failures marked', () => {
    const newestFirst = [withLatency('new', 50, 500), withLatency('old', 100)];
    const { bars, max } = barChart(newestFirst, latencyOf, { width: 100, height: 40, count: 2 });
    expect(max).toBe(100);
    expect(bars.map((b) => [b.id, b.height, b.failed])).toEqual([
      ['old', 40, false],
      ['new', 20, true],
    ]);
    expect(bars[0]?.x).toBeLessThan(bars[1]?.x ?? 0);
  });

  it('draws nothing tall for requests without a measure', () => {
    const { bars } = barChart([withLatency('a', null)], latencyOf, {
      width: 10,
      height: 10,
      count: 5,
    });
    expect(bars[0]?.height).toBe(0);
  });
});
