import { Counter, Histogram, Registry } from 'prom-client';
import type { RequestRecord } from '../activity/request-record.js';

/** Distinct provider/model pairs kept as labels; past this, `other`, so a client cannot blow up memory. */
const MAX_SERIES = 200;

type Labels = Record<string, string>;

/**
 * Counts per label set in a plain map and hands the totals to prom-client when scraped.
 * prom-client hashes and validates the labels on every `inc`; with six increments per request
 * that was the largest single cost on the proxy's hot path (bench/RESULTS.md), while a scrape
 * happens every few seconds at most. prom-client still owns the types and the exposition format.
 */
class SeriesTotals {
  readonly #totals = new Map<string, { readonly labels: Labels; value: number }>();

  add(key: string, labels: () => Labels, value: number): void {
    const entry = this.#totals.get(key);
    if (entry) entry.value += value;
    else this.#totals.set(key, { labels: labels(), value });
  }

  copyInto(counter: Counter): void {
    counter.reset();
    for (const { labels, value } of this.#totals.values()) counter.inc(labels, value);
  }
}

function totalsCounter(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  totals: SeriesTotals,
): Counter {
  return new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      totals.copyInto(this);
    },
  });
}

/** Prometheus metrics of the proxy, in their own registry (no process-global state). */
export class ProxyMetrics {
  readonly registry = new Registry();
  readonly #seen = new Set<string>();
  readonly #requests = new SeriesTotals();
  readonly #errors = new SeriesTotals();
  readonly #attempts = new SeriesTotals();
  readonly #tokens = new SeriesTotals();
  readonly #latency = new Histogram({
    name: 'vdm_request_duration_seconds',
    help: 'Time from request received to response finished.',
    labelNames: ['provider', 'model'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  constructor() {
    totalsCounter(
      this.registry,
      'vdm_requests_total',
      'Requests handled, by provider, model, endpoint and HTTP status.',
      ['provider', 'model', 'endpoint', 'status'],
      this.#requests,
    );
    totalsCounter(
      this.registry,
      'vdm_request_errors_total',
      'Requests that ended in an error, by provider, model and error kind.',
      ['provider', 'model', 'kind'],
      this.#errors,
    );
    totalsCounter(
      this.registry,
      'vdm_upstream_attempts_total',
      'Tries at an upstream (retries and key failovers included).',
      ['provider'],
      this.#attempts,
    );
    totalsCounter(
      this.registry,
      'vdm_tokens_total',
      'Tokens reported by upstreams, by provider, model and kind (input, output, cache_read, cache_creation).',
      ['provider', 'model', 'kind'],
      this.#tokens,
    );
  }

  record(r: RequestRecord): void {
    const provider = r.provider ?? 'none';
    const model = this.#boundedModel(provider, r.model ?? 'none');
    const series = `${provider}\u0000${model}`;
    const status = String(r.status ?? 0);
    this.#requests.add(
      `${series}\u0000${r.endpoint}\u0000${status}`,
      () => ({ provider, model, endpoint: r.endpoint, status }),
      1,
    );
    const errorKind = r.errorKind;
    if (errorKind)
      this.#errors.add(
        `${series}\u0000${errorKind}`,
        () => ({ provider, model, kind: errorKind }),
        1,
      );
    if (r.attempts.length > 0)
      this.#attempts.add(provider, () => ({ provider }), r.attempts.length);
    if (r.durationMs !== undefined) this.#latency.observe({ provider, model }, r.durationMs / 1000);
    const tokens = r.tokens;
    if (tokens) {
      for (const [kind, value] of [
        ['input', tokens.input],
        ['output', tokens.output],
        ['cache_read', tokens.cacheRead],
        ['cache_creation', tokens.cacheCreation],
      ] as const) {
        this.#tokens.add(`${series}\u0000${kind}`, () => ({ provider, model, kind }), value);
      }
    }
  }

  #boundedModel(provider: string, model: string): string {
    const series = `${provider}\u0000${model}`;
    if (this.#seen.has(series)) return model;
    if (this.#seen.size >= MAX_SERIES) return 'other';
    this.#seen.add(series);
    return model;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
