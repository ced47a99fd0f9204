/**
 * A Responses reasoning item's `encrypted_content` rides to the client in the thinking block's
 * `signature` and comes back with the next turn's history: with `store: false` the upstream keeps
 * nothing, so the item must be sent back whole (openai-responses-stream-tools.txt notes). It is bound
 * to the provider/account that made it (TRANSLATION.md "State that cannot move between providers"),
 * so the provider's name is sealed in with it and a signature made elsewhere is never sent.
 */
const PREFIX = 'vdm-responses-v1.';

interface Sealed {
  readonly p: string;
  readonly e: string;
}

export function sealReasoning(provider: string, encryptedContent: string): string {
  const sealed: Sealed = { p: provider, e: encryptedContent };
  return PREFIX + Buffer.from(JSON.stringify(sealed), 'utf8').toString('base64url');
}

/** The encrypted content when `signature` is ours and made by `provider`; otherwise undefined. */
export function unsealReasoning(
  signature: string | undefined,
  provider: string,
): string | undefined {
  if (signature === undefined || !signature.startsWith(PREFIX)) return undefined;
  try {
    const decoded = Buffer.from(signature.slice(PREFIX.length), 'base64url').toString('utf8');
    const sealed = JSON.parse(decoded) as Partial<Sealed>;
    return sealed.p === provider && typeof sealed.e === 'string' ? sealed.e : undefined;
  } catch {
    return undefined;
  }
}
