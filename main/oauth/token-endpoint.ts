import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import { redact } from '../secrets/secret-errors.js';
import type { FetchLike } from './oauth-deps.js';
import { network, tokenEndpoint, type OAuthError } from './oauth-errors.js';

/** RFC 6749 section 5.1 (and OIDC Core 3.1.3.3 for id_token). */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
  scope: z.string().optional(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** RFC 6749 section 5.2. */
const errorResponseSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** Raw form post for endpoints whose answers the caller interprets (the device poll). */
export interface FormAnswer {
  readonly status: number;
  readonly body: unknown;
}

export function postForm(
  fetchFn: FetchLike,
  url: string,
  form: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<Result<FormAnswer, OAuthError>> {
  // RFC 6749 section 4.1.3: form-encoded request body; we ask for JSON back.
  const body = new URLSearchParams(form).toString();
  return post(fetchFn, url, body, 'application/x-www-form-urlencoded', signal);
}

/** For the few non-standard endpoints that take JSON (Codex device auth). */
export function postJson(
  fetchFn: FetchLike,
  url: string,
  payload: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<Result<FormAnswer, OAuthError>> {
  return post(fetchFn, url, JSON.stringify(payload), 'application/json', signal);
}

async function post(
  fetchFn: FetchLike,
  url: string,
  body: string,
  contentType: string,
  signal: AbortSignal | undefined,
): Promise<Result<FormAnswer, OAuthError>> {
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body,
      ...(signal ? { signal } : {}),
    });
    const text = await response.text();
    return ok({ status: response.status, body: parseJson(text) });
  } catch (cause) {
    // Classify by stable code (undici `UND_ERR_*`, `ECONNREFUSED`), never by message text.
    return err(network(new URL(url).host, errorCode(cause)));
  }
}

/** Token request of any grant: a success parsed, or the OAuth error answered (no token in it). */
export async function requestTokens(
  fetchFn: FetchLike,
  url: string,
  form: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
): Promise<Result<TokenResponse, OAuthError>> {
  const answer = await postForm(fetchFn, url, form, signal);
  if (!answer.ok) return answer;
  return interpretTokenAnswer(answer.value, Object.values(form));
}

/**
 * `sent` are the values we posted (code, verifier, refresh token): a server that echoes one in its
 * error_description must not get it into a message.
 */
export function interpretTokenAnswer(
  answer: FormAnswer,
  sent: readonly string[],
): Result<TokenResponse, OAuthError> {
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = tokenResponseSchema.safeParse(answer.body);
    if (parsed.success) return ok(parsed.data);
    return err(tokenEndpoint(answer.status, undefined, 'the answer was not a token response'));
  }
  const oauthError = oauthErrorOf(answer.body);
  const description =
    oauthError?.description === undefined ? undefined : redact(oauthError.description, sent);
  return err(tokenEndpoint(answer.status, oauthError?.code, description));
}

export function oauthErrorOf(
  body: unknown,
): { readonly code: string; readonly description: string | undefined } | undefined {
  const parsed = errorResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { code: parsed.data.error, description: parsed.data.error_description };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const own = (cause as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const inner = (cause as { cause?: unknown }).cause;
  if (typeof inner === 'object' && inner !== null) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  if ((cause as { name?: unknown }).name === 'AbortError') return 'aborted';
  return undefined;
}
