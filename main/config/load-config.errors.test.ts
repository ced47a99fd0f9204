import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { loadIssues, removeProjects, tempProject } from './test-support/config-fixture.js';

const KEY = 'sk-test-FAKE-0000000000001234';

afterEach(removeProjects);

describe('TOML syntax errors', () => {
  it('reports file, line and column', () => {
    const p = tempProject();
    const file = p.write(
      'work/vandamme-config.toml',
      '[openai]\ntimeout = 30\nbase-url = "https://x\n',
    );
    const issues = loadIssues(p.sources());
    expect(issues).toEqual([
      {
        kind: 'toml-syntax',
        file,
        line: 3,
        column: expect.any(Number),
        message: expect.any(String),
      },
    ]);
    const issue = issues[0];
    expect(issue?.kind === 'toml-syntax' && issue.column).toBeGreaterThan(1);
    expect(issue?.kind === 'toml-syntax' && issue.message).not.toMatch(/Invalid TOML document|\n/);
  });

  it('reports a duplicate key on its line', () => {
    const p = tempProject();
    const file = p.write(
      path.join('home', '.config', 'vandamme-proxy', 'vandamme-config.toml'),
      '[defaults]\nport = 1\nport = 2\n',
    );
    expect(loadIssues(p.sources())).toEqual([
      { kind: 'toml-syntax', file, line: 3, column: 1, message: expect.stringMatching(/redefine/) },
    ]);
  });
});

describe('wrong types and bad values', () => {
  it('names file:line for a wrong type', () => {
    const p = tempProject();
    const file = p.write(
      'work/vandamme-config.toml',
      `[openai]\napi-key = "${KEY}"\ntimeout = "abc"\naliases = 3\n\n[openai.headers]\nX-Bad = { a = 1 }\n`,
    );
    expect(loadIssues(p.sources())).toEqual(
      expect.arrayContaining([
        {
          kind: 'invalid-value',
          where: `${file}:3`,
          message: 'timeout must be a positive number of seconds such as 90 (got "abc")',
        },
        {
          kind: 'invalid-value',
          where: `${file}:4`,
          message: expect.stringMatching(/^openai\.aliases must be a table/),
        },
        { kind: 'invalid-value', where: `${file}:7`, message: 'header "X-Bad" must be a string' },
      ]),
    );
  });

  it('rejects a bad PORT, naming the variable and the expected form', () => {
    expect(loadIssues(tempProject().sources({ env: { PORT: 'abc' } }))).toEqual([
      {
        kind: 'invalid-value',
        where: 'PORT',
        message: 'must be a whole number from 0 to 65535 such as 8082 (got "abc")',
      },
    ]);
    expect(loadIssues(tempProject().sources({ env: { PORT: '70000' } }))[0]).toMatchObject({
      where: 'PORT',
    });
  });

  it('rejects bad numbers from .env with the file and line', () => {
    const p = tempProject();
    p.write('work/.env', 'HOST=127.0.0.1\nREQUEST_TIMEOUT=-5\n');
    expect(loadIssues(p.sources())).toEqual([
      {
        kind: 'invalid-value',
        where: `REQUEST_TIMEOUT (${path.join(p.cwd, '.env')}:2)`,
        message: expect.stringMatching(/positive number of seconds.*"-5"/),
      },
    ]);
  });

  it('rejects an unknown log level, secret store and body size', () => {
    const issues = loadIssues(
      tempProject().sources({
        env: { LOG_LEVEL: 'loud', VDM_SECRET_STORE: 'vault', VDM_MAX_BODY_SIZE: 'lots' },
      }),
    );
    expect(issues.map((i) => i.kind === 'invalid-value' && i.where)).toEqual([
      'LOG_LEVEL',
      'VDM_MAX_BODY_SIZE',
      'VDM_SECRET_STORE',
    ]);
  });

  it('rejects a header that could inject another header', () => {
    const p = tempProject();
    const file = p.write(
      'work/vandamme-config.toml',
      '[openai.headers]\n"X-A" = "ok\\r\\nEvil: 1"\n',
    );
    expect(loadIssues(p.sources({ env: { OPENAI_API_KEY: KEY } }))).toEqual([
      {
        kind: 'invalid-value',
        where: `${file}:2`,
        message: 'header "X-A" has a line break or NUL in its value',
      },
    ]);
  });

  it('rejects a provider name with a colon', () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '["a:b"]\napi-key = "k"\n');
    expect(loadIssues(p.sources())).toEqual([
      {
        kind: 'invalid-value',
        where: `${file}:1`,
        message: expect.stringMatching(/must not contain ":"/),
      },
    ]);
  });

  it('validates app settings values with a key path', () => {
    const issues = loadIssues(
      tempProject().sources({
        appSettings: { defaults: { port: 'eighty' } },
        appSettingsPath: '/data/settings.json',
      }),
    );
    expect(issues).toEqual([
      {
        kind: 'invalid-value',
        where: '/data/settings.json#defaults.port',
        message: expect.stringMatching(/^port must be/),
      },
    ]);
  });
});

describe('files', () => {
  it('treats a missing --config file as an error and a missing default file as nothing', () => {
    const p = tempProject();
    expect(loadConfig(p.sources()).ok).toBe(true);
    const missing = path.join(p.cwd, 'nope.toml');
    expect(loadIssues(p.sources({ configFile: missing }))).toEqual([
      { kind: 'unreadable-file', file: missing, message: 'file not found' },
    ]);
  });

  it('resolves a relative --config against the working directory', () => {
    const p = tempProject();
    p.write('work/conf/team.toml', '[defaults]\nport = 4444\n');
    const result = loadConfig(p.sources({ configFile: 'conf/team.toml' }));
    expect(result.ok && result.value.globals.port).toBe(4444);
  });
});

describe('all issues at once', () => {
  it('reports every problem from every layer, not just the first', () => {
    const p = tempProject();
    const user = p.write(
      path.join('home', '.config', 'vandamme-proxy', 'vandamme-config.toml'),
      '[defaults\n',
    );
    const local = p.write(
      'work/vandamme-config.toml',
      `[openai]\napi-key = "${KEY}"\nmax-retries = -1\n`,
    );
    const issues = loadIssues(
      p.sources({ env: { PORT: 'abc', LOG_LEVEL: 'loud', ANTHROPIC_API_KEY: `!OAUTH ${KEY}` } }),
    );
    expect(issues).toHaveLength(5);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'toml-syntax', file: user, line: 1 }),
        expect.objectContaining({ where: `${local}:3` }),
        expect.objectContaining({ where: 'PORT' }),
        expect.objectContaining({ where: 'LOG_LEVEL' }),
        expect.objectContaining({ where: 'ANTHROPIC_API_KEY' }),
      ]),
    );
  });
});

describe('vandamme-proxy files', () => {
  it('load unchanged: profiles and unknown keys are notices, not errors', () => {
    const p = tempProject();
    p.write(
      'work/vandamme-config.toml',
      [
        '[defaults]',
        'default-target = "top"',
        'max-retries = 3',
        '',
        '[profiles.top]',
        'timeout = 120',
        '["#old"]',
        'timeout = 1',
        '',
        '[poe]',
        'models-url = "https://poe.com"',
        'model-page = "x"',
        'colour = "blue"',
        '',
      ].join('\n'),
    );
    const result = loadConfig(p.sources({ env: { POE_API_KEY: KEY } }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.globals.maxRetries).toBe(3);
    expect(result.value.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/profiles \(\[profiles\]\) are not supported/),
        expect.stringMatching(/\[#old\]/),
        expect.stringMatching(/unknown key "colour" in \[poe\]/),
        expect.stringMatching(/default provider "top" .* is not configured; using "poe"/),
      ]),
    );
    expect(result.value.notices.join('\n')).not.toMatch(/models-url|model-page/);
  });
});
