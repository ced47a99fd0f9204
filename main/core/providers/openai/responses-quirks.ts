import type { ProviderConfig } from '../../../config/model.js';

/** How a Responses provider differs from OpenAI's own `/v1/responses`; data, not code paths. */
export interface ResponsesQuirks {
  /** Refuses `stream: false`: a non-streaming client gets the collected stream. */
  readonly alwaysStreamUpstream: boolean;
  /** Rejects a request without `instructions`; sent when the client had no system prompt. */
  readonly defaultInstructions: string | undefined;
  readonly maxOutputTokens: boolean;
  readonly samplingParams: boolean;
  readonly alwaysIncludeEncryptedReasoning: boolean;
  /** Fixed headers the upstream expects. */
  readonly headers: Readonly<Record<string, string>>;
}

const DEFAULT: ResponsesQuirks = {
  alwaysStreamUpstream: false,
  defaultInstructions: undefined,
  maxOutputTokens: true,
  samplingParams: true,
  alwaysIncludeEncryptedReasoning: false,
  headers: {},
};

/**
 * The ChatGPT subscription backend (`https://chatgpt.com/backend-api/codex`) as Codex CLI calls it,
 * confirmed in openai/codex `codex-rs/codex-api/src/requests/responses.rs` (ResponsesApiRequest:
 * model, instructions, input, tools, tool_choice, parallel_tool_calls, reasoning, store false
 * unless Azure, stream true by default, include; no max_output_tokens, temperature or top_p) and
 * `codex-rs/core/src/default_client.rs` (`originator: codex_cli_rs`). The account header is
 * added with the credential (responses-endpoint.ts).
 */
const CHATGPT: Partial<ResponsesQuirks> = {
  alwaysStreamUpstream: true,
  defaultInstructions: 'You are a helpful assistant.',
  maxOutputTokens: false,
  samplingParams: false,
  alwaysIncludeEncryptedReasoning: true,
  headers: { 'openai-beta': 'responses=experimental', originator: 'codex_cli_rs' },
};

const BY_PROVIDER: Readonly<Record<string, Partial<ResponsesQuirks>>> = { chatgpt: CHATGPT };

export function responsesQuirksOf(provider: ProviderConfig): ResponsesQuirks {
  return { ...DEFAULT, ...BY_PROVIDER[provider.name] };
}
