import type { Command } from 'commander';
import { formatConfigIssue } from '../config/format-issue.js';
import { startHeadless } from '../headless.js';
import { VERSION } from '../version.js';
import { serveSummary } from './serve-summary.js';

interface ServeOptions {
  readonly host?: string;
  readonly port?: string;
  readonly config?: string;
}

function parsePort(raw: string): number | undefined {
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

async function serve(options: ServeOptions): Promise<void> {
  const port = options.port === undefined ? undefined : parsePort(options.port);
  if (options.port !== undefined && port === undefined) {
    console.error(
      `vdm serve: --port must be a whole number from 0 to 65535 (got "${options.port}").`,
    );
    process.exitCode = 1;
    return;
  }
  const allowedHosts = (process.env['VDM_ALLOWED_HOSTS'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const started = await startHeadless({
    ...(options.config === undefined ? {} : { configFile: options.config }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(port === undefined ? {} : { port }),
    allowedHosts,
    // A fixed token for scripted setups; otherwise a fresh random one per run.
    ...(process.env['VDM_ADMIN_TOKEN']?.trim()
      ? { adminToken: process.env['VDM_ADMIN_TOKEN'].trim() }
      : {}),
    onReloadError: (issues) =>
      console.error(
        `Config reload failed; still using the last good config:\n${issues.map(formatConfigIssue).join('\n')}`,
      ),
  });
  switch (started.kind) {
    case 'config-invalid':
      for (const issue of started.issues) console.error(formatConfigIssue(issue));
      console.error('vdm serve: the configuration has errors (above); fix them and run again.');
      process.exitCode = 1;
      return;
    case 'listen-failed':
      console.error(`vdm serve: ${started.message} ${started.fix}`);
      process.exitCode = 1;
      return;
    case 'started':
      break;
  }
  const { headless } = started;
  console.log(`vdm ${VERSION} listening on ${headless.url}`);
  for (const line of serveSummary(headless.app.config(), headless.url)) console.log(line);
  console.log('');
  console.log(
    'Manage providers, keys and aliases in the browser (this link carries the admin token):',
  );
  console.log(`  ${headless.adminUrl}`);
  const settings = await headless.runtime.admin.handle('settings.get', {});
  const store = settings.ok ? settings.value.secretStore : undefined;
  if (store?.unavailable) {
    console.log(`Keys cannot be saved from the UI: ${store.unavailable.reason}.`);
    console.log(`  Fix: ${store.unavailable.fix}`);
  } else if (store?.warning) console.log(`warning: ${store.warning}`);
  else if (store) console.log(`Keys added in the UI are kept in: ${store.description}.`);
  const stop = (signal: string) => {
    console.log(`\n${signal}: finishing in-flight requests, then stopping.`);
    void headless.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the proxy in the foreground; config files are reloaded when they change')
    .option('--host <host>', 'address to listen on (env HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free port (env PORT; default 8082)')
    .option('--config <file>', 'TOML config file to use instead of ./vandamme-config.toml')
    .addHelpText(
      'after',
      '\nThen point Claude Code at it:\n  export ANTHROPIC_BASE_URL=http://127.0.0.1:8082\n',
    )
    .action((options: ServeOptions) => serve(options));
}
