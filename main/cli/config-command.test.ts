import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import {
  removeProjects,
  tempProject,
  type Project,
} from '../config/test-support/config-fixture.js';
import { registerConfigCommand } from './config-command.js';

const KEY = 'sk-test-FAKE-0000000000001234';

afterEach(() => {
  process.exitCode = undefined;
  removeProjects();
});

async function run(p: Project, env: Record<string, string>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command().exitOverride();
  registerConfigCommand(program, {
    readSources: (configFile) => p.sources({ env, configFile }),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  await program.parseAsync(args, { from: 'user' });
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { out: out.join('\n'), err: err.join('\n'), exitCode };
}

describe('vdm config validate', () => {
  it('summarises a good config and warns about partial providers', async () => {
    const r = await run(
      tempProject(),
      {
        OPENAI_API_KEY: KEY,
        ANTHROPIC_API_KEY: KEY,
        TAVILY_API_KEY: 'x',
        VDM_DEFAULT_PROVIDER: 'openai',
      },
      ['config', 'validate'],
    );
    expect(r.out).toBe(
      'config OK: 3 providers (anthropic, openai, tavily [partial]), default provider openai',
    );
    expect(r.err).toMatch(/^warning: provider tavily is partial: no base URL/m);
    expect(r.exitCode).toBeUndefined();
  });

  it('lists every problem with its file and line, and exits 1', async () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[openai]\napi-key = "k"\ntimeout = "abc"\n');
    const r = await run(p, { PORT: 'abc' }, ['config', 'validate']);
    expect(r.err).toContain(`${file}:3: timeout must be a positive number of seconds`);
    expect(r.err).toContain('PORT: must be a whole number from 0 to 65535');
    expect(r.err).toContain('config has 2 problems');
    expect(r.out).toBe('');
    expect(r.exitCode).toBe(1);
  });

  it('fails on a missing --config file', async () => {
    const r = await run(tempProject(), {}, ['config', 'validate', '--config', 'missing.toml']);
    expect(r.err).toMatch(/missing\.toml: cannot read: file not found/);
    expect(r.exitCode).toBe(1);
  });
});

describe('vdm config show', () => {
  it('prints the effective config with origins and no full key', async () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[defaults]\nport = 9000\n');
    const r = await run(p, { OPENAI_API_KEY: KEY }, ['config', 'show']);
    expect(r.out).toMatch(/^defaults\.port\s+9000\s+local\s+\S+vandamme-config\.toml:2$/m);
    expect(r.out).toMatch(/^openai\.api-key\s+…1234\s+env\s+OPENAI_API_KEY$/m);
    expect(r.out).toContain('Default provider: openai (fallback)');
    expect(r.out).not.toContain(KEY);
  });

  it('prints JSON on request', async () => {
    const r = await run(tempProject(), { OPENAI_API_KEY: KEY }, ['config', 'show', '--json']);
    const report = JSON.parse(r.out) as {
      entries: { path: string; value: string }[];
      files: { path: string; exists: boolean }[];
    };
    expect(report.entries).toContainEqual(
      expect.objectContaining({ path: 'openai.api-key', value: '…1234' }),
    );
    expect(report.files.some((f) => f.path.endsWith('.env') && !f.exists)).toBe(true);
    expect(r.out).not.toContain(KEY);
  });
});
