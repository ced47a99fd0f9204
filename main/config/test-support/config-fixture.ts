import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProviderName } from '../../../shared/domain/provider.js';
import { loadConfig } from '../load-config.js';
import type { ConfigIssue, ConfigSnapshot, ConfigSources, ProviderConfig } from '../model.js';

/** A throwaway working directory and home, so tests never read the real ones or `process.env`. */
export interface Project {
  readonly root: string;
  readonly cwd: string;
  readonly home: string;
  /** Writes `text` at `relative` under the root (parents created) and returns the absolute path. */
  write(relative: string, text: string): string;
  sources(extra?: Partial<ConfigSources>): ConfigSources;
}

const roots: string[] = [];

export function tempProject(): Project {
  const root = mkdtempSync(path.join(tmpdir(), 'vdm-config-'));
  roots.push(root);
  const cwd = path.join(root, 'work');
  const home = path.join(root, 'home');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  return {
    root,
    cwd,
    home,
    write(relative, text) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    sources: (extra) => ({ env: {}, cwd, homeDir: home, platform: 'linux', ...extra }),
  };
}

export function removeProjects(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function loadOk(sources: ConfigSources): ConfigSnapshot {
  const result = loadConfig(sources);
  if (!result.ok) throw new Error(`expected a config, got issues: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function loadIssues(sources: ConfigSources): readonly ConfigIssue[] {
  const result = loadConfig(sources);
  if (result.ok) throw new Error('expected issues, got a config');
  return result.error;
}

export function providerOf(snapshot: ConfigSnapshot, name: string): ProviderConfig {
  const found = snapshot.providers.get(name as ProviderName);
  if (!found)
    throw new Error(`no provider ${name}; have ${[...snapshot.providers.keys()].join(', ')}`);
  return found;
}
