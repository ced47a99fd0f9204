import { Counter, Histogram, Registry } from 'prom-client';
import type { RequestRecord } from '../activity/request-record.js';

/** Distinct provider/model pairs kept as labels; past this, `other`, so a client cannot blow up memory. */
const MAX_SERIES = 200;

/** Prometheus metrics of the proxy, in their own registry (no process-global state). */
export class ProxyMetrics {
  readonly registry = new Registry();
  readonly #seen = new Set<string>();
  readonly #requests = new Counter({
    name: 'vdm_requests_total',
    help: 'Requests handled, by provider, model, endpoint and HTTP status.',
    labelNames: ['provider', 'model', 'endpoint', 'status'] as const,
    registers: [this.registry],
  });
  readonly #errors = new Counter({
    name: 'vdm_request_errors_total',
    help: 'Requests that ended in an error, by provider, model and error kind.',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers: [this.registry],
  });
  readonly #attempts = new Counter({
    name: 'vdm_upstream_attempts_total',
    help: 'Tries at an upstream (retries and key failovers included).',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'vdm_request_duration_seconds',
    help: 'Time from request received to response finished.',
    labelNames: ['provider', 'model'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly #tokens = new Counter({
    name: 'vdm_tokens_total',
    help: 'Tokens reported by upstreams, by provider, model and kind (input, output, cache_read, cache_creation).',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers: [this.registry],
  });

  record(r: RequestRecord): void {
    const provider = r.provider ?? 'none';
    const model = this.#boundedModel(provider, r.model ?? 'none');
    const status = String(r.status ?? 0);
    this.#requests.inc({ provider, model, endpoint: r.endpoint, status });
    if (r.errorKind) this.#errors.inc({ provider, model, kind: r.errorKind });
    if (r.attempts.length > 0) this.#attempts.inc({ provider }, r.attempts.length);
    if (r.durationMs !== undefined) this.#latency.observe({ provider, model }, r.durationMs / 1000);
    if (r.tokens) {
      this.#tokens.inc({ provider, model, kind: 'input' }, r.tokens.input);
      this.#tokens.inc({ provider, model, kind: 'output' }, r.tokens.output);
      this.#tokens.inc({ provider, model, kind: 'cache_read' }, r.tokens.cacheRead);
      this.#tokens.inc({ provider, model, kind: 'cache_creation' }, r.tokens.cacheCreation);
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
