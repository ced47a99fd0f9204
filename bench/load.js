// @ts-check
/**
 * Load generator helpers for the overhead benchmark: each one drives one target (the fake
 * upstream directly, or the proxy in front of it) and returns raw samples; bench/run.js
 * interleaves targets and aggregates. Latencies are in milliseconds from `process.hrtime.bigint()`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setImmediate, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool } from 'undici';

/** @returns {number} milliseconds on the monotonic clock */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * One request shape. `format` marks an OpenAI request (`chat`: Chat Completions, `responses`:
 * Responses), whose stream is counted by its own text deltas instead of Anthropic
 * `content_block_delta` events.
 * @typedef {{ path: string, headers: Record<string, string>, body: string,
 *   format?: 'chat' | 'responses' }} BenchRequest
 */

/**
 * A keep-alive pool to one origin; one request per connection at a time (no pipelining).
 * @param {string} origin
 * @param {number} connections
 */
export function createPool(origin, connections) {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
  });
}

/**
 * Sends one request and reads the whole body.
 * @param {Pool} pool
 * @param {BenchRequest} req
 * @returns {Promise<boolean>} whether it got a 200
 */
async function sendOnce(pool, req) {
  try {
    const res = await pool.request({
      path: req.path,
      method: 'POST',
      headers: req.headers,
      body: req.body,
    });
    await res.body.arrayBuffer();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

/**
 * (a) Closed loop at concurrency 1: one request after another for `durationMs` (or `maxRequests`).
 * @param {Pool} pool
 * @param {BenchRequest} req
 * @param {{ durationMs: number, maxRequests?: number }} options
 * @returns {Promise<{ latencies: number[], errors: number }>}
 */
export async function sequentialLatency(pool, req, options) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  const max = options.maxRequests ?? Infinity;
  const stopAt = nowMs() + options.durationMs;
  while (latencies.length + errors < max && nowMs() < stopAt) {
    const t0 = process.hrtime.bigint();
    const ok = await sendOnce(pool, req);
    const t1 = process.hrtime.bigint();
    if (ok) latencies.push(Number(t1 - t0) / 1e6);
    else errors += 1;
  }
  return { latencies, errors };
}

/** How long before a due time the open loop stops sleeping and starts yielding (see pump). */
const SPIN_MS = 1.2;

/**
 * (b) Open loop at a constant rate: request i is due at `start + i / rate` whether or not earlier
 * ones have finished, and its latency counts from when it was due, not from when it went out, so
 * a stall shows up in every request it delays (no coordinated omission). The pool's connection
 * count caps concurrency; requests beyond it queue in the pool and that wait is counted too.
 * @param {Pool} pool
 * @param {BenchRequest} req
 * @param {{ rate: number, durationMs: number }} options
 * @returns {Promise<{ latencies: number[], errors: number, sendLag: number[] }>}
 */
export function openLoop(pool, req, options) {
  const total = Math.max(1, Math.floor((options.durationMs / 1000) * options.rate));
  const intervalMs = 1000 / options.rate;
  /** @type {number[]} */
  const latencies = [];
  /** @type {number[]} how late the timer let each request go out (a client artefact) */
  const sendLag = [];
  let errors = 0;
  let done = 0;
  const start = nowMs() + 5;
  return new Promise((resolve) => {
    /** @param {number} due */
    const fire = (due) => {
      sendLag.push(nowMs() - due);
      void sendOnce(pool, req).then((ok) => {
        if (ok) latencies.push(nowMs() - due);
        else errors += 1;
        done += 1;
        if (done === total) resolve({ latencies, errors, sendLag });
      });
    };
    let next = 0;
    const pump = () => {
      const t = nowMs();
      while (next < total && start + next * intervalMs <= t) {
        fire(start + next * intervalMs);
        next += 1;
      }
      if (next >= total) return;
      // Timers fire on a 1 ms grid, up to ~1 ms late: sleep until just before the next due time,
      // then yield with setImmediate (I/O still runs) until it is due.
      const wait = start + next * intervalMs - nowMs();
      if (wait > SPIN_MS) setTimeout(pump, wait - SPIN_MS);
      else setImmediate(pump);
    };
    setTimeout(pump, 5);
  });
}

/**
 * (c) Closed loop at fixed concurrency with autocannon (its HTTP client is lighter than undici's,
 * which matters on a 2-core machine where the client shares CPU with the server under test).
 * @param {string} origin
 * @param {BenchRequest} req
 * @param {{ connections: number, durationMs: number }} options
 * @returns {Promise<{ rps: number, requests: number, errors: number }>}
 */
export async function throughput(origin, req, options) {
  // autocannon ships no types: this is the part of its result read here.
  /** @type {{ '2xx': number, non2xx: number, errors: number, timeouts: number, duration: number }} */
  const result = await autocannon({
    url: origin + req.path,
    method: 'POST',
    headers: req.headers,
    body: req.body,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationMs / 1000,
    timeout: 15,
  });
  return {
    rps: result['2xx'] / result.duration,
    requests: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * One streaming request: time to the first body byte, total time, and how many text deltas came.
 * @param {Pool} pool
 * @param {BenchRequest} req
 * @returns {Promise<{ ttfb: number, total: number, deltas: number, ok: boolean }>}
 */
export async function streamOnce(pool, req) {
  const t0 = nowMs();
  let ttfb = NaN;
  let text = '';
  try {
    const res = await pool.request({
      path: req.path,
      method: 'POST',
      headers: req.headers,
      body: req.body,
    });
    res.body.setEncoding('utf8');
    for await (const chunk of res.body) {
      if (Number.isNaN(ttfb)) ttfb = nowMs() - t0;
      text += chunk;
    }
    const total = nowMs() - t0;
    return { ttfb, total, deltas: countDeltas(text, req.format), ok: res.statusCode === 200 };
  } catch {
    return { ttfb, total: nowMs() - t0, deltas: countDeltas(text, req.format), ok: false };
  }
}

/**
 * Text deltas in an SSE body: Anthropic ones by their `event:` lines (any line ending the SSE spec
 * allows); OpenAI Chat ones by the `data:` chunks whose delta starts with content (the role chunk
 * starts with role), and only when the stream ended with `data: [DONE]`; OpenAI Responses ones by
 * their `event: response.output_text.delta` lines, and only when `response.completed` came.
 * @param {string} text
 * @param {BenchRequest['format']} [format]
 */
function countDeltas(text, format) {
  if (format === 'chat') {
    if (!/^data: ?\[DONE\]\r?$/m.test(text)) return 0;
    return text.match(/^data: ?\{.*"delta":\{"content":/gm)?.length ?? 0;
  }
  if (format === 'responses') {
    if (!/^event: ?response\.completed\r?$/m.test(text)) return 0;
    return text.match(/^event: ?response\.output_text\.delta\r?$/gm)?.length ?? 0;
  }
  return text.match(/^event: ?content_block_delta\r?$/gm)?.length ?? 0;
}

/**
 * (d) Sequential paced streams: time to first byte and total per stream.
 * @param {Pool} pool
 * @param {BenchRequest} req a streaming request carrying x-bench-chunks
 * @param {{ count: number, expectedDeltas: number }} options
 * @returns {Promise<{ ttfb: number[], total: number[], errors: number }>}
 */
export async function streamTimings(pool, req, options) {
  /** @type {number[]} */
  const ttfb = [];
  /** @type {number[]} */
  const total = [];
  let errors = 0;
  for (let i = 0; i < options.count; i += 1) {
    const r = await streamOnce(pool, req);
    if (r.ok && r.deltas === options.expectedDeltas) {
      ttfb.push(r.ttfb);
      total.push(r.total);
    } else errors += 1;
  }
  return { ttfb, total, errors };
}

/** Clock ticks per second of the times in /proc/<pid>/stat (`getconf CLK_TCK`, 100 almost always). */
export const CLK_TCK = (() => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time of a process, user + system, all threads, in milliseconds. Prefers the scheduler's
 * nanosecond run time per thread (/proc/<pid>/task/<tid>/schedstat); falls back to utime + stime
 * of /proc/<pid>/stat, which only moves in clock ticks (10 ms at CLK_TCK 100).
 * @param {number} pid
 */
export function cpuTimeMs(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // a thread went away between listing and reading, or no schedstat: use the coarse figure
  }
  return statCpuTimeMs(pid);
}

/**
 * utime + stime of /proc/<pid>/stat in milliseconds (clock-tick resolution).
 * @param {number} pid
 */
export function statCpuTimeMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may hold spaces; count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLK_TCK;
}

/**
 * CPU time used on the whole machine since boot, all cores, in milliseconds: user, nice, system and
 * steal of /proc/stat's first line. irq and softirq are left out: loopback TCP runs there on
 * behalf of our own processes without being charged to them.
 */
export function machineBusyMs() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const busy = [0, 1, 2, 7].reduce((sum, i) => sum + (ticks[i] ?? 0), 0);
  return (busy * 1000) / CLK_TCK;
}

/**
 * Resident memory now and at its peak, in MB (VmRSS, VmHWM of /proc/<pid>/status).
 * @param {number} pid
 */
export function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  /** @param {string} key */
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/**
 * (e) CPU per 1000 chunks: `streams` concurrent paced streams of `chunksPerStream` deltas through
 * the target, the process's CPU time before and after, minus what the same process burns idle over
 * the same wall time right afterwards (timers, GC, metrics).
 * @param {Pool} pool with at least `streams` connections
 * @param {BenchRequest} req a streaming request carrying x-bench-chunks = chunksPerStream
 * @param {{ pids: number[], streams: number, chunksPerStream: number }} options
 * @returns {Promise<{ chunks: number, wallMs: number, busyMs: number[], idleMs: number[], perThousand: number[], errors: number }>}
 */
export async function cpuPerChunks(pool, req, options) {
  const before = options.pids.map(cpuTimeMs);
  const t0 = nowMs();
  const results = await Promise.all(
    Array.from({ length: options.streams }, () => streamOnce(pool, req)),
  );
  const wallMs = nowMs() - t0;
  const after = options.pids.map(cpuTimeMs);
  await sleep(wallMs);
  const idleEnd = options.pids.map(cpuTimeMs);
  const errors = results.filter((r) => !r.ok || r.deltas !== options.chunksPerStream).length;
  const chunks = results.reduce((sum, r) => sum + r.deltas, 0);
  const busyMs = options.pids.map((_, i) => (after[i] ?? 0) - (before[i] ?? 0));
  const idleMs = options.pids.map((_, i) => (idleEnd[i] ?? 0) - (after[i] ?? 0));
  const perThousand = busyMs.map((b, i) => ((b - (idleMs[i] ?? 0)) * 1000) / Math.max(1, chunks));
  return { chunks, wallMs, busyMs, idleMs, perThousand, errors };
}

/**
 * (f) CPU per request: `count` requests one after another (concurrency 1) through the target, the
 * process's CPU before and after, minus the same process idle over the same wall time, divided by
 * the requests answered 200. Same method as cpuPerChunks, per request instead of per chunk.
 * @param {Pool} pool
 * @param {BenchRequest} req
 * @param {{ pid: number, count: number, check?: (body: string) => boolean }} options
 * @returns {Promise<{ requests: number, wallMs: number, busyMs: number, idleMs: number, perRequest: number, errors: number }>}
 */
export async function cpuPerRequest(pool, req, options) {
  let ok = 0;
  let errors = 0;
  const before = cpuTimeMs(options.pid);
  const t0 = nowMs();
  for (let i = 0; i < options.count; i += 1) {
    try {
      const res = await pool.request({
        path: req.path,
        method: 'POST',
        headers: req.headers,
        body: req.body,
      });
      const text = await res.body.text();
      if (res.statusCode === 200 && (options.check?.(text) ?? true)) ok += 1;
      else errors += 1;
    } catch {
      errors += 1;
    }
  }
  const wallMs = nowMs() - t0;
  const after = cpuTimeMs(options.pid);
  await sleep(wallMs);
  const idleMs = cpuTimeMs(options.pid) - after;
  const busyMs = after - before;
  return {
    requests: ok,
    wallMs,
    busyMs,
    idleMs,
    perRequest: (busyMs - idleMs) / Math.max(1, ok),
    errors,
  };
}

/**
 * Nearest-rank percentile of unsorted samples.
 * @param {readonly number[]} samples
 * @param {number} p 0..100
 */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return /** @type {number} */ (sorted[rank - 1]);
}

/**
 * Median (the mean of the middle two for an even count).
 * @param {readonly number[]} samples
 */
export function median(samples) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = /** @type {number} */ (sorted[mid]);
  const lo = /** @type {number} */ (sorted[mid - 1]);
  return sorted.length % 2 === 1 ? hi : (lo + hi) / 2;
}
