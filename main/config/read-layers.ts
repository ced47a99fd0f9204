import type { ProviderName } from '../../shared/domain/provider.js';
import { dotenvPath, localConfigPath, userConfigPath } from './config-paths.js';
import { documentToLayer, isTable } from './document-layer.js';
import { envLayer, envProviderNames } from './env-layer.js';
import { mergeEnv, readDotenvFile } from './env-vars.js';
import type { ConfigIssue, ConfigSources } from './model.js';
import { findPackageDefaults, packageDefaultsCandidates } from './package-defaults.js';
import type { LayerRead, RawHeader, RawLayer, Sourced } from './raw-layer.js';
import { readTomlLayer } from './toml-file.js';

export interface LayerStack {
  /** Highest first: env, local, user, app, defaults (those that were found). */
  readonly layers: readonly RawLayer[];
  readonly globalHeaders: ReadonlyMap<string, Sourced<RawHeader>>;
  /** Every provider name any layer mentions; which of them exist is decided later. */
  readonly candidates: readonly ProviderName[];
  readonly files: readonly string[];
  readonly issues: readonly ConfigIssue[];
  readonly notices: readonly string[];
}

/**
 * The window's keys live in the secret store, not in settings.json; they join the app layer as
 * each provider's `api-key`, with the store as their source, so precedence stays one rule.
 */
function withSecrets(
  document: Readonly<Record<string, unknown>>,
  secrets: ConfigSources['appSecrets'],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...document };
  for (const [name, keys] of Object.entries(secrets?.providerKeys ?? {})) {
    if (keys.length === 0) continue;
    const section = merged[name];
    merged[name] = { ...(isTable(section) ? section : {}), 'api-key': keys.join(' ') };
  }
  return merged;
}

function readAppLayer(sources: ConfigSources): LayerRead {
  const secrets = sources.appSecrets;
  if (!sources.appSettings && !secrets) return { layer: undefined, issues: [], notices: [] };
  const file = sources.appSettingsPath ?? 'app settings';
  const where = (path: readonly string[]) =>
    secrets && path.length === 2 && path[1] === 'api-key'
      ? secrets.where
      : `${file}#${path.join('.')}`;
  const read = documentToLayer(withSecrets(sources.appSettings ?? {}, secrets), 'app', where);
  if (!read.layer || secrets?.clientToken === undefined) return read;
  // The client token is env-only in files (a secret has no place in settings.json); from the
  // secret store it is fine.
  const defaults = new Map(read.layer.defaults);
  defaults.set('proxy-api-key', {
    value: secrets.clientToken,
    source: { layer: 'app', where: secrets.where },
  });
  return { ...read, layer: { ...read.layer, defaults } };
}

function readDefaultsLayer(): { read: LayerRead; file: string } {
  const candidates = packageDefaultsCandidates();
  const found = findPackageDefaults(candidates);
  if (found) return { read: readTomlLayer(found, 'defaults', true), file: found };
  const file = candidates[0] ?? 'defaults.toml';
  const message = `the package's provider presets are missing (looked in ${candidates.join(' and ')}); reinstall vandamme-desktop`;
  return {
    read: { layer: undefined, issues: [{ kind: 'unreadable-file', file, message }], notices: [] },
    file,
  };
}

/** Reads every layer CONFIG.md names, each into the common shape, collecting all problems. */
export function readLayers(sources: ConfigSources): LayerStack {
  const envFile = dotenvPath(sources.cwd);
  const localFile = localConfigPath(sources.cwd, sources.configFile);
  const userFile = userConfigPath(sources.env, sources.homeDir);
  const dotenv = readDotenvFile(envFile);
  const vars = mergeEnv(sources.env, envFile, dotenv.read);
  const defaults = readDefaultsLayer();
  const fileReads = [
    readTomlLayer(localFile, 'local', sources.configFile !== undefined),
    readTomlLayer(userFile, 'user', false),
    readAppLayer(sources),
    defaults.read,
  ];
  const fileLayers = fileReads.flatMap((r) => r.layer ?? []);
  const candidates = new Set<ProviderName>(envProviderNames(vars));
  for (const layer of fileLayers) for (const name of layer.providers.keys()) candidates.add(name);
  const env = envLayer(vars, candidates);
  const files = [
    envFile,
    localFile,
    userFile,
    ...(sources.appSettingsPath ? [sources.appSettingsPath] : []),
    defaults.file,
  ];
  return {
    layers: [env.layer, ...fileLayers],
    globalHeaders: env.globalHeaders,
    candidates: [...candidates].sort(),
    files,
    issues: [
      ...(dotenv.issue ? [dotenv.issue] : []),
      ...env.issues,
      ...fileReads.flatMap((r) => r.issues),
    ],
    notices: [...(sources.notices ?? []), ...fileReads.flatMap((r) => r.notices)],
  };
}
