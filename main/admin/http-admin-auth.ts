import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppError } from '../../shared/domain/app-error.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compared by digest so neither the length nor a prefix of the token leaks through timing. */
function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/**
 * The admin API's checks beyond the server-wide Host guard (DNS rebinding): a page of another
 * origin must not drive it even if it learns the address, so a request that says it comes from
 * elsewhere (`Origin`, `Sec-Fetch-Site`) is refused before the token is even looked at, and there
 * are no CORS headers at all. Then the admin token that `vdm serve` printed.
 */
export function checkAdminRequest(
  headers: IncomingHttpHeaders,
  adminToken: string,
): { readonly status: number; readonly error: AppError } | undefined {
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  const sameOrigin =
    (origin === undefined || origin === `http://${headers.host ?? ''}`) &&
    (site === undefined || site === 'same-origin' || site === 'none');
  if (!sameOrigin) {
    return {
      status: 403,
      error: {
        kind: 'unauthorized',
        message: `The admin API only answers its own page; this request came from ${origin ?? `a ${site} site`}.`,
        fix: 'Open the admin UI at the address `vdm serve` printed.',
      },
    };
  }
  const presented = bearer(headers);
  if (presented === undefined || !tokenMatches(presented, adminToken)) {
    return {
      status: 401,
      error: {
        kind: 'unauthorized',
        message:
          presented === undefined ? 'The admin token is missing.' : 'The admin token is wrong.',
        fix: 'Open the one-click link `vdm serve` printed (it carries the token), or restart it for a new one.',
      },
    };
  }
  return undefined;
}
