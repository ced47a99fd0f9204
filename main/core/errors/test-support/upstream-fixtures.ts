/**
 * Error responses copied from /work/shared/fixtures/protocol (bodies verbatim, headers that matter).
 * Keys in them are the fixtures' fakes.
 */
export interface UpstreamFixture {
  readonly name: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly bodyText: string;
}

const anthropic = (
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): UpstreamFixture => ({
  name: `anthropic ${status} ${type}`,
  status,
  headers: { 'content-type': 'application/json', ...headers },
  bodyText: JSON.stringify({
    type: 'error',
    error: { type, message },
    request_id: `req_test_${status}`,
  }),
});

/** anthropic-messages-error-midstream.txt, exchanges 2-12. */
export const ANTHROPIC_ERRORS: readonly UpstreamFixture[] = [
  anthropic(400, 'invalid_request_error', 'prompt is too long: 215342 tokens > 200000 maximum'),
  anthropic(401, 'authentication_error', 'invalid x-api-key'),
  anthropic(402, 'billing_error', "There's an issue with your billing or payment information."),
  anthropic(
    403,
    'permission_error',
    'Your API key does not have permission to use the specified resource.',
  ),
  anthropic(404, 'not_found_error', 'model: claude-sonnet-9-test'),
  {
    name: 'anthropic 413 request_too_large (Cloudflare)',
    status: 413,
    headers: { 'content-type': 'application/json', server: 'cloudflare' },
    bodyText: '{"error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}',
  },
  anthropic(
    429,
    'rate_limit_error',
    "This request would exceed your organization's rate limit of 2,000,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.",
    {
      'retry-after': '17',
      'x-should-retry': 'true',
      'anthropic-ratelimit-requests-remaining': '3998',
      'anthropic-ratelimit-requests-reset': '2026-08-20T10:16:00Z',
      'anthropic-ratelimit-input-tokens-remaining': '0',
      'anthropic-ratelimit-input-tokens-reset': '2026-08-20T10:16:17Z',
    },
  ),
  anthropic(500, 'api_error', 'Internal server error'),
  anthropic(
    504,
    'timeout_error',
    'The request timed out while processing. Consider using streaming for long requests.',
  ),
  anthropic(529, 'overloaded_error', 'Overloaded', { 'x-should-retry': 'true' }),
];

/** openai-chat-nonstream-and-errors.txt: 400, 401, 429 rate limit, 429 quota, 500 (pretty-printed as sent). */
export const OPENAI_400: UpstreamFixture = {
  name: 'openai 400 unsupported_parameter',
  status: 400,
  headers: { 'content-type': 'application/json' },
  bodyText: `{
  "error": {
    "message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    "type": "invalid_request_error",
    "param": "max_tokens",
    "code": "unsupported_parameter"
  }
}
`,
};

export const OPENAI_401: UpstreamFixture = {
  name: 'openai 401 invalid_api_key',
  status: 401,
  headers: { 'content-type': 'application/json' },
  bodyText: `{
  "error": {
    "message": "Incorrect API key provided: sk-test-********************************************0000. You can find your API key at https://platform.openai.com/account/api-keys.",
    "type": "invalid_request_error",
    "param": null,
    "code": "invalid_api_key"
  }
}
`,
};

export const OPENAI_429_RATE: UpstreamFixture = {
  name: 'openai 429 rate_limit_exceeded',
  status: 429,
  headers: {
    'content-type': 'application/json',
    'retry-after': '7',
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-remaining-requests': '497',
    'x-ratelimit-reset-requests': '360ms',
    'x-ratelimit-limit-tokens': '30000',
    'x-ratelimit-remaining-tokens': '4735',
    'x-ratelimit-reset-tokens': '6.57s',
  },
  bodyText: `{
  "error": {
    "message": "Rate limit reached for gpt-5-mini in organization org-test000000000000000000 on tokens per min (TPM): Limit 30000, Used 25265, Requested 8020. Please try again in 6.57s. Visit https://platform.openai.com/account/rate-limits to learn more.",
    "type": "tokens",
    "param": null,
    "code": "rate_limit_exceeded"
  }
}
`,
};

export const OPENAI_429_QUOTA: UpstreamFixture = {
  name: 'openai 429 insufficient_quota',
  status: 429,
  headers: { 'content-type': 'application/json' },
  bodyText: `{
  "error": {
    "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
    "type": "insufficient_quota",
    "param": null,
    "code": "insufficient_quota"
  }
}
`,
};

export const OPENAI_500: UpstreamFixture = {
  name: 'openai 500 server_error',
  status: 500,
  headers: { 'content-type': 'application/json' },
  bodyText: `{
  "error": {
    "message": "The server had an error while processing your request. Sorry about that!",
    "type": "server_error",
    "param": null,
    "code": null
  }
}
`,
};

/** azure-openai.txt: 401, 429 (retry-after-ms), 400 content_filter (abridged innererror), 404. */
export const AZURE_401: UpstreamFixture = {
  name: 'azure 401',
  status: 401,
  headers: { 'content-type': 'application/json' },
  bodyText:
    '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}',
};

export const AZURE_429: UpstreamFixture = {
  name: 'azure 429 token rate limit',
  status: 429,
  headers: {
    'content-type': 'application/json',
    'retry-after': '6',
    'retry-after-ms': '6000',
    'x-ratelimit-remaining-tokens': '0',
    'x-ratelimit-reset-tokens': '6',
    'x-ratelimit-reset-requests': '10',
  },
  bodyText:
    '{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."}}',
};

export const AZURE_400_FILTER: UpstreamFixture = {
  name: 'azure 400 content_filter',
  status: 400,
  headers: { 'content-type': 'application/json' },
  bodyText:
    '{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI\'s content management policy. Please modify your prompt and retry.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"jailbreak":{"detected":true,"filtered":true}}}}}',
};

export const AZURE_404: UpstreamFixture = {
  name: 'azure 404 DeploymentNotFound',
  status: 404,
  headers: { 'content-type': 'application/json' },
  bodyText:
    '{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}',
};

/** bedrock-anthropic.txt: 429 ThrottlingException. */
export const BEDROCK_429: UpstreamFixture = {
  name: 'bedrock 429 ThrottlingException',
  status: 429,
  headers: {
    'content-type': 'application/json',
    'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
  },
  bodyText: '{"message":"Too many requests, please wait before trying again."}',
};

/** vertex-anthropic.txt: Google-shaped 429 inside an array (a per-minute quota: a rate limit). */
export const VERTEX_429: UpstreamFixture = {
  name: 'vertex 429 RESOURCE_EXHAUSTED',
  status: 429,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  bodyText: `[{
  "error": {
    "code": 429,
    "message": "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: anthropic-claude-sonnet-4-5. Please submit a quota increase request. https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.",
    "status": "RESOURCE_EXHAUSTED"
  }
}
]`,
};
