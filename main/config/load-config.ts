import type { ProviderName } from '../../shared/domain/provider.js';
import { err, ok, type Result } from '../../shared/result.js';
import { chooseDefaultProvider } from './default-provider.js';
import type {
  AliasEntry,
  AliasTable,
  ConfigIssue,
  ConfigSnapshot,
  ConfigSources,
  ProviderConfig,
} from './model.js';
import { orphanSectionNotices, providerExists } from './provider-existence.js';
import type { RawLayer } from './raw-layer.js';
import { readLayers } from './read-layers.js';
import { resolveGlobals } from './resolve-globals.js';
import { resolveProvider } from './resolve-provider.js';

/** `[defaults.aliases]` merged per entry, highest layer first. */
function defaultAliases(layers: readonly RawLayer[]): AliasTable {
  const table: Record<string, AliasEntry> = {};
  for (const layer of layers) {
    for (const [name, entry] of layer.defaultAliases) {
      if (!(name in table)) table[name] = { target: entry.value, source: entry.source };
    }
  }
  return table;
}

/**
 * Builds the effective configuration from every layer of CONFIG.md (environment > `.env` > local
 * file > user file > app settings > package presets). Reads files but changes nothing, so it can
 * be called again on every change. Returns every problem found, not just the first; a provider
 * that is merely incomplete ("partial") is not a problem, it is listed with its reason.
 */
export function loadConfig(sources: ConfigSources): Result<ConfigSnapshot, readonly ConfigIssue[]> {
  const stack = readLayers(sources);
  const issues: ConfigIssue[] = [...stack.issues];
  const notices: string[] = [...stack.notices];
  const g = resolveGlobals(stack.layers, {
    env: sources.env,
    homeDir: sources.homeDir,
    cwd: sources.cwd,
    platform: sources.platform ?? process.platform,
  });
  issues.push(...g.issues);
  const providers = new Map<ProviderName, ProviderConfig>();
  for (const name of stack.candidates) {
    if (!providerExists(name, stack.layers, g.defaultProvider?.value)) {
      notices.push(...orphanSectionNotices(name, stack.layers));
      continue;
    }
    const read = resolveProvider({
      name,
      layers: stack.layers,
      globalHeaders: stack.globalHeaders,
      globals: g.globals,
      globalSources: g.sources,
    });
    providers.set(name, read.config);
    issues.push(...read.issues);
    notices.push(...read.notices);
  }
  const defaultProvider = chooseDefaultProvider(g.defaultProvider, providers);
  if (defaultProvider.kind !== 'configured') notices.push(defaultProvider.reason);
  if (issues.length > 0) return err(issues);
  return ok({
    globals: g.globals,
    globalSources: g.sources,
    providers,
    defaultProvider,
    defaultAliases: defaultAliases(stack.layers),
    notices,
    files: stack.files,
  });
}
