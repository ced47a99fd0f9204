#!/usr/bin/env node
// @ts-check
/**
 * The overhead benchmark: the same requests against the fake upstream directly and through the
 * proxy, interleaved round by round, then the proxy's added latency, throughput ratio, first-byte
 * overhead, CPU per 1000 streamed chunks, memory and cold start against the targets. A second,
 * interleaved section does the same for the translated path (Anthropic Messages in, OpenAI Chat
 * Completions to the upstream), whose direct call is the equivalent Chat request to the fake, plus
 * the CPU the proxy spends translating the captured Claude Code request. A third section does the
 * same for an OpenAI Responses upstream (bench/responses.js).
 * See bench/README.md for what each figure means and how it is measured.
 *
 *   node bench/run.js [--quick] [--rounds N] [--proxy-cmd "<command line>"] [--out DIR] [--strict]
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  cpuPerChunks,
  cpuPerRequest,
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
import { RESPONSES_ANSWER, responsesNote, responsesRequest } from './responses.js';

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
    fixtureRequests: 400,
    fixtureRounds: 3,
    hardLimitMs: 600_000,
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
    fixtureRequests: 100,
    fixtureRounds: 1,
    hardLimitMs: 240_000,
  },
};

const TARGETS = {
  p50Ms: 0.5,
  p99Ms: 2,
  throughputRatio: 0.2,
  ttfbMs: 0.5,
  idleRssMb: 60,
  coldStartMs: 300,
  translatedCpuPer1000Ms: 20,
  fixtureTranslateCpuMs: 2,
};

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'proxy-cmd': { type: 'string' },
    model: { type: 'string', default: 'fake:claude-bench' },
    'translated-model': { type: 'string', default: 'oai:gpt-bench' },
    'skip-translated': { type: 'boolean', default: false },
    'responses-model': { type: 'string', default: 'resp:gpt-bench' },
    'skip-responses': { type: 'boolean', default: false },
    out: { type: 'string', default: join(here, 'out') },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`usage: node bench/run.js [--quick] [--rounds N] [--proxy-cmd "<cmd>"] [--model M] [--out DIR] [--strict]
  --quick       fewer and shorter rounds (~50 s), for a smoke test
  --rounds N    interleaved direct/proxy rounds (default 5, quick 2)
  --proxy-cmd   command line starting the proxy instead of "node dist/vdm.mjs serve --port 0"
                (env VDM_BENCH_PROXY_CMD); it runs in an empty temp dir with the fake provider's env and
                must print "listening on http://host:port"
  --model M     model name sent (default fake:claude-bench)
  --translated-model M   model routed to the OpenAI-format provider (default oai:gpt-bench)
  --skip-translated      no translated (Chat) figures (skipped anyway when the proxy cannot translate)
  --responses-model M    model routed to the Responses-format provider (default resp:gpt-bench)
  --skip-responses       no Responses figures (skipped anyway when the proxy cannot translate to it)
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

/**
 * The user's prompt; on the translated paths it carries the stream's pacing, since the proxy does not
 * forward client headers to an OpenAI-format upstream (the fake reads `x-bench-chunks=N` in the body).
 * @param {{ stream?: boolean, chunks?: number, intervalMs?: number, mark?: boolean }} o
 */
const prompt = (o) =>
  o.mark && o.stream
    ? `Say something short. x-bench-chunks=${o.chunks ?? 10} x-bench-interval-ms=${o.intervalMs ?? 0}`
    : 'Say something short.';

/**
 * An Anthropic Messages request, to the fake's /v1/messages or through the proxy.
 * @param {{ stream?: boolean, chunks?: number, intervalMs?: number, model?: string, mark?: boolean }} [o]
 * @returns {BenchRequest}
 */
function benchRequest(o = {}) {
  /** @type {Record<string, unknown>} */
  const body = {
    model: o.model ?? args.model,
    max_tokens: 256,
    messages: [{ role: 'user', content: prompt(o) }],
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

/** The model a provider is asked for: what follows `provider:`. @param {string} model */
const upstreamModel = (model) => model.replace(/^[^:]*:/, '');

/**
 * The direct call for the translated path: the OpenAI Chat Completions request the proxy sends the
 * fake for `benchRequest({ model: translated, ... })`, sent by the client straight to the fake.
 * @param {{ stream?: boolean, chunks?: number, intervalMs?: number }} [o]
 * @returns {BenchRequest}
 */
function chatRequest(o = {}) {
  /** @type {Record<string, unknown>} */
  const body = {
    model: upstreamModel(args['translated-model']),
    messages: [{ role: 'user', content: prompt({ ...o, mark: true }) }],
    max_tokens: 256,
  };
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    authorization: 'Bearer sk-fake-bench-000000000000',
  };
  if (o.stream) {
    body['stream'] = true;
    body['stream_options'] = { include_usage: true };
    headers['x-bench-chunks'] = String(o.chunks ?? 10);
    headers['x-bench-interval-ms'] = String(o.intervalMs ?? 0);
  }
  return { path: '/v1/chat/completions', headers, body: JSON.stringify(body), format: 'chat' };
}

/** Requests through the proxy for a translated path's model, pacing in the prompt. @param {string} model */
const markedRequest =
  (model) =>
  (o = {}) =>
    benchRequest({ ...o, model, mark: true });

/**
 * The requests one target is measured with; `answer` is a string its plain answer must contain.
 * @typedef {{ plain: BenchRequest, paced: BenchRequest, cpuStream: BenchRequest,
 *   probeStream: BenchRequest, answer: string }} Requests
 */

/** @param {(o?: { stream?: boolean, chunks?: number, intervalMs?: number }) => BenchRequest} make @param {string} answer @returns {Requests} */
const requestSet = (make, answer) => ({
  plain: make(),
  paced: make({ stream: true, chunks: profile.ttfbChunks, intervalMs: profile.ttfbIntervalMs }),
  cpuStream: make({ stream: true, chunks: profile.cpuChunks, intervalMs: profile.cpuIntervalMs }),
  probeStream: make({ stream: true, chunks: 20 }),
  answer,
});

const passthroughRequests = requestSet(benchRequest, '"type":"message"');
const translatedRequests = requestSet(markedRequest(args['translated-model']), '"type":"message"');
const chatDirectRequests = requestSet(chatRequest, '"object":"chat.completion"');

/**
 * A translated path: Anthropic Messages to the proxy, another API to the upstream, measured against
 * `direct`, the request the proxy itself sends the upstream, sent straight to the fake.
 * @typedef {{ key: 'translated' | 'responses', model: string, skip: boolean, direct: Requests,
 *   proxy: Requests }} TranslatedPath
 */

/** @type {TranslatedPath[]} */
const translatedPaths = [
  {
    key: 'translated',
    model: args['translated-model'],
    skip: args['skip-translated'],
    direct: chatDirectRequests,
    proxy: translatedRequests,
  },
  {
    key: 'responses',
    model: args['responses-model'],
    skip: args['skip-responses'],
    direct: requestSet(
      (o = {}) =>
        responsesRequest(upstreamModel(args['responses-model']), prompt({ ...o, mark: true }), o),
      RESPONSES_ANSWER,
    ),
    proxy: requestSet(markedRequest(args['responses-model']), '"type":"message"'),
  },
];

/**
 * @typedef {{ name: 'direct' | 'proxy', origin: string, reqs: Requests,
 *   one: import('undici').Pool, many: import('undici').Pool }} Target
 */

/** @param {'direct' | 'proxy'} name @param {string} origin @param {Requests} reqs @returns {Target} */
const target = (name, origin, reqs) => ({
  name,
  origin,
  reqs,
  one: createPool(origin, 1),
  many: createPool(origin, profile.connections),
});

/**
 * Checks a target answers a plain and a streaming request correctly before measuring it.
 * @param {Target} t
 */
async function probe(t) {
  const res = await t.one.request({ ...t.reqs.plain, method: 'POST' });
  const text = await res.body.text();
  if (res.statusCode !== 200 || !text.includes(t.reqs.answer)) {
    throw new Error(
      `${t.name}: POST ${t.reqs.plain.path} answered ${res.statusCode}: ${text.slice(0, 500)}`,
    );
  }
  const s = await streamOnce(t.one, t.reqs.probeStream);
  if (!s.ok || s.deltas !== 20) {
    throw new Error(`${t.name}: streaming request got ${s.deltas}/20 deltas (ok=${s.ok})`);
  }
}

/** @param {Target} t */
async function warmUp(t) {
  const { plain, paced, cpuStream } = t.reqs;
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

const newFigures = () => ({
  c1p50: paired(),
  c1p99: paired(),
  olp50: paired(),
  olp99: paired(),
  rps: paired(),
  ttfb: paired(),
  streamTotal: paired(),
});
const newErrors = () => ({ c1: 0, openLoop: 0, throughput: 0, ttfb: 0, cpu: 0 });

/**
 * One path measured direct vs proxy: passthrough (Anthropic to Anthropic), translated (Anthropic to
 * the proxy, OpenAI Chat to the upstream; its direct call is the Chat request) or responses (the
 * same with OpenAI Responses). `cpu` holds the proxy's and the upstream's CPU per 1000 chunks per
 * CPU round, and each round's raw figures.
 * @typedef {{ key: 'passthrough' | TranslatedPath['key'], model: string, direct: Target,
 *   proxy: Target, figures: ReturnType<typeof newFigures>, errors: ReturnType<typeof newErrors>,
 *   cpu: { proxy: number[], upstream: number[], log: unknown[] } }} Section
 */

/** @param {Section['key']} key @param {string} model @param {Target} direct @param {Target} proxy @returns {Section} */
const newSection = (key, model, direct, proxy) => ({
  key,
  model,
  direct,
  proxy,
  figures: newFigures(),
  errors: newErrors(),
  cpu: { proxy: [], upstream: [], log: [] },
});

/** @param {Target} t */
const closeTarget = (t) => Promise.all([t.one.close(), t.many.close()]);

/**
 * A translated path's section once both sides answer correctly, or why it does not run (its skip
 * flag, or the proxy did not translate). The direct side failing is fatal: a broken fake.
 * @param {TranslatedPath} path @param {string} upstreamUrl @param {string} proxyUrl
 * @returns {Promise<Section | string>}
 */
async function translatedSection(path, upstreamUrl, proxyUrl) {
  if (path.skip) return `--skip-${path.key}`;
  const direct = target('direct', upstreamUrl, path.direct);
  const proxy = target('proxy', proxyUrl, path.proxy);
  await probe(direct);
  try {
    await probe(proxy);
    return newSection(path.key, path.model, direct, proxy);
  } catch (error) {
    await Promise.all([closeTarget(direct), closeTarget(proxy)]);
    return `the proxy did not translate (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
  }
}
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
 * @type {((t: Target, figures: Section['figures'], errors: Section['errors']) => Promise<Record<string, unknown>>)[]}
 */
const steps = [
  async (t, figures, errors) => {
    const r = await sequentialLatency(t.one, t.reqs.plain, { durationMs: profile.sequentialMs });
    figures.c1p50[t.name].push(percentile(r.latencies, 50));
    figures.c1p99[t.name].push(percentile(r.latencies, 99));
    errors.c1 += r.errors;
    return { concurrency1: { ...summary(r.latencies), errors: r.errors } };
  },
  async (t, figures, errors) => {
    const r = await openLoop(t.many, t.reqs.plain, {
      rate: profile.rate,
      durationMs: profile.openLoopMs,
    });
    figures.olp50[t.name].push(percentile(r.latencies, 50));
    figures.olp99[t.name].push(percentile(r.latencies, 99));
    errors.openLoop += r.errors;
    sendLag.push(...r.sendLag);
    const lagP99 = percentile(r.sendLag, 99);
    return { openLoop: { ...summary(r.latencies), errors: r.errors, sendLagP99: lagP99 } };
  },
  async (t, figures, errors) => {
    const r = await throughput(t.origin, t.reqs.plain, {
      connections: profile.connections,
      durationMs: profile.throughputMs,
    });
    figures.rps[t.name].push(r.rps);
    errors.throughput += r.errors;
    return { throughput: r };
  },
  async (t, figures, errors) => {
    const r = await streamTimings(t.one, t.reqs.paced, {
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
 * One round: each step on both targets back to back, the order flipping every round, for each
 * section in turn (so passthrough and translated figures of a step come from the same minute).
 * @param {Section[]} sections
 * @param {number} round
 */
async function runRound(sections, round) {
  for (const step of steps) {
    for (const s of sections) {
      const order = round % 2 === 1 ? [s.direct, s.proxy] : [s.proxy, s.direct];
      for (const t of order) {
        const r = await step(t, s.figures, s.errors);
        roundLog.push({ round, section: s.key, target: t.name, ...r });
      }
    }
  }
}

/**
 * The captured Claude Code request (../shared/fixtures), as a non-streaming request for `model`.
 * @param {string} model
 * @returns {BenchRequest}
 */
function fixtureRequest(model) {
  const fixture =
    /** @type {{ headers: Record<string, string>, body: Record<string, unknown> }} */ (
      JSON.parse(readFileSync(fixturePath, 'utf8'))
    );
  /** @type {Record<string, string>} */
  const headers = {};
  const drop = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'x-api-key']);
  for (const [name, value] of Object.entries(fixture.headers)) {
    if (!drop.has(name.toLowerCase())) headers[name] = value;
  }
  headers['x-api-key'] = 'bench-client-key';
  /** @type {Record<string, unknown>} */
  const body = { ...fixture.body, model };
  delete body['stream'];
  return { path: '/v1/messages', headers, body: JSON.stringify(body) };
}

const fixturePath = resolve(root, '../shared/fixtures/claude-code-request.json');

/**
 * The proxy's CPU per non-streaming request for the Claude Code request translated, for a tiny
 * translated request, and for the Claude Code request passed through (for scale), the fake
 * answering at once. Rounds rotate the order; each figure is the median over rounds.
 * @param {string} proxyUrl
 * @param {number} pid
 */
async function fixtureCpu(proxyUrl, pid) {
  const pool = createPool(proxyUrl, 1);
  const kinds = {
    big: fixtureRequest(args['translated-model']),
    tiny: translatedRequests.plain,
    passthrough: fixtureRequest(args.model),
  };
  /** @param {string} text */
  const check = (text) => text.includes('"type":"message"');
  /** @type {Record<keyof typeof kinds, number[]>} */
  const per = { big: [], tiny: [], passthrough: [] };
  /** @type {number[]} */
  const diff = [];
  /** @type {unknown[]} */
  const log = [];
  let errorCount = 0;
  try {
    for (const req of Object.values(kinds)) {
      await cpuPerRequest(pool, req, { pid, count: Math.min(100, profile.fixtureRequests), check });
    }
    const names = /** @type {(keyof typeof kinds)[]} */ (Object.keys(kinds));
    for (let round = 0; round < profile.fixtureRounds; round += 1) {
      /** @type {Partial<Record<keyof typeof kinds, number>>} */
      const got = {};
      for (let i = 0; i < names.length; i += 1) {
        const name = /** @type {keyof typeof kinds} */ (names[(i + round) % names.length]);
        const r = await cpuPerRequest(pool, kinds[name], {
          pid,
          count: profile.fixtureRequests,
          check,
        });
        per[name].push(r.perRequest);
        got[name] = r.perRequest;
        errorCount += r.errors;
        log.push({ round: round + 1, kind: name, ...r });
      }
      diff.push((got.big ?? NaN) - (got.tiny ?? NaN));
    }
  } finally {
    await pool.close();
  }
  return {
    per,
    diff,
    errors: errorCount,
    log,
    bytes: { big: kinds.big.body.length, tiny: kinds.tiny.body.length },
  };
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

  const direct = target('direct', upstream.url, passthroughRequests);
  const proxy = target('proxy', proxyProc.url, passthroughRequests);
  await probe(direct);
  await probe(proxy);
  const passthrough = newSection('passthrough', args.model, direct, proxy);
  const { figures, errors } = passthrough;
  /** @type {Section[]} */
  const sections = [passthrough];
  /** @type {Partial<Record<TranslatedPath['key'], string>>} why a translated section did not run */
  const skipped = {};
  for (const path of translatedPaths) {
    const s = await translatedSection(path, upstream.url, proxyProc.url);
    if (typeof s !== 'string') sections.push(s);
    else {
      skipped[path.key] = s;
      if (!path.skip) log(`bench: ${path.key} section skipped: ${s}`);
    }
  }
  const translated = sections.find((s) => s.key === 'translated');
  const responses = sections.find((s) => s.key === 'responses');
  log('bench: warming up');
  const ours = () => cpuTimeMs(proxyProc.pid) + cpuTimeMs(upstream.pid) + cpuTimeMs(process.pid);
  const cpuAtStart = { machine: machineBusyMs(), ours: ours(), wall: nowMs() };
  for (const s of sections) {
    await warmUp(s.direct);
    await warmUp(s.proxy);
  }

  for (let round = 1; round <= profile.rounds; round += 1) {
    log(`bench: round ${round}/${profile.rounds}`);
    await runRound(sections, round);
  }

  log('bench: CPU per 1000 chunks');
  const cpuPool = createPool(proxyProc.url, profile.cpuStreams);
  for (let i = 0; i < profile.cpuRounds; i += 1) {
    // Sections alternate within a round, so their CPU figures come from the same minute.
    for (const s of sections) {
      const r = await cpuPerChunks(cpuPool, s.proxy.reqs.cpuStream, {
        pids: [proxyProc.pid, upstream.pid],
        streams: profile.cpuStreams,
        chunksPerStream: profile.cpuChunks,
      });
      s.cpu.proxy.push(r.perThousand[0] ?? NaN);
      s.cpu.upstream.push(r.perThousand[1] ?? NaN);
      s.errors.cpu += r.errors;
      s.cpu.log.push(r);
    }
  }
  let fixture;
  if (translated) {
    log('bench: CPU to translate the Claude Code request');
    fixture = await fixtureCpu(proxyProc.url, proxyProc.pid);
  }
  const peak = memoryMb(proxyProc.pid);
  // CPU the rest of the machine used while we measured, as a share of all cores: the noise floor.
  const foreignShare = Math.max(
    0,
    (machineBusyMs() - cpuAtStart.machine - (ours() - cpuAtStart.ours)) /
      ((nowMs() - cpuAtStart.wall) * cpus().length),
  );

  for (const s of sections) await Promise.all([closeTarget(s.direct), closeTarget(s.proxy)]);
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
      samples: passthrough.cpu.proxy,
      digits: 1,
      note: `upstream producing them: ${median(passthrough.cpu.upstream).toFixed(1)} ms`,
    }),
    ...translatedRows(translated, fixture),
    ...translatedRows(responses),
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
    skipped.translated
      ? `translated rows: not measured, ${skipped.translated}.`
      : `translated rows: Anthropic Messages to the proxy with model ${args['translated-model']} (OpenAI-format provider), the proxy calling the fake's /v1/chat/completions; "direct" is the equivalent Chat request sent straight to the fake. Claude Code request: ${fixture?.bytes.big ?? '?'}-byte body (../shared/fixtures/claude-code-request.json, non-streaming), ${profile.fixtureRequests} requests one at a time per figure, the proxy's CPU minus idle per request; median of ${profile.fixtureRounds}; the target row is that minus the same for a ${fixture?.bytes.tiny ?? '?'}-byte translated request.`,
    responsesNote(args['responses-model'], skipped.responses),
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
      cpu: passthrough.cpu.log,
      translated: sectionJson(translated, skipped.translated, { fixtureCpu: fixture }),
      responses: sectionJson(responses, skipped.responses),
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

/**
 * A translated section's figures for results.json, or why it did not run.
 * @param {Section | undefined} s @param {string | undefined} skipped @param {Record<string, unknown>} [extra]
 */
const sectionJson = (s, skipped, extra = {}) =>
  s
    ? { model: s.model, figures: s.figures, errors: s.errors, cpu: s.cpu.log, ...extra }
    : { skipped };

/**
 * A translated section's rows, labelled `translated: ` or `responses: ` (none when it did not run).
 * @param {Section | undefined} s
 * @param {Awaited<ReturnType<typeof fixtureCpu>>} [fixture] the Claude Code request's CPU (Chat only)
 */
function translatedRows(s, fixture) {
  if (!s) return [];
  const f = s.figures;
  const e = s.errors;
  const t = `${s.key}: `;
  /** @param {import('./report.js').Row} row @returns {import('./report.js').Row} */
  const info = (row) => ({ ...row, verdict: 'info' });
  const rows = [
    addedRow(`${t}latency p50, concurrency 1`, f.c1p50, TARGETS.p50Ms, e.c1),
    addedRow(`${t}latency p99, concurrency 1`, f.c1p99, TARGETS.p99Ms, e.c1),
    addedRow(
      `${t}latency p50, ${profile.rate} req/s open loop, ${profile.connections} conns`,
      f.olp50,
      TARGETS.p50Ms,
      e.openLoop,
    ),
    addedRow(
      `${t}latency p99, ${profile.rate} req/s open loop, ${profile.connections} conns`,
      f.olp99,
      TARGETS.p99Ms,
      e.openLoop,
    ),
    {
      ...throughputRow(f.rps, TARGETS.throughputRatio, e.throughput),
      metric: `${t}throughput, concurrency ${profile.connections}`,
      target: '(reported)',
      ...(e.throughput > 0 ? {} : { verdict: /** @type {const} */ ('info') }),
    },
    addedRow(
      `${t}time to first byte, ${profile.ttfbChunks}-chunk stream every ${profile.ttfbIntervalMs} ms`,
      f.ttfb,
      TARGETS.ttfbMs,
      e.ttfb,
    ),
    {
      ...info(addedRow(`${t}stream total time, same stream`, f.streamTotal, Infinity, e.ttfb)),
      target: '',
    },
    proxyRow({
      metric: `${t}CPU per 1000 stream chunks, paced`,
      unit: 'ms',
      samples: s.cpu.proxy,
      digits: 1,
      limit: TARGETS.translatedCpuPer1000Ms,
      errors: e.cpu,
      direct: `upstream: ${median(s.cpu.upstream).toFixed(1)}`,
    }),
  ];
  if (fixture) {
    const bytes = `${(fixture.bytes.big / 1000).toFixed(1)} kB`;
    rows.push(
      proxyRow({
        metric: `${t}Claude Code request (${bytes}), CPU per request minus a tiny one`,
        unit: 'ms',
        samples: fixture.diff,
        digits: 3,
        limit: TARGETS.fixtureTranslateCpuMs,
        errors: fixture.errors,
      }),
      proxyRow({
        metric: `${t}Claude Code request (${bytes}), CPU per request`,
        unit: 'ms',
        samples: fixture.per.big,
        digits: 3,
        errors: fixture.errors,
      }),
      proxyRow({
        metric: `${t}tiny request (${fixture.bytes.tiny} B), CPU per request`,
        unit: 'ms',
        samples: fixture.per.tiny,
        digits: 3,
        errors: fixture.errors,
      }),
      proxyRow({
        metric: `passthrough: Claude Code request (${bytes}), CPU per request`,
        unit: 'ms',
        samples: fixture.per.passthrough,
        digits: 3,
        errors: fixture.errors,
        note: 'for scale',
      }),
    );
  }
  return rows;
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
