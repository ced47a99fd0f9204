import type { Command } from 'commander';
import { cliConfig } from './cli-config-sources.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
import { fetchLiveHealth, healthUrl } from './providers-live-health.js';
import { providersReport, type SignInLookup } from './providers-report.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ConfigSnapshot } from '../config/model.js';
import { oauthStatusOf } from '../admin/oauth-status.js';
import { readTokens } from '../oauth/stored-tokens.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { renderProvidersTable } from './providers-table.js';

interface ProvidersOptions {
  readonly config?: string;
  readonly json?: boolean;
}

/** The lock badges' state: each OAuth provider's stored sign-in (expiry and account only). */
async function readSignIns(
  snapshot: ConfigSnapshot,
  store: SecretStore | undefined,
): Promise<SignInLookup> {
  const names = [...snapshot.providers.values()].filter((p) => p.authMode === 'oauth');
  if (names.length === 0 || !store) return () => undefined;
  const statuses = new Map<string, OAuthStatus>();
  for (const provider of names) {
    const tokens = await readTokens(store, provider.name);
    if (tokens.ok) statuses.set(provider.name, oauthStatusOf(tokens.value, Date.now()));
  }
  return (name) => statuses.get(name);
}

/** A proxy on loopback answers in a few ms; longer means nothing useful is listening. */
const HEALTH_TIMEOUT_MS = 300;

async function providers(options: ProvidersOptions): Promise<void> {
  const cli = await cliConfig(options.config);
  const loaded = loadConfig(cli.sources);
  if (!loaded.ok) {
    for (const issue of loaded.error) console.error(formatConfigIssue(issue));
    console.error('vdm providers: the configuration has errors (above); fix them and run again.');
    process.exitCode = 1;
    return;
  }
  const snapshot = loaded.value;
  const url = healthUrl(snapshot.globals.host, snapshot.globals.port);
  const [live, signIn] = await Promise.all([
    fetchLiveHealth(url, HEALTH_TIMEOUT_MS, Date.now),
    readSignIns(snapshot, cli.secrets.store),
  ]);
  if (options.json) console.log(JSON.stringify(providersReport(snapshot, live, signIn), null, 2));
  else console.log(renderProvidersTable(snapshot, live, signIn));
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
