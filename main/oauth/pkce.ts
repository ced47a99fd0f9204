import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
}

/** RFC 7636 section 4.1: 32 random octets, base64url, gives a 43-character verifier. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier) };
}

/** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 6749 section 10.12: an unguessable `state` binds the callback to this sign-in. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
