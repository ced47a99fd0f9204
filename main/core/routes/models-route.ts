import type { Request, Response } from 'express';
import type { ConfigSnapshot } from '../../config/model.js';
import type { ProxyDeps } from '../proxy-deps.js';

interface ListedModel {
  readonly id: string;
  readonly target: string;
}

/**
 * The names a client can send that we know of: every alias (provider-scoped as `p:alias`, the
 * default provider's and `[defaults.aliases]` also bare). Upstream catalogues are not fetched:
 * that would spend the user's keys and time on every client start.
 */
export function listedModels(snapshot: ConfigSnapshot): ListedModel[] {
  const out = new Map<string, string>();
  const dp = snapshot.defaultProvider.kind === 'none' ? undefined : snapshot.defaultProvider.name;
  for (const [name, entry] of Object.entries(snapshot.defaultAliases)) out.set(name, entry.target);
  for (const provider of snapshot.providers.values()) {
    if (provider.status.kind !== 'ready') continue;
    for (const [name, entry] of Object.entries(provider.aliases)) {
      const target = entry.target.includes(':') ? entry.target : `${provider.name}:${entry.target}`;
      out.set(`${provider.name}:${name}`, target);
      if (provider.name === dp) out.set(name, target);
    }
  }
  return [...out].map(([id, target]) => ({ id, target })).sort((a, b) => a.id.localeCompare(b.id));
}

/** GET /v1/models: Anthropic's shape for Anthropic clients (they send anthropic-version), OpenAI's otherwise. */
export function modelsRoute(deps: ProxyDeps, startedAt: number) {
  return (req: Request, res: Response): void => {
    const models = listedModels(deps.config());
    if (req.headers['anthropic-version']) {
      const created = new Date(startedAt).toISOString();
      const data = models.map((m) => ({
        type: 'model',
        id: m.id,
        display_name: `${m.id} -> ${m.target}`,
        created_at: created,
      }));
      res.json({
        data,
        has_more: false,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
      });
      return;
    }
    const created = Math.floor(startedAt / 1000);
    res.json({
      object: 'list',
      data: models.map((m) => ({
        id: m.id,
        object: 'model',
        created,
        owned_by: m.target.split(':')[0] ?? 'vandamme',
      })),
    });
  };
}
