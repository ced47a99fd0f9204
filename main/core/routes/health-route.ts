import type { Request, Response } from 'express';
import type { ConfigSnapshot } from '../../config/model.js';
import type { KeyRegistry } from '../keys/key-registry.js';
import type { ProxyDeps } from '../proxy-deps.js';

/** Health for people and scripts (`vdm providers` reads it): state and key hints, no secrets. */
export function healthReport(
  snapshot: ConfigSnapshot,
  keys: KeyRegistry,
  version: string,
  startedAt: number,
  now: number,
) {
  const providers = [...snapshot.providers.values()].map((p) => ({
    name: p.name,
    status: p.status.kind,
    reason: p.status.kind === 'partial' ? p.status.reason : undefined,
    format: p.apiFormat,
    authMode: p.authMode,
    baseUrl: p.baseUrl,
    keys: keys.healthOf(p.name),
  }));
  const ready = providers.filter((p) => p.status === 'ready');
  const usable = ready.some(
    (p) =>
      p.authMode !== 'api_key' ||
      p.keys.length === 0 ||
      p.keys.some((k) => k.status.kind !== 'invalid'),
  );
  const status = providers.length === 0 ? 'no-providers' : usable ? 'ok' : 'degraded';
  const dp = snapshot.defaultProvider;
  return {
    status,
    version,
    uptimeSeconds: Math.round((now - startedAt) / 1000),
    defaultProvider: dp.kind === 'none' ? null : dp.name,
    defaultProviderNote: dp.kind === 'configured' ? undefined : dp.reason,
    providers,
  };
}

export function healthRoute(deps: ProxyDeps, startedAt: number) {
  return (_req: Request, res: Response): void => {
    res.json(healthReport(deps.config(), deps.keys, deps.version, startedAt, deps.clock.now()));
  };
}
