import type { Command } from 'commander';
import { cliConfigSources } from './cli-config-sources.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
import type { ConfigSnapshot } from '../config/model.js';
import { describeRoutingError } from '../core/routing/describe-routing-error.js';
import { formatTrace } from '../core/routing/format-trace.js';
import type { Resolution } from '../core/routing/model.js';
import { resolveModel } from '../core/routing/resolve-model.js';
import { routingContextOf } from '../core/routing/routing-context.js';

interface ResolveOptions {
  readonly config?: string;
  readonly json?: boolean;
}

function asJson(requested: string, res: Resolution): string {
  const body = res.ok
    ? { requested, ok: true, provider: res.provider, model: res.model, trace: res.trace }
    : {
        requested,
        ok: false,
        error: { ...res.error, message: describeRoutingError(res.error) },
        trace: res.trace,
      };
  return JSON.stringify(body, null, 2);
}

/** Routing succeeds for partial providers too (the name is known); say that requests will still fail. */
function partialWarning(snapshot: ConfigSnapshot, res: Resolution): string | undefined {
  if (!res.ok) return undefined;
  const status = snapshot.providers.get(res.provider)?.status;
  return status?.kind === 'partial'
    ? `warning: provider ${res.provider} is not ready (${status.reason}); requests to it will fail until that is fixed.`
    : undefined;
}

function printResolution(snapshot: ConfigSnapshot, res: Resolution): void {
  // The error step repeats the message printed to stderr below.
  for (const line of formatTrace(res.trace.filter((s) => s.rule !== 'error'))) console.log(line);
  if (!res.ok) {
    console.error(`vdm resolve: ${describeRoutingError(res.error)}`);
    return;
  }
  const warning = partialWarning(snapshot, res);
  if (warning) console.error(warning);
  // Last line alone, so scripts can take it with `tail -n 1`.
  console.log(`${res.provider}:${res.model}`);
}

async function resolve(requested: string, options: ResolveOptions): Promise<void> {
  const loaded = loadConfig(await cliConfigSources(options.config));
  if (!loaded.ok) {
    for (const issue of loaded.error) console.error(formatConfigIssue(issue));
    console.error('vdm resolve: the configuration has errors (above); fix them and run again.');
    process.exitCode = 1;
    return;
  }
  const res = resolveModel(requested, routingContextOf(loaded.value));
  if (options.json) console.log(asJson(requested, res));
  else printResolution(loaded.value, res);
  if (!res.ok) process.exitCode = 1;
}

export function registerResolveCommand(program: Command): void {
  program
    .command('resolve')
    .description(
      'Show where a model name is routed: each alias and provider decision, then provider:model',
    )
    .argument(
      '<model>',
      'model name as a client would send it (e.g. sonnet, openai:gpt-4o, !exact-id)',
    )
    .option('--config <file>', 'TOML config file to use instead of ./vandamme-config.toml')
    .option('--json', 'print the resolution as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  vdm resolve claude-haiku-4-5-20251001\n  vdm resolve openrouter:qwen/qwen3-coder:free --json\n',
    )
    .action((model: string, options: ResolveOptions) => resolve(model, options));
}
