import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `.ci/run` installs the CLI into e2e/.tools (MACHINE.md: ~380 MB, e2e step only). */
export const claudeBin: string | undefined = [
  process.env['CLAUDE_BIN'],
  resolve('e2e/.tools/node_modules/.bin/claude'),
].find((c): c is string => Boolean(c) && existsSync(c as string));

/** In CI the CLI must be there: a missing binary is a failure, not a skip. */
export const skipWithoutClaude = !claudeBin && process.env['CI'] !== 'true';
if (skipWithoutClaude)
  console.warn('Claude Code CLI not installed (set CLAUDE_BIN or run .ci/run): e2e skipped.');

/** `claude -p` as MACHINE.md prescribes: a fresh HOME, no telemetry, no updater, pointed at the proxy. */
export async function runClaude(proxyUrl: string, args: readonly string[]): Promise<string> {
  if (!claudeBin) throw new Error('Claude Code CLI binary missing (CLAUDE_BIN or e2e/.tools)');
  const home = mkdtempSync(join(tmpdir(), 'vdm-claude-home-'));
  const { stdout } = await run(claudeBin, [...args], {
    cwd: home,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      ANTHROPIC_BASE_URL: proxyUrl,
      ANTHROPIC_API_KEY: 'sk-ant-client-FAKE',
      DISABLE_TELEMETRY: '1',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
    timeout: 90_000,
  });
  return stdout;
}
