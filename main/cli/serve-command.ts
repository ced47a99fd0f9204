import type { Command } from 'commander';
import { createApp } from '../app.js';
import { configSourcesFromProcess } from '../config/config-sources.js';
import { watchConfig } from '../config/config-watcher.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
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
  const readSources = () => configSourcesFromProcess({ configFile: options.config });
  const loaded = loadConfig(readSources());
  if (!loaded.ok) {
    for (const issue of loaded.error) console.error(formatConfigIssue(issue));
    console.error('vdm serve: the configuration has errors (above); fix them and run again.');
    process.exitCode = 1;
    return;
  }
  const port = options.port === undefined ? loaded.value.globals.port : parsePort(options.port);
  if (port === undefined) {
    console.error(`vdm serve: --port must be a whole number from 0 to 65535 (got "${options.port}").`);
    process.exitCode = 1;
    return;
  }
  const host = options.host ?? loaded.value.globals.host;
  const allowedHosts = (process.env['VDM_ALLOWED_HOSTS'] ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const app = createApp({ config: loaded.value, allowedHosts });
  let address;
  try {
    address = await app.server.listen(port, host);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const hint = code === 'EADDRINUSE' ? ` Port ${port} is in use: stop the other process or pass --port.` : '';
    console.error(`vdm serve: cannot listen on ${host}:${port} (${code ?? String(error)}).${hint}`);
    process.exitCode = 1;
    await app.close(0);
    return;
  }
  console.log(`vdm ${VERSION} listening on ${address.url}`);
  for (const line of serveSummary(app.config(), address.url)) console.log(line);

  const watcher = watchConfig({
    readSources,
    initial: loaded.value,
    onChange: (next) => {
      app.applyConfig(next);
      app.logger.info({ providers: [...next.providers.keys()] }, 'config reloaded');
    },
    onError: (issues) => {
      const text = issues.map(formatConfigIssue).join('\n');
      app.logger.error({ issues: issues.map(formatConfigIssue) }, 'config reload failed; keeping the last good config');
      console.error(`Config reload failed; still using the last good config:\n${text}`);
    },
  });

  const stop = (signal: string) => {
    console.log(`\n${signal}: finishing in-flight requests, then stopping.`);
    watcher.close();
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the proxy (and, later, the admin UI) in the foreground')
    .option('--host <host>', 'address to listen on (env HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free port (env PORT; default 8082)')
    .option('--config <file>', 'TOML config file to use instead of ./vandamme-config.toml')
    .addHelpText(
      'after',
      '\nThen point Claude Code at it:\n  export ANTHROPIC_BASE_URL=http://127.0.0.1:8082\n',
    )
    .action((options: ServeOptions) => serve(options));
}
