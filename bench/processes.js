// @ts-check
/**
 * Child processes of the benchmark: the fake upstream and the proxy. Every child is tracked and
 * killed when the runner exits, however it exits.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { nowMs } from './load.js';

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {Set<string>} */
const tempDirs = new Set();

/** Kills every child still running and removes temp dirs; safe to call more than once. */
export function cleanup() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

process.on('exit', cleanup);

/** @type {import('node:child_process').ChildProcess | undefined} */
let reaper;

/**
 * Registers a child with the reaper process, which kills it should this process die unannounced.
 * @param {import('node:child_process').ChildProcess} child
 */
function track(child) {
  children.add(child);
  if (!reaper || !reaper.connected) {
    reaper = fork(join(dirname(fileURLToPath(import.meta.url)), 'reaper.js'), [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    reaper.unref();
    reaper.channel?.unref();
  }
  if (child.pid) reaper.send({ add: child.pid });
}

/** @param {import('node:child_process').ChildProcess} child */
function untrack(child) {
  children.delete(child);
  if (child.pid && reaper?.connected) reaper.send({ remove: child.pid });
}

/** @param {string} prefix */
function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 */
export async function stopChild(child, graceMs = 2000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  untrack(child);
}

/**
 * Forks bench/fake-upstream.js and waits for its address (IPC).
 * @param {string} script
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, pid: number }>}
 */
export function startUpstream(script) {
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('fake upstream did not start in 10 s')),
      10_000,
    );
    child.once('exit', (code) => reject(new Error(`fake upstream exited (${code})`)));
    child.on('message', (msg) => {
      const m = /** @type {{ type?: string, url?: string }} */ (msg);
      if (m.type === 'listening' && m.url && child.pid) {
        clearTimeout(timer);
        resolve({ child, url: m.url, pid: child.pid });
      }
    });
  });
}

/**
 * The env the proxy runs with: a fake provider only, nothing inherited that could add others.
 * @param {string} upstreamUrl
 */
function proxyEnv(upstreamUrl) {
  const home = tempDir('vdm-bench-home-');
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    VDM_HOME: home,
    FAKE_API_KEY: 'sk-fake-bench-000000000000',
    FAKE_BASE_URL: upstreamUrl,
    FAKE_API_FORMAT: 'anthropic',
    // The translated path: Anthropic Messages in, OpenAI Chat Completions to the same fake.
    OAI_API_KEY: 'sk-fake-bench-000000000000',
    OAI_BASE_URL: `${upstreamUrl}/v1`,
    OAI_API_FORMAT: 'openai',
    // The Responses path: Anthropic Messages in, OpenAI Responses ({base}/responses) to the fake.
    RESP_API_KEY: 'sk-fake-bench-000000000000',
    RESP_BASE_URL: `${upstreamUrl}/v1`,
    RESP_API_FORMAT: 'responses',
    VDM_DEFAULT_PROVIDER: 'fake',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

/**
 * @typedef {{ child: import('node:child_process').ChildProcess, url: string, pid: number,
 *   coldStartMs: number, output: () => string }} ProxyProcess
 */

/**
 * Spawns the proxy in an empty temp dir (so it reads no local config) and waits until
 * `GET /health` answers 200. `coldStartMs` runs from just before spawn to that answer.
 * @param {string[] | string} command argv, or a shell command line (run with `exec`, so the pid is the proxy's)
 * @param {string} upstreamUrl
 * @returns {Promise<ProxyProcess>}
 */
export async function startProxy(command, upstreamUrl) {
  const cwd = tempDir('vdm-bench-cwd-');
  const env = proxyEnv(upstreamUrl);
  const [file, ...args] =
    typeof command === 'string' ? ['/bin/sh', '-c', `exec ${command}`] : command;
  const t0 = nowMs();
  const child = spawn(/** @type {string} */ (file), args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  /** @type {string[]} the last lines of output, for error messages */
  const tail = [];
  const output = () => tail.join('');
  /** @param {Buffer} data */
  const keep = (data) => {
    tail.push(data.toString('utf8'));
    if (tail.length > 40) tail.shift();
  };
  child.stderr?.on('data', keep);
  try {
    const url = await waitForUrl(child, keep);
    await waitForHealth(url, child);
    return {
      child,
      url,
      pid: /** @type {number} */ (child.pid),
      coldStartMs: nowMs() - t0,
      output,
    };
  } catch (error) {
    await stopChild(child, 500);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`proxy did not start: ${message}\n--- its output ---\n${output()}`);
  }
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {(data: Buffer) => void} keep
 * @returns {Promise<string>}
 */
function waitForUrl(child, keep) {
  return new Promise((resolve, reject) => {
    let seen = '';
    let found = false;
    const timer = setTimeout(() => reject(new Error('no "listening on" line in 15 s')), 15_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited early (code ${code}, signal ${signal})`));
    });
    child.stdout?.on('data', (/** @type {Buffer} */ data) => {
      keep(data);
      if (found) return;
      seen += data.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(seen);
      if (match?.[1]) {
        found = true;
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
  });
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 */
async function waitForHealth(url, child) {
  const deadline = nowMs() + 10_000;
  let last = '';
  while (nowMs() < deadline && child.exitCode === null) {
    try {
      const res = await request(`${url}/health`, { headersTimeout: 2000, bodyTimeout: 2000 });
      await res.body.arrayBuffer();
      if (res.statusCode === 200) return;
      last = `HTTP ${res.statusCode}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(2);
  }
  throw new Error(`GET /health never answered 200 (${last})`);
}

/**
 * Median-ready list of cold starts: each a fresh process, stopped before the next one.
 * @param {string[] | string} command
 * @param {string} upstreamUrl
 * @param {number} count
 */
export async function coldStarts(command, upstreamUrl, count) {
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const proxy = await startProxy(command, upstreamUrl);
    times.push(proxy.coldStartMs);
    await stopChild(proxy.child);
  }
  return times;
}

/**
 * How long a bare `node -e "console.log(1)"` takes from spawn to its output: the floor under any
 * cold start on this machine.
 * @param {number} count
 */
export async function bareNodeStarts(count) {
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = nowMs();
    const child = spawn(process.execPath, ['-e', 'console.log(1)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      // The proxy's clean env: an inherited NODE_OPTIONS or NODE_EXTRA_CA_CERTS slows node's start.
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    });
    children.add(child);
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    times.push(nowMs() - t0);
    await new Promise((resolve) =>
      child.exitCode === null ? child.once('exit', resolve) : resolve(0),
    );
    children.delete(child);
  }
  return times;
}
