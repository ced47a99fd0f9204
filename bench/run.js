#!/usr/bin/env node
// @ts-check
/**
 * The overhead benchmark: the same requests against the fake upstream directly and through the
 * proxy, interleaved round by round, then the proxy's added latency, throughput ratio, first-byte
 * overhead, CPU per 1000 streamed chunks, memory and cold start against the targets.
 * See bench/README.md for what each figure means and how it is measured.
 *
 *   node bench/run.js [--quick] [--rounds N] [--proxy-cmd "<command line>"] [--out DIR] [--strict]
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  cpuPerChunks,
  cpuTimeMs,
  machineBusyMs,
  nowMs,
  createPool,
  memoryMb,
  median,
  openLoop,
  percentile,
  sequentialLatency,
  streamOnce,
  streamTimings,
  throughput,
} from './load.js';
import {
  bareNodeStarts,
  cleanup,
  coldStarts,
  startProxy,
  startUpstream,
  stopChild,
} from './processes.js';
import { addedRow, markdownTable, proxyRow, throughputRow, writeReport } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const PROFILES = {
  full: {
    rounds: 5,
    warmupMs: 1000,
    sequentialMs: 1500,
    openLoopMs: 3000,
    rate: 200,
    connections: 32,
    throughputMs: 2000,
    ttfbStreams: 5,
    ttfbChunks: 200,
    ttfbIntervalMs: 2,
    cpuRounds: 3,
    cpuStreams: 16,
    cpuChunks: 1000,
    cpuIntervalMs: 1,
    coldStarts: 5,
    hardLimitMs: 360_000,
  },
  quick: {
    rounds: 2,
    warmupMs: 300,
    sequentialMs: 500,
    openLoopMs: 1500,
    rate: 200,
    connections: 32,
    throughputMs: 1000,
    ttfbStreams: 2,
    ttfbChunks: 200,
    ttfbIntervalMs: 2,
    cpuRounds: 1,
    cpuStreams: 8,
    cpuChunks: 500,
    cpuIntervalMs: 1,
    coldStarts: 3,
    hardLimitMs: 120_000,
  },
};

const TARGETS = {
  p50Ms: 0.5,
  p99Ms: 2,
  throughputRatio: 0.2,
  ttfbMs: 0.5,
  idleRssMb: 60,
  coldStartMs: 300,
};

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'proxy-cmd': { type: 'string' },
    model: { type: 'string', default: 'fake:claude-bench' },
    out: { type: 'string', default: join(here, 'out') },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`usage: node bench/run.js [--quick] [--rounds N] [--proxy-cmd "<cmd>"] [--model M] [--out DIR] [--strict]
  --quick       fewer and shorter rounds (~30 s), for a smoke test
  --rounds N    interleaved direct/proxy rounds (default 5, quick 2)
  --proxy-cmd   command line starting the proxy instead of "node dist/vdm.mjs serve --port 0"
                (env VDM_BENCH_PROXY_CMD); it runs in an empty temp dir with the fake provider's env and
                must print "listening on http://host:port"
  --model M     model name sent (default fake:claude-bench)
  --out DIR     where results.md and results.json go (default bench/out)
  --strict      exit 1 when a figure misses its target`);
  process.exit(0);
}

const profile = { ...(args.quick ? PROFILES.quick : PROFILES.full) };
if (args.rounds !== undefined) profile.rounds = Math.max(1, Number(args.rounds) || 1);

const proxyCmdText = args['proxy-cmd'] ?? process.env['VDM_BENCH_PROXY_CMD'];
const vdmEntry = join(root, 'dist/vdm.mjs');
/** @type {string[] | string} */
const proxyCommand = proxyCmdText ?? [
  process.execPath,
  vdmEntry,
  'serve',
  '--port',
  '0',
  '--host',
  '127.0.0.1',
];

/** @typedef {import('./load.js').BenchRequest} BenchRequest */

/** @param {{ stream?: boolean, chunks?: number, intervalMs?: number }} [o] @returns {BenchRequest} */
function benchRequest(o = {}) {
  /** @type {Record<string, unknown>} */
  const body = {
    model: args.model,
    max_tokens: 256,
    messages: [{ role: 'user', content: 'Say something short.' }],
  };
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': 'application/json',
    'x-api-key': 'bench-client-key',
    'anthropic-version': '2023-06-01',
  };
  if (o.stream) {
    body['stream'] = true;
    headers['x-bench-chunks'] = String(o.chunks ?? 10);
    headers['x-bench-interval-ms'] = String(o.intervalMs ?? 0);
  }
  return { path: '/v1/messages', headers, body: JSON.stringify(body) };
}

const plain = benchRequest();
const paced = benchRequest({
  stream: true,
  chunks: profile.ttfbChunks,
  intervalMs: profile.ttfbIntervalMs,
});
const cpuStream = benchRequest({
  stream: true,
  chunks: profile.cpuChunks,
  intervalMs: profile.cpuIntervalMs,
});

/**
 * @typedef {{ name: 'direct' | 'proxy', origin: string,
 *   one: import('undici').Pool, many: import('undici').Pool }} Target
 */

/** @param {'direct' | 'proxy'} name @param {string} origin @returns {Target} */
const target = (name, origin) => ({
  name,
  origin,
  one: createPool(origin, 1),
  many: createPool(origin, profile.connections),
});

/**
 * Checks a target answers a plain and a streaming request correctly before measuring it.
 * @param {Target} t
 */
async function probe(t) {
  const res = await t.one.request({ ...plain, method: 'POST' });
  const text = await res.body.text();
  if (res.statusCode !== 200 || !text.includes('"type":"message"')) {
    throw new Error(
      `${t.name}: POST /v1/messages answered ${res.statusCode}: ${text.slice(0, 500)}`,
    );
  }
  const s = await streamOnce(t.one, benchRequest({ stream: true, chunks: 20 }));
  if (!s.ok || s.deltas !== 20) {
    throw new Error(`${t.name}: streaming request got ${s.deltas}/20 deltas (ok=${s.ok})`);
  }
}

/** @param {Target} t */
async function warmUp(t) {
  await sequentialLatency(t.one, plain, { durationMs: profile.warmupMs });
  await throughput(t.origin, plain, {
    connections: profile.connections,
    durationMs: profile.warmupMs,
  });
  await streamTimings(t.one, paced, { count: 2, expectedDeltas: profile.ttfbChunks });
  await Promise.all(Array.from({ length: 4 }, () => streamOnce(t.many, cpuStream)));
}

/** @typedef {{ direct: number[], proxy: number[] }} Paired */
const paired = () => /** @type {Paired} */ ({ direct: [], proxy: [] });

const figures = {
  c1p50: paired(),
  c1p99: paired(),
  olp50: paired(),
  olp99: paired(),
  rps: paired(),
  ttfb: paired(),
  streamTotal: paired(),
};
const errors = { c1: 0, openLoop: 0, throughput: 0, ttfb: 0, cpu: 0 };
/** @type {Record<string, unknown>[]} every measurement of every round, for results.json */
const roundLog = [];
/** @type {number[]} */
const sendLag = [];

/** @param {number[]} samples */
const summary = (samples) => ({
  n: samples.length,
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  max: percentile(samples, 100),
});

/**
 * The measurements of a round, each run on one target and then at once on the other.
 * @type {((t: Target) => Promise<Record<string, unknown>>)[]}
 */
const steps = [
  async (t) => {
    const r = await sequentialLatency(t.one, plain, { durationMs: profile.sequentialMs });
    figures.c1p50[t.name].push(percentile(r.latencies, 50));
    figures.c1p99[t.name].push(percentile(r.latencies, 99));
    errors.c1 += r.errors;
    return { concurrency1: { ...summary(r.latencies), errors: r.errors } };
  },
  async (t) => {
    const r = await openLoop(t.many, plain, { rate: profile.rate, durationMs: profile.openLoopMs });
    figures.olp50[t.name].push(percentile(r.latencies, 50));
    figures.olp99[t.name].push(percentile(r.latencies, 99));
    errors.openLoop += r.errors;
    sendLag.push(...r.sendLag);
    const lagP99 = percentile(r.sendLag, 99);
    return { openLoop: { ...summary(r.latencies), errors: r.errors, sendLagP99: lagP99 } };
  },
  async (t) => {
    const r = await throughput(t.origin, plain, {
      connections: profile.connections,
      durationMs: profile.throughputMs,
    });
    figures.rps[t.name].push(r.rps);
    errors.throughput += r.errors;
    return { throughput: r };
  },
  async (t) => {
    const r = await streamTimings(t.one, paced, {
      count: profile.ttfbStreams,
      expectedDeltas: profile.ttfbChunks,
    });
    figures.ttfb[t.name].push(median(r.ttfb));
    figures.streamTotal[t.name].push(median(r.total));
    errors.ttfb += r.errors;
    return { stream: r };
  },
];

/**
 * One round: each step on both targets back to back, the order flipping every round.
 * @param {Target} direct
 * @param {Target} proxy
 * @param {number} round
 */
async function runRound(direct, proxy, round) {
  const order = round % 2 === 1 ? [direct, proxy] : [proxy, direct];
  for (const step of steps) {
    for (const t of order) roundLog.push({ round, target: t.name, ...(await step(t)) });
  }
}

/** @param {string} text */
const log = (text) => process.stderr.write(`${text}\n`);

async function main() {
  const started = Date.now();
  if (!proxyCmdText && !existsSync(vdmEntry)) {
    throw new Error(
      `${relative(root, vdmEntry)} is missing: run "npm run build" first (or pass --proxy-cmd)`,
    );
  }
  log(`bench: ${args.quick ? 'quick' : 'full'} profile, ${profile.rounds} rounds`);
  const upstream = await startUpstream(join(here, 'fake-upstream.js'));
  const proxyProc = await startProxy(proxyCommand, upstream.url);
  log(
    `bench: upstream ${upstream.url}, proxy ${proxyProc.url} (pid ${proxyProc.pid}, started in ${proxyProc.coldStartMs.toFixed(0)} ms)`,
  );
  await sleep(300);
  const idle = memoryMb(proxyProc.pid);

  const direct = target('direct', upstream.url);
  const proxy = target('proxy', proxyProc.url);
  await probe(direct);
  await probe(proxy);
  log('bench: warming up');
  const ours = () => cpuTimeMs(proxyProc.pid) + cpuTimeMs(upstream.pid) + cpuTimeMs(process.pid);
  const cpuAtStart = { machine: machineBusyMs(), ours: ours(), wall: nowMs() };
  await warmUp(direct);
  await warmUp(proxy);

  for (let round = 1; round <= profile.rounds; round += 1) {
    log(`bench: round ${round}/${profile.rounds}`);
    await runRound(direct, proxy, round);
  }

  log('bench: CPU per 1000 chunks');
  /** @type {number[]} */
  const cpuProxy = [];
  /** @type {number[]} */
  const cpuUpstream = [];
  /** @type {unknown[]} */
  const cpuLog = [];
  const cpuPool = createPool(proxyProc.url, profile.cpuStreams);
  for (let i = 0; i < profile.cpuRounds; i += 1) {
    const r = await cpuPerChunks(cpuPool, cpuStream, {
      pids: [proxyProc.pid, upstream.pid],
      streams: profile.cpuStreams,
      chunksPerStream: profile.cpuChunks,
    });
    cpuProxy.push(r.perThousand[0] ?? NaN);
    cpuUpstream.push(r.perThousand[1] ?? NaN);
    errors.cpu += r.errors;
    cpuLog.push(r);
  }
  const peak = memoryMb(proxyProc.pid);
  // CPU the rest of the machine used while we measured, as a share of all cores: the noise floor.
  const foreignShare = Math.max(
    0,
    (machineBusyMs() - cpuAtStart.machine - (ours() - cpuAtStart.ours)) /
      ((nowMs() - cpuAtStart.wall) * cpus().length),
  );

  for (const t of [direct, proxy]) await Promise.all([t.one.close(), t.many.close()]);
  await cpuPool.close();
  await stopChild(proxyProc.child);

  log('bench: cold starts');
  const cold = await coldStarts(proxyCommand, upstream.url, profile.coldStarts);
  const bare = await bareNodeStarts(3);
  await stopChild(upstream.child);

  const rows = [
    addedRow('latency p50, concurrency 1', figures.c1p50, TARGETS.p50Ms, errors.c1),
    addedRow('latency p99, concurrency 1', figures.c1p99, TARGETS.p99Ms, errors.c1),
    addedRow(
      `latency p50, ${profile.rate} req/s open loop, ${profile.connections} conns`,
      figures.olp50,
      TARGETS.p50Ms,
      errors.openLoop,
    ),
    addedRow(
      `latency p99, ${profile.rate} req/s open loop, ${profile.connections} conns`,
      figures.olp99,
      TARGETS.p99Ms,
      errors.openLoop,
    ),
    throughputRow(figures.rps, TARGETS.throughputRatio, errors.throughput),
    addedRow(
      `time to first byte, ${profile.ttfbChunks}-chunk stream every ${profile.ttfbIntervalMs} ms`,
      figures.ttfb,
      TARGETS.ttfbMs,
      errors.ttfb,
    ),
    {
      ...addedRow(`stream total time, same stream`, figures.streamTotal, Infinity, errors.ttfb),
      target: '',
      verdict: /** @type {const} */ ('info'),
    },
    proxyRow({
      metric: 'CPU per 1000 streamed chunks',
      unit: 'ms',
      samples: cpuProxy,
      digits: 1,
      note: `upstream producing them: ${median(cpuUpstream).toFixed(1)} ms`,
    }),
    proxyRow({
      metric: 'RSS idle (after start, before load)',
      unit: 'MB',
      samples: [idle.rss],
      limit: TARGETS.idleRssMb,
    }),
    proxyRow({ metric: 'RSS peak (VmHWM, after all load)', unit: 'MB', samples: [peak.hwm] }),
    proxyRow({
      metric: 'cold start (spawn to first /health 200)',
      unit: 'ms',
      samples: cold,
      digits: 0,
      limit: TARGETS.coldStartMs,
      direct: `bare node: ${median(bare).toFixed(0)}`,
    }),
  ];

  const machine = `${cpus().length} x ${cpus()[0]?.model ?? '?'}`;
  const command = Array.isArray(proxyCommand)
    ? proxyCommand.map((a) => (a === process.execPath ? 'node' : relative(root, a) || a)).join(' ')
    : proxyCommand;
  const context = [
    `${new Date().toISOString()}, Node ${process.version}, ${machine}; other processes used ${(foreignShare * 100).toFixed(1)} % of the CPU during the measurements`,
    `proxy: \`${command}\`, profile ${args.quick ? 'quick' : 'full'}, ${profile.rounds} interleaved rounds, run took ${((Date.now() - started) / 1000).toFixed(0)} s`,
  ];
  const notes = [
    "direct/proxy columns: median over rounds of each round's figure; added = proxy median - direct median; spread = range of the per-round (proxy - direct) differences.",
    `open-loop latency counts from each request's scheduled time (no coordinated omission); the client's own timer lag was p50 ${percentile(sendLag, 50).toFixed(3)} ms, p99 ${percentile(sendLag, 99).toFixed(3)} ms, on both sides alike.`,
    `CPU: on-CPU time of all the proxy's threads (/proc/<pid>/task/*/schedstat, ns) over ${profile.cpuStreams} concurrent streams x ${profile.cpuChunks} chunks every ${profile.cpuIntervalMs} ms, minus the same process idle over the same wall time; median of ${profile.cpuRounds}.`,
    'INVALID means some requests failed or streams came back short during that measurement; see results.json.',
  ];
  const lagP99 = percentile(sendLag, 99);
  if (foreignShare > 0.1 || lagP99 > 2) {
    notes.unshift(
      `WARNING: a noisy run (other processes used ${(foreignShare * 100).toFixed(0)} % of the CPU, warn above 10 %; the client's timer lag reached ${lagP99.toFixed(1)} ms at p99, warn above 2 ms): do not quote its p99 and throughput figures; rerun on a quiet machine.`,
    );
  }
  const table = markdownTable(rows);
  const paths = writeReport(resolve(args.out), {
    title: 'Vandamme proxy overhead benchmark',
    context,
    rows,
    notes,
    json: {
      context,
      foreignCpuShare: foreignShare,
      profile,
      targets: TARGETS,
      rows,
      figures,
      errors,
      cpu: cpuLog,
      coldStartsMs: cold,
      bareNodeMs: bare,
      memoryMb: { idle, peak },
      rounds: roundLog,
    },
  });
  console.log(['', ...context, '', table, '', ...notes, ''].join('\n'));
  console.log(
    `Results written to ${relative(process.cwd(), paths.md)} and ${relative(process.cwd(), paths.json)}`,
  );
  const missed = rows.filter((r) => r.verdict === 'MISS' || r.verdict === 'INVALID');
  if (args.strict && missed.length > 0) process.exitCode = 1;
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${profile.hardLimitMs / 1000} s; stopping.`);
  cleanup();
  process.exit(2);
}, profile.hardLimitMs);
watchdog.unref();

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    cleanup();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  cleanup();
}
