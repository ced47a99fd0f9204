import { isIP } from 'node:net';
import { request } from 'undici';
import { z } from 'zod';
import type { KeyStatus } from '../../shared/domain/key-status.js';

export interface LiveKeyHealth {
  readonly hint: string;
  readonly hash: string;
  readonly status: KeyStatus;
}

export interface LiveProviderHealth {
  readonly name: string;
  readonly keys: readonly LiveKeyHealth[];
}

/** What `GET /health` of a running proxy said; undefined (elsewhere) means nothing answered. */
export type LiveHealth =
  | {
      readonly kind: 'running';
      readonly url: string;
      /** When the answer came, to turn cooldown ends into "12s left". */
      readonly checkedAt: number;
      readonly providers: readonly LiveProviderHealth[];
    }
  | { readonly kind: 'unreadable'; readonly url: string; readonly reason: string };

const keyStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('healthy') }),
  z.object({ kind: z.literal('invalid'), httpStatus: z.number(), since: z.number() }),
  z.object({ kind: z.literal('cooling-down'), until: z.number(), failures: z.number() }),
  z.object({ kind: z.literal('probing') }),
  z.object({ kind: z.literal('quota-exhausted'), until: z.number() }),
]);

const healthSchema = z.object({
  providers: z.array(
    z.object({
      name: z.string(),
      keys: z.array(z.object({ hint: z.string(), hash: z.string(), status: keyStatusSchema })),
    }),
  ),
});

/**
 * Where the configured proxy answers. A wildcard listen address is reached through loopback;
 * IPv6 literals need brackets in a URL.
 */
export function healthUrl(host: string, port: number): string {
  const reachable = host === '' || host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const inUrl = isIP(reachable) === 6 ? `[${reachable}]` : reachable;
  return `http://${inUrl}:${port}/health`;
}

/**
 * Asks a running proxy for its key health. Short timeout: `vdm providers` must stay instant when
 * nothing is listening. Undefined when nothing answered (connection refused, timeout).
 */
export async function fetchLiveHealth(
  url: string,
  timeoutMs: number,
  now: () => number,
): Promise<LiveHealth | undefined> {
  let text: string;
  let statusCode: number;
  try {
    const res = await request(url, {
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    statusCode = res.statusCode;
    text = await res.body.text();
  } catch {
    return undefined;
  }
  if (statusCode !== 200) return { kind: 'unreadable', url, reason: `HTTP ${statusCode}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', url, reason: 'the answer is not JSON' };
  }
  const parsed = healthSchema.safeParse(json);
  if (!parsed.success) return { kind: 'unreadable', url, reason: 'the answer is not vdm health' };
  return { kind: 'running', url, checkedAt: now(), providers: parsed.data.providers };
}
