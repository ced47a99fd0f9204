import { configSourcesFromProcess } from '../config/config-sources.js';
import { loadConfig } from '../config/load-config.js';
import type { ConfigSources } from '../config/model.js';
import { openAppSecrets } from '../secrets/app-secrets.js';

/**
 * What `vdm providers`, `vdm resolve` and `vdm config` read: the same layers as the server,
 * including the keys saved in the window (secret store), so a provider added in the UI is not
 * reported as keyless here. Without a usable store they are left out silently: `vdm serve` and the
 * UI are where the store's problem is explained.
 */
export async function cliConfigSources(configFile: string | undefined): Promise<ConfigSources> {
  const sources = configSourcesFromProcess({ configFile });
  const first = loadConfig(sources);
  if (!first.ok) return sources;
  const { secretStore, vdmHome } = first.value.globals;
  const secrets = await openAppSecrets(secretStore, vdmHome);
  return secrets.unavailable ? sources : { ...sources, appSecrets: secrets.snapshot() };
}
