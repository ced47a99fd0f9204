export const REDACTED = '[REDACTED]';

/**
 * Key shapes that upstreams echo back in error messages: OpenAI/Anthropic/OpenRouter/DeepSeek
 * `sk-…`, Stripe-style `sk_…`/`rk_…`, Groq `gsk_…`, xAI `xai-…`, Perplexity `pplx-…`, Google `AIza…`.
 * OpenAI masks the middle ("sk-test-****0000"), which is still too much of a key to repeat.
 */
const KEY_SHAPED = /\b(?:sk|rk|gsk|xai|pplx)[-_][A-Za-z0-9*._-]{6,}|\bAIza[0-9A-Za-z_-]{10,}/g;
/** Anything masked with asterisks ("abc***xyz"): only keys get masked like that. */
const MASKED = /[A-Za-z0-9_.-]*\*{3,}[A-Za-z0-9_.*-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Candidates for a partial echo of one of our keys (a prefix or suffix long enough to matter). */
const TOKEN = /[A-Za-z0-9_+/=.-]{8,}/g;

/**
 * Removes key material from text that will reach a client, a log or the Activity view: each of
 * `secrets` verbatim, partial echoes of them, and anything shaped like a key even if it is not
 * ours (an upstream may echo a key the client sent in passthrough mode).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const ours = [...new Set(secrets.filter((s) => s.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const secret of ours) out = out.split(secret).join(REDACTED);
  out = out.replace(BEARER, `$1 ${REDACTED}`);
  out = out.replace(
    KEY_SHAPED,
    sparingPeriods(() => true),
  );
  out = out.replace(
    MASKED,
    sparingPeriods(() => true),
  );
  return out.replace(
    TOKEN,
    sparingPeriods((token) => ours.some((secret) => secret.includes(token))),
  );
}

/** Token patterns admit `.` (JWTs, some keys); a sentence's full stop after a token is not part of it. */
function sparingPeriods(redact: (token: string) => boolean): (match: string) => string {
  return (match) => {
    const token = match.replace(/\.+$/, '');
    if (token === '' || !redact(token)) return match;
    return REDACTED + match.slice(token.length);
  };
}
