import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { cliConfigSources } from './cli-config-sources.js';
import { describeConfig, type ConfigEntry } from '../config/describe-config.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
import type {
  ConfigIssue,
  ConfigSnapshot,
  ConfigSources,
  DefaultProviderChoice,
} from '../config/model.js';

/** What the commands touch outside themselves; tests pass their own sources and capture output. */
export interface ConfigCommandDeps {
  readonly readSources: (configFile: string | undefined) => ConfigSources | Promise<ConfigSources>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const processDeps: ConfigCommandDeps = {
  readSources: (configFile) => cliConfigSources(configFile),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
};

interface ShowOptions {
  readonly config?: string;
  readonly json?: boolean;
}

const CONFIG_OPTION = [
  '--config <file>',
  'TOML file to use instead of ./vandamme-config.toml (must exist)',
] as const;

async function load(
  deps: ConfigCommandDeps,
  configFile: string | undefined,
): Promise<ConfigSnapshot | undefined> {
  const loaded = loadConfig(await deps.readSources(configFile));
  if (loaded.ok) return loaded.value;
  reportIssues(deps, loaded.error);
  return undefined;
}

function reportIssues(deps: ConfigCommandDeps, issues: readonly ConfigIssue[]): void {
  for (const issue of issues) deps.stderr(formatConfigIssue(issue));
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  deps.stderr(
    `config has ${count} (above); fix ${issues.length === 1 ? 'it' : 'them'} and run again.`,
  );
  process.exitCode = 1;
}

function describeDefault(dp: DefaultProviderChoice): string {
  switch (dp.kind) {
    case 'configured':
      return `${dp.name} (from ${dp.source.where})`;
    case 'fallback':
      return `${dp.name} (fallback)`;
    case 'none':
      return 'none';
  }
}

function table(entries: readonly ConfigEntry[]): string[] {
  const rows = [
    ['PATH', 'VALUE', 'LAYER', 'FROM'],
    ...entries.map((e) => [e.path, e.value, e.layer, e.where]),
  ];
  const widths = [0, 1, 2].map((col) =>
    Math.min(48, Math.max(...rows.map((r) => (r[col] ?? '').length))),
  );
  return rows.map((r) =>
    r
      .map((cell, col) => (col < 3 ? cell.padEnd(widths[col] ?? 0) : cell))
      .join('  ')
      .trimEnd(),
  );
}

function showText(deps: ConfigCommandDeps, s: ConfigSnapshot): void {
  for (const line of table(describeConfig(s))) deps.stdout(line);
  deps.stdout('');
  const providers = [...s.providers.values()].sort((a, b) => a.name.localeCompare(b.name));
  deps.stdout(providers.length === 0 ? 'Providers: none' : 'Providers:');
  for (const p of providers) {
    deps.stdout(
      `  ${p.name.padEnd(14)} ${p.status.kind === 'ready' ? 'ready' : `partial: ${p.status.reason}`}`,
    );
  }
  deps.stdout(`Default provider: ${describeDefault(s.defaultProvider)}`);
  deps.stdout('');
  deps.stdout('Files (+ read, - not present):');
  for (const file of s.files) deps.stdout(`  ${existsSync(file) ? '+' : '-'} ${file}`);
  if (s.notices.length > 0) {
    deps.stdout('');
    deps.stdout('Notes:');
    for (const notice of s.notices) deps.stdout(`  ${notice}`);
  }
}

function showJson(deps: ConfigCommandDeps, s: ConfigSnapshot): void {
  const report = {
    entries: describeConfig(s),
    providers: [...s.providers.values()].map((p) => ({ name: p.name, status: p.status })),
    defaultProvider: s.defaultProvider,
    notices: s.notices,
    files: s.files.map((path) => ({ path, exists: existsSync(path) })),
  };
  deps.stdout(JSON.stringify(report, null, 2));
}

async function show(deps: ConfigCommandDeps, options: ShowOptions): Promise<void> {
  const snapshot = await load(deps, options.config);
  if (!snapshot) return;
  if (options.json) showJson(deps, snapshot);
  else showText(deps, snapshot);
}

async function validate(
  deps: ConfigCommandDeps,
  options: { readonly config?: string },
): Promise<void> {
  const snapshot = await load(deps, options.config);
  if (!snapshot) return;
  const providers = [...snapshot.providers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const list = providers
    .map((p) => (p.status.kind === 'ready' ? p.name : `${p.name} [partial]`))
    .join(', ');
  const count = providers.length === 1 ? '1 provider' : `${providers.length} providers`;
  const dp = snapshot.defaultProvider;
  const defaultText = dp.kind === 'none' ? 'no default provider' : `default provider ${dp.name}`;
  deps.stdout(`config OK: ${count}${providers.length > 0 ? ` (${list})` : ''}, ${defaultText}`);
  for (const p of providers) {
    if (p.status.kind === 'partial')
      deps.stderr(`warning: provider ${p.name} is partial: ${p.status.reason}`);
  }
  for (const notice of snapshot.notices) deps.stderr(`note: ${notice}`);
}

const LAYERS_HELP = `
Layers, highest first: environment variables, ./.env, ./vandamme-config.toml (or --config),
~/.config/vandamme-proxy/vandamme-config.toml (XDG_CONFIG_HOME honoured), app settings
(settings.json in VDM_HOME), package presets (defaults.toml).`;

export function registerConfigCommand(
  program: Command,
  deps: ConfigCommandDeps = processDeps,
): void {
  const config = program
    .command('config')
    .description(
      'Inspect and check the configuration (environment, .env, TOML files, app settings, presets)',
    )
    .addHelpText('after', LAYERS_HELP);
  config
    .command('show')
    .description(
      'Print the effective configuration, each value with the layer and file:line or variable it came from (secrets masked)',
    )
    .option(...CONFIG_OPTION)
    .option('--json', 'print as JSON (entries, providers, default provider, notices, files)')
    .addHelpText('after', '\nExample:\n  vdm config show --config ./team.toml\n')
    .action((options: ShowOptions) => show(deps, options));
  config
    .command('validate')
    .description(
      'Check the configuration; exit 1 and list each problem with its file and line if it cannot be used',
    )
    .option(...CONFIG_OPTION)
    .addHelpText(
      'after',
      '\nIncomplete ("partial") providers are warnings, not errors: the server still starts without them.\n',
    )
    .action((options: { readonly config?: string }) => validate(deps, options));
}
