import { err, ok, type Result } from '../../../shared/result.js';
import type { ProxyError } from '../errors/proxy-error.js';

/** A translated answer must be JSON; anything else is the upstream's fault, said as such. */
export function parseUpstreamJson(body: Buffer, provider: string): Result<unknown, ProxyError> {
  try {
    return ok(JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    return err({
      kind: 'upstream-network',
      provider,
      code: 'BAD_JSON',
      message: `${provider} answered with a body that is not JSON.`,
    });
  }
}
