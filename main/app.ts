import type { RequestHandler } from 'express';
import type { ConfigSnapshot } from './config/model.js';
import type { OAuthCredentials } from './core/oauth-credentials.js';
import { ActivityLog } from './core/activity/activity-log.js';
import { systemClock, type Clock } from './core/clock.js';
import { UpstreamAgents, type AgentFactory } from './core/http/upstream-agents.js';
import { KeyRegistry } from './core/keys/key-registry.js';
import type { KeyPolicy } from './core/keys/model.js';
import { createLogger, type Logger } from './core/logging/logger.js';
import { ProxyMetrics } from './core/metrics/proxy-metrics.js';
import { ThoughtSignatures } from './core/translate/openai-chat/thought-signatures.js';
import { createProxyServer, type ProxyServer } from './core/server.js';
import { VERSION } from './version.js';

export interface AppOptions {
  readonly config: ConfigSnapshot;
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly agentFactory?: AgentFactory;
  readonly allowedHosts?: readonly string[];
  /** Pings on silent translated streams; tests shorten it. */
  readonly pingIntervalMs?: number;
  /** Mounted behind the Host guard: the admin API and UI of the headless shell. */
  readonly extraRoutes?: RequestHandler;
  /** Signed-in tokens for OAuth providers. */
  readonly oauth?: OAuthCredentials;
}

export interface VdmApp {
  readonly server: ProxyServer;
  readonly keys: KeyRegistry;
  readonly activity: ActivityLog;
  readonly metrics: ProxyMetrics;
  readonly logger: Logger;
  config(): ConfigSnapshot;
  /** Swaps in a reloaded config: requests already running keep the snapshot they started with. */
  applyConfig(next: ConfigSnapshot): void;
  close(drainMs?: number): Promise<void>;
}

function keyPolicy(config: ConfigSnapshot): KeyPolicy {
  const g = config.globals;
  return {
    cooldownDefaultMs: g.cooldownDefaultMs,
    cooldownMaxMs: g.cooldownMaxMs,
    quotaCooldownMs: g.quotaCooldownMs,
  };
}

/** The composition root shared by `vdm serve`, the desktop shell and the tests (STYLE.md). */
export function createApp(options: AppOptions): VdmApp {
  let current = options.config;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(current.globals.logLevel);
  const keys = new KeyRegistry(keyPolicy(current), clock);
  keys.sync(current.providers);
  const agents = new UpstreamAgents(options.agentFactory);
  const activity = new ActivityLog();
  const metrics = new ProxyMetrics();
  const server = createProxyServer({
    config: () => current,
    keys,
    agents,
    logger,
    metrics,
    activity,
    clock,
    random: options.random ?? Math.random,
    version: VERSION,
    allowedHosts: options.allowedHosts ?? [],
    pingIntervalMs: options.pingIntervalMs ?? 10_000,
    thoughtSignatures: new ThoughtSignatures(),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.oauth ? { oauth: options.oauth } : {}),
  });
  return {
    server,
    keys,
    activity,
    metrics,
    logger,
    config: () => current,
    applyConfig(next) {
      current = next;
      keys.setPolicy(keyPolicy(next));
      keys.sync(next.providers);
      agents.retain(new Set(next.providers.keys()));
      logger.level = next.globals.logLevel;
    },
    async close(drainMs) {
      await server.close(drainMs);
      await agents.close();
    },
  };
}
