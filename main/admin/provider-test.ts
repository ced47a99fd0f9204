import { request } from 'undici';
import type { AdminParsedInput } from '../../shared/admin/contract.js';
import { toProviderName } from '../../shared/domain/provider.js';
import { err, ok } from '../../shared/result.js';
import type { AdminContext } from './admin-context.js';
import { providerNotFound } from './admin-errors.js';
import type { Answer } from './answer.js';

/** The alias Claude Code's small model goes through; most setups map it to something cheap. */
const DEFAULT_TEST_MODEL = 'haiku';
const TEST_TIMEOUT_MS = 30_000;

function textOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return String(body);
  const record = body as {
    content?: { type?: string; text?: string }[];
    error?: { message?: string };
  };
  if (record.error?.message) return record.error.message;
  const text = (record.content ?? []).filter((b) => b.type === 'text').map((b) => b.text ?? '');
  return text.join('').trim() || '(an empty reply)';
}

/**
 * "Test connection" sends a real one-line request through the running proxy itself, so it
 * exercises exactly what a client would: routing, the key pool, translation and the upstream.
 * The reply (or the upstream's error, already redacted by the proxy) is shown as is.
 */
export async function testProvider(
  ctx: AdminContext,
  input: AdminParsedInput<'providers.test'>,
): Answer<'providers.test'> {
  const name = toProviderName(input.name);
  const snapshot = ctx.config();
  if (!snapshot.providers.has(name))
    return err(providerNotFound(name, [...snapshot.providers.keys()]));
  const listening = ctx.listening();
  if (!listening) {
    return err({
      kind: 'conflict',
      message: 'The proxy is stopped, so the connection cannot be tested.',
      fix: 'Start the proxy (tray menu or Settings), then test again.',
    });
  }
  const model = `${name}:${input.model ?? DEFAULT_TEST_MODEL}`;
  const token = snapshot.globals.proxyApiKey;
  const started = ctx.clock.now();
  try {
    const response = await request(`${listening.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        ...(token ? { 'x-api-key': token } : {}),
        'x-vdm-connection-test': '1',
      },
      body: JSON.stringify({
        model,
        max_tokens: 16,
        messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      }),
      headersTimeout: TEST_TIMEOUT_MS,
      bodyTimeout: TEST_TIMEOUT_MS,
    });
    const body: unknown = await response.body.json().catch(() => '(no JSON in the reply)');
    return ok({
      ok: response.statusCode === 200,
      latencyMs: ctx.clock.now() - started,
      status: response.statusCode,
      model,
      answer: textOf(body),
    });
  } catch (error) {
    return ok({
      ok: false,
      latencyMs: ctx.clock.now() - started,
      status: null,
      model,
      answer: `The proxy did not answer: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
