import { describe, expect, it } from 'vitest';
import { chunkErrorToProxyError } from './stream-error.js';

describe('chunkErrorToProxyError', () => {
  it('is a 500 upstream-http error keeping the upstream words', () => {
    expect(
      chunkErrorToProxyError(
        { message: 'oops', type: 'server_error', param: null, code: null },
        'openai',
      ),
    ).toEqual({
      kind: 'upstream-http',
      provider: 'openai',
      status: 500,
      upstreamType: 'server_error',
      upstreamCode: undefined,
      message: 'oops',
      retryAfterMs: undefined,
      quota: false,
    });
  });

  it.each([
    [{ message: 'm', code: 'rate_limit_exceeded' }, 429],
    [{ message: 'm', code: 'context_length_exceeded' }, 400],
    [{ message: 'm', code: 429, status: 'RESOURCE_EXHAUSTED' }, 429],
    [{ message: 'm', code: '503' }, 503],
    [{ message: 'm', code: 'something_new' }, 500],
  ])('takes the status from %j', (error, status) => {
    expect(chunkErrorToProxyError(error, 'p')).toMatchObject({ status });
  });

  it('marks insufficient_quota as quota and handles a bare string error', () => {
    expect(chunkErrorToProxyError({ message: 'm', code: 'insufficient_quota' }, 'p')).toMatchObject(
      {
        status: 429,
        quota: true,
      },
    );
    expect(chunkErrorToProxyError('model crashed', 'ollama')).toMatchObject({
      status: 500,
      message: 'model crashed',
    });
  });
});
