// @ts-check
/**
 * Turns the runner's per-round figures into the summary table (PASS/MISS against the targets) and
 * writes it as markdown and JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './load.js';

/**
 * Per-round figures of one measurement, for each side.
 * @typedef {{ direct: number[], proxy: number[] }} Paired
 */

/**
 * @typedef {{
 *   metric: string, unit: string, direct: string, proxy: string, delta: string, spread: string,
 *   target: string, verdict: 'PASS' | 'MISS' | 'info' | 'INVALID', value: number | null
 * }} Row
 */

/** @param {number} n @param {number} [digits] */
const fmt = (n, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * @param {boolean} ok
 * @param {number} errors
 * @returns {Row['verdict']}
 */
const verdict = (ok, errors) => (errors > 0 ? 'INVALID' : ok ? 'PASS' : 'MISS');

/**
 * "Added" = median over rounds of the proxy's figure minus the same for direct; the spread is the
 * range of the per-round differences (each round's direct and proxy ran back to back).
 * @param {string} metric
 * @param {Paired} paired
 * @param {number} limitMs
 * @param {number} errors
 * @returns {Row}
 */
export function addedRow(metric, paired, limitMs, errors) {
  const direct = median(paired.direct);
  const proxy = median(paired.proxy);
  const added = proxy - direct;
  const diffs = paired.proxy.map((p, i) => p - (paired.direct[i] ?? NaN));
  return {
    metric,
    unit: 'ms',
    direct: fmt(direct),
    proxy: fmt(proxy),
    delta: `+${fmt(added)}`.replace('+-', '-'),
    spread: `${fmt(Math.min(...diffs))} .. ${fmt(Math.max(...diffs))}`,
    target: `added < ${limitMs} ms`,
    verdict: verdict(added < limitMs, errors),
    value: added,
  };
}

/**
 * @param {Paired} paired requests per second per round
 * @param {number} minRatio
 * @param {number} errors
 * @returns {Row}
 */
export function throughputRow(paired, minRatio, errors) {
  const direct = median(paired.direct);
  const proxy = median(paired.proxy);
  const ratios = paired.proxy.map((p, i) => p / (paired.direct[i] ?? NaN));
  return {
    metric: 'throughput, concurrency 32',
    unit: 'req/s',
    direct: fmt(direct, 0),
    proxy: fmt(proxy, 0),
    delta: `${fmt((proxy / direct) * 100, 1)} % of direct`,
    spread: `${fmt(Math.min(...ratios) * 100, 1)} .. ${fmt(Math.max(...ratios) * 100, 1)} %`,
    target: `>= ${minRatio * 100} % of direct`,
    verdict: verdict(proxy / direct >= minRatio, errors),
    value: proxy / direct,
  };
}

/**
 * A figure of the proxy alone.
 * @param {{ metric: string, unit: string, samples: number[], digits?: number,
 *   limit?: number, errors?: number, direct?: string, note?: string }} spec
 * @returns {Row}
 */
export function proxyRow(spec) {
  const value = median(spec.samples);
  const digits = spec.digits ?? 1;
  const hasLimit = spec.limit !== undefined;
  return {
    metric: spec.metric,
    unit: spec.unit,
    direct: spec.direct ?? '',
    proxy: fmt(value, digits),
    delta: '',
    spread:
      spec.samples.length > 1
        ? `${fmt(Math.min(...spec.samples), digits)} .. ${fmt(Math.max(...spec.samples), digits)}`
        : '',
    target: hasLimit ? `< ${spec.limit} ${spec.unit}` : (spec.note ?? ''),
    verdict: hasLimit
      ? verdict(value < /** @type {number} */ (spec.limit), spec.errors ?? 0)
      : 'info',
    value,
  };
}

/** @param {Row[]} rows */
export function markdownTable(rows) {
  const head = [
    'figure',
    'unit',
    'direct',
    'proxy',
    'added / ratio',
    'per-round spread',
    'target',
    '',
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.metric, r.unit, r.direct, r.proxy, r.delta, r.spread, r.target, r.verdict].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * @param {string} dir
 * @param {{ title: string, context: string[], rows: Row[], notes: string[], json: unknown }} report
 * @returns {{ md: string, json: string }} the paths written
 */
export function writeReport(dir, report) {
  mkdirSync(dir, { recursive: true });
  const md = join(dir, 'results.md');
  const json = join(dir, 'results.json');
  const text = [
    `# ${report.title}`,
    '',
    ...report.context.map((c) => `- ${c}`),
    '',
    markdownTable(report.rows),
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(md, text);
  writeFileSync(json, `${JSON.stringify(report.json, null, 2)}\n`);
  return { md, json };
}
