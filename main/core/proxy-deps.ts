import type { RequestHandler } from 'express';
import type { ConfigSnapshot } from '../config/model.js';
import type { ActivityLog } from './activity/activity-log.js';
import type { Clock } from './clock.js';
import type { UpstreamAgents } from './http/upstream-agents.js';
import type { KeyRegistry } from './keys/key-registry.js';
import type { Logger } from './logging/logger.js';
import type { ProxyMetrics } from './metrics/proxy-metrics.js';
import type { OAuthCredentials } from './oauth-credentials.js';
import type { ThoughtSignatures } from './translate/openai-chat/thought-signatures.js';

/** What the proxy server is built from: the composition root makes these once (STYLE.md). */
export interface ProxyDeps {
  /** The current config; read once per request, so a reload never changes a request midway. */
  readonly config: () => ConfigSnapshot;
  readonly keys: KeyRegistry;
  readonly agents: UpstreamAgents;
  readonly logger: Logger;
  readonly metrics: ProxyMetrics;
  readonly activity: ActivityLog;
  readonly clock: Clock;
  readonly random: () => number;
  readonly version: string;
  /** Host names accepted besides IP literals and localhost (DNS-rebinding guard). */
  readonly allowedHosts: readonly string[];
  /** A translated stream whose upstream is silent this long gets a ping (TRANSLATION.md: ~10 s). */
  readonly pingIntervalMs: number;
  /** Gemini thought signatures seen on tool calls, echoed on the next turn. */
  readonly thoughtSignatures: ThoughtSignatures;
  /** The headless shell's admin API and UI, mounted behind the Host guard (not part of the core). */
  readonly extraRoutes?: RequestHandler;
  /** Signed-in tokens for OAuth providers (absent: they answer "sign in first"). */
  readonly oauth?: OAuthCredentials;
}
