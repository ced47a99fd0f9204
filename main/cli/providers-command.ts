import type { Command } from 'commander';
import { cliConfigSources } from './cli-config-sources.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
import { fetchLiveHealth, healthUrl } from './providers-live-health.js';
import { providersReport } from './providers-report.js';
import { renderProvidersTable } from './providers-table.js';

interface ProvidersOptions {
  readonly config?: string;
  readonly json?: boolean;
}

/** A proxy on loopback answers in a few ms; longer means nothing useful is listening. */
const HEALTH_TIMEOUT_MS = 300;

async function providers(options: ProvidersOptions): Promise<void> {
  const loaded = loadConfig(await cliConfigSources(options.config));
  if (!loaded.ok) {
    for (const issue of loaded.error) console.error(formatConfigIssue(issue));
    console.error('vdm providers: the configuration has errors (above); fix them and run again.');
    process.exitCode = 1;
    return;
  }
  const snapshot = loaded.value;
  const url = healthUrl(snapshot.globals.host, snapshot.globals.port);
  const live = await fetchLiveHealth(url, HEALTH_TIMEOUT_MS, Date.now);
  if (options.json) console.log(JSON.stringify(providersReport(snapshot, live), null, 2));
  else console.log(renderProvidersTable(snapshot, live));
}

export function registerProvidersCommand(program: Command): void {
  program
    .command('providers')
    .description(
      'List the configured providers, their keys (as short hashes) and, if the proxy runs, live key health',
    )
    .option('--config <file>', 'TOML config file to use instead of ./vandamme-config.toml')
    .option('--json', 'print the list as JSON')
    .action((options: ProvidersOptions) => providers(options));
}
