import { isIP } from 'node:net';

/**
 * DNS-rebinding guard: a browser tricked into calling us through an attacker's domain sends that
 * domain in `Host`. Only IP literals, `localhost` and explicitly allowed names pass; a name resolves
 * to whatever its owner likes, an IP literal cannot be rebound.
 */
export function isAllowedHost(
  hostHeader: string | undefined,
  allowedNames: readonly string[],
): boolean {
  if (!hostHeader) return false;
  const hostname = hostnameOf(hostHeader).toLowerCase();
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (isIP(hostname) !== 0) return true;
  return allowedNames.some((name) => name.toLowerCase() === hostname);
}

function hostnameOf(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(1, end);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
