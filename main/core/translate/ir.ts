/**
 * The internal representation every translation goes through (TRANSLATION.md): one `to-ir` and one
 * `from-ir` per wire format, so N formats need 2N converters instead of N². Kind-tagged unions,
 * readonly, no wire names: a field here means the same thing whatever format it came from.
 */

export type IrImageSource =
  | { readonly kind: 'base64'; readonly mediaType: string; readonly data: string }
  | { readonly kind: 'url'; readonly url: string };

export interface IrTextPart {
  readonly kind: 'text';
  readonly text: string;
}

export interface IrImagePart {
  readonly kind: 'image';
  readonly source: IrImageSource;
}

/** A PDF the client attached (Anthropic `document` with a base64 source). */
export interface IrDocumentPart {
  readonly kind: 'document';
  readonly mediaType: string;
  readonly data: string;
  readonly title: string | undefined;
}

export interface IrToolCallPart {
  readonly kind: 'tool_call';
  readonly id: string;
  readonly name: string;
  /** Parsed arguments; an object for every well-behaved model. */
  readonly input: unknown;
}

/** What a tool returned: Anthropic allows text and images inside a result. */
export type IrToolResultContentPart = IrTextPart | IrImagePart;

export interface IrToolResultPart {
  readonly kind: 'tool_result';
  readonly callId: string;
  readonly content: readonly IrToolResultContentPart[];
  readonly isError: boolean;
}

export interface IrThinkingPart {
  readonly kind: 'thinking';
  readonly text: string;
  /** Bound to the provider that made it ("State that cannot move"): never sent to another one. */
  readonly signature?: string;
}

export type IrContentPart =
  IrTextPart | IrImagePart | IrDocumentPart | IrToolCallPart | IrToolResultPart | IrThinkingPart;

/**
 * `system` here is a system message in the middle of the conversation (Claude Code sends its
 * environment block that way); it stays at its position, unlike `IrRequest.system`.
 */
export type IrRole = 'user' | 'assistant' | 'system';

export interface IrMessage {
  readonly role: IrRole;
  readonly content: readonly IrContentPart[];
}

export interface IrTool {
  readonly name: string;
  readonly description: string | undefined;
  /** JSON Schema of the input, as the client sent it. */
  readonly schema: Readonly<Record<string, unknown>>;
}

export type IrToolChoice =
  | { readonly kind: 'auto' }
  | { readonly kind: 'any' }
  | { readonly kind: 'none' }
  | { readonly kind: 'tool'; readonly name: string };

export type IrReasoningEffort = 'low' | 'medium' | 'high';

export interface IrSampling {
  readonly maxTokens: number | undefined;
  readonly temperature: number | undefined;
  readonly topP: number | undefined;
  readonly stop: readonly string[];
}

export interface IrRequest {
  readonly model: string;
  readonly system: readonly IrTextPart[];
  readonly messages: readonly IrMessage[];
  readonly tools: readonly IrTool[];
  readonly toolChoice: IrToolChoice | undefined;
  /** `false` when the client forbade parallel calls; `undefined` = provider default. */
  readonly parallelToolCalls: boolean | undefined;
  readonly sampling: IrSampling;
  readonly reasoningEffort: IrReasoningEffort | undefined;
  readonly stream: boolean;
  /** Tools that are not functions (server tools, deferred tools), dropped so the caller can log them. */
  readonly droppedTools: readonly string[];
}

export type IrResponsePart = IrTextPart | IrThinkingPart | IrToolCallPart;

export type IrStopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal' | 'stop_sequence';

export interface IrUsage {
  /** Uncached input tokens only (Anthropic counts cached ones separately). */
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheCreation: number;
}

export interface IrResponse {
  readonly content: readonly IrResponsePart[];
  readonly stopReason: IrStopReason;
  readonly stopSequence: string | undefined;
  readonly usage: IrUsage;
  /** Things worth a log line (e.g. unparseable tool arguments kept raw); never sent to the client. */
  readonly notes: readonly string[];
}
