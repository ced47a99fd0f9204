import {
  baseSourcesFromProcess,
  configSourcesFromProcess,
  secretStoreKindOf,
  vdmHomeOf,
  type BaseSources,
} from '../config/config-sources.js';
import type { ConfigSources } from '../config/model.js';
import { openAppSecrets, type AppSecrets } from '../secrets/app-secrets.js';

export interface CliConfig {
  readonly base: BaseSources;
  readonly sources: ConfigSources;
  /** The opened secret store (keys, and for sign-in its tokens); may be unavailable. */
  readonly secrets: AppSecrets;
}

/**
 * What `vdm providers`, `vdm resolve`, `vdm config` and `vdm oauth` read: the same layers as the
 * server, including the keys saved in the window (secret store), so a provider added in the UI is
 * not reported as keyless here. The store is opened once. Without a usable store the window's keys
 * are left out silently: `vdm serve` and the UI are where the store's problem is explained.
 */
export async function cliConfig(configFile: string | undefined): Promise<CliConfig> {
  const base = baseSourcesFromProcess({ configFile });
  const sources = configSourcesFromProcess({ configFile });
  const secrets = await openAppSecrets(secretStoreKindOf(base), vdmHomeOf(base));
  return {
    base,
    sources: secrets.unavailable ? sources : { ...sources, appSecrets: secrets.snapshot() },
    secrets,
  };
}

export async function cliConfigSources(configFile: string | undefined): Promise<ConfigSources> {
  return (await cliConfig(configFile)).sources;
}
