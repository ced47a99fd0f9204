/** Calls remembered; a long agent session makes a few hundred, the bound only stops growth. */
const MAX_CALLS = 5000;

/**
 * Gemini's OpenAI-compatible endpoint puts a thought signature on a tool call
 * (`tool_calls[].extra_content.google.thought_signature`, only on the first of parallel calls) and
 * answers 400 next turn if it is not echoed on that call (fixtures: openai-chat-reasoning-content.txt).
 * An Anthropic client cannot carry it, so the proxy remembers it by tool-call id for the process's
 * life. For a call it never saw (history from another provider, a restart), Google documents the
 * dummy `skip_thought_signature_validator` for the first call of a turn.
 */
export class ThoughtSignatures {
  readonly #byCall = new Map<string, string>();

  remember(callId: string, signature: string): void {
    if (this.#byCall.size >= MAX_CALLS) {
      const oldest = this.#byCall.keys().next().value;
      if (oldest !== undefined) this.#byCall.delete(oldest);
    }
    this.#byCall.set(callId, signature);
  }

  /** The signature to send on a call, or undefined when none is needed. */
  forCall(callId: string, firstInTurn: boolean): string | undefined {
    return this.#byCall.get(callId) ?? (firstInTurn ? SKIP_VALIDATOR : undefined);
  }

  /** Signatures carried by a non-streaming Chat answer's tool calls. */
  rememberFromResponse(json: unknown): void {
    const calls = (json as { choices?: { message?: { tool_calls?: unknown[] } }[] } | undefined)
      ?.choices?.[0]?.message?.tool_calls;
    for (const call of Array.isArray(calls) ? calls : []) this.rememberFromCall(call);
  }

  /** One tool call (or streamed tool-call delta) that may carry a signature. */
  rememberFromCall(call: unknown): void {
    const c = call as
      { id?: unknown; extra_content?: { google?: { thought_signature?: unknown } } } | undefined;
    const signature = c?.extra_content?.google?.thought_signature;
    if (typeof c?.id === 'string' && typeof signature === 'string') this.remember(c.id, signature);
  }
}

export const SKIP_VALIDATOR = 'skip_thought_signature_validator';
