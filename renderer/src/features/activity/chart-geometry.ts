import type { ActivityView } from '../../../../shared/admin/views.js';

const MIN_SLOTS = 20;

export interface Bar {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly failed: boolean;
}

export interface ChartGeometry {
  readonly bars: readonly Bar[];
  readonly max: number;
}

/**
 * Bars for the most recent requests, oldest on the left, scaled to the tallest one so a slow
 * outlier is visible at a glance. Pure so the SVG component only draws.
 */
export function barChart(
  records: readonly ActivityView[],
  measure: (record: ActivityView) => number | null,
  size: { readonly width: number; readonly height: number; readonly count: number },
): ChartGeometry {
  const recent = records.slice(0, size.count).reverse();
  const values = recent.map((r) => Math.max(0, measure(r) ?? 0));
  const max = Math.max(1, ...values);
  // A few requests should not each fill a third of the chart: at least MIN_SLOTS bar widths.
  const slot = size.width / Math.max(MIN_SLOTS, Math.min(size.count, recent.length));
  const width = Math.max(1, slot * 0.8);
  const bars = recent.map((record, index) => {
    const height = ((values[index] ?? 0) / max) * size.height;
    return {
      id: record.id,
      x: index * slot + (slot - width) / 2,
      y: size.height - height,
      width,
      height,
      failed: record.status === null || record.status >= 400,
    };
  });
  return { bars, max };
}

export const latencyOf = (record: ActivityView): number | null => record.latencyMs;
export const tokensOf = (record: ActivityView): number | null =>
  record.tokens ? record.tokens.input + record.tokens.output : null;
