import type { ProxyError, ProxyErrorKind } from '../proxy-error.js';

type Samples = { readonly [K in ProxyErrorKind]: Extract<ProxyError, { kind: K }> };

/** One error of every kind: a new kind fails to compile here until it has a sample (and tests). */
export const SAMPLE_ERRORS: Samples = {
  'invalid-request': {
    kind: 'invalid-request',
    message: 'max_tokens: Expected number, received string. Send an integer.',
  },
  'client-unauthorized': { kind: 'client-unauthorized' },
  'oauth-not-signed-in': {
    kind: 'oauth-not-signed-in',
    provider: 'chatgpt',
    message: 'Not signed in to ChatGPT',
    fix: 'Sign in: vdm oauth login chatgpt, or the Sign in button in the window',
  },
  'forbidden-host': { kind: 'forbidden-host', host: 'evil.example:8082' },
  'body-too-large': { kind: 'body-too-large', limitBytes: 32 * 1024 * 1024 },
  'not-found': { kind: 'not-found', method: 'GET', path: '/v1/nope' },
  routing: { kind: 'routing', error: { kind: 'no-provider' }, model: 'sonnet' },
  'provider-unconfigured': {
    kind: 'provider-unconfigured',
    provider: 'azure',
    reason: 'base-url is missing',
  },
  'conversion-unsupported': {
    kind: 'conversion-unsupported',
    provider: 'openai',
    message:
      'Provider "openai" speaks the openai API format; translating Anthropic Messages to it is not yet supported.',
  },
  'no-healthy-key': {
    kind: 'no-healthy-key',
    provider: 'openai',
    retryAfterMs: 17_000,
    allInvalid: false,
    detail: '…aaaa rate-limited, …bbbb invalid',
  },
  'upstream-http': {
    kind: 'upstream-http',
    provider: 'anthropic',
    status: 529,
    upstreamType: 'overloaded_error',
    upstreamCode: undefined,
    message: 'Overloaded',
    retryAfterMs: undefined,
    quota: false,
  },
  'upstream-network': {
    kind: 'upstream-network',
    provider: 'ollama',
    code: 'ECONNREFUSED',
    message: 'ollama: connection refused (ECONNREFUSED).',
  },
  'upstream-timeout': {
    kind: 'upstream-timeout',
    provider: 'openai',
    phase: 'headers',
    timeoutMs: 90_000,
  },
  'client-aborted': { kind: 'client-aborted' },
  internal: { kind: 'internal', message: 'The proxy hit an unexpected error; see its log.' },
};

export const ALL_SAMPLES: readonly ProxyError[] = Object.values(SAMPLE_ERRORS);

/** An upstream-http error with the given overrides. */
export function upstreamHttp(
  overrides: Partial<Extract<ProxyError, { kind: 'upstream-http' }>>,
): ProxyError {
  return { ...SAMPLE_ERRORS['upstream-http'], ...overrides };
}
