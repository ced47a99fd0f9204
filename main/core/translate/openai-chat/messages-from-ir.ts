import type {
  IrContentPart,
  IrMessage,
  IrTextPart,
  IrToolCallPart,
  IrToolResultPart,
} from '../ir.js';
import {
  imageUrl,
  isUserPart,
  joinText,
  splitToolResultTurn,
  toolResultText,
  type UserPart,
} from '../ir-parts.js';

type ChatMessage = Readonly<Record<string, unknown>>;
type ChatContentPart = Readonly<Record<string, unknown>>;

export interface ChatMessageOptions {
  readonly reasoningContentPassthrough: boolean;
  /** Original tool name -> the name sent (identity unless sanitization rewrote it). */
  readonly sentToolName: (name: string) => string;
  /** Gemini: the thought signature to echo on a tool call (see thought-signatures.ts). */
  readonly thoughtSignature?: (callId: string, firstInTurn: boolean) => string | undefined;
}

const toChatPart = (part: UserPart): ChatContentPart => {
  switch (part.kind) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image_url', image_url: { url: imageUrl(part.source) } };
    case 'document':
      // OpenAI's Chat `file` part; only sent to providers that accept it (see messages-to-chat.ts).
      return {
        type: 'file',
        file: {
          filename: part.title ?? 'document.pdf',
          file_data: `data:${part.mediaType};base64,${part.data}`,
        },
      };
  }
};

/** A lone text part collapses to a string: the form every compatible provider accepts. */
const userMessage = (parts: readonly UserPart[]): ChatMessage => {
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'text') return { role: 'user', content: only.text };
  return { role: 'user', content: parts.map(toChatPart) };
};

const assistantMessage = (
  content: readonly IrContentPart[],
  options: ChatMessageOptions,
): ChatMessage => {
  const calls = content.filter((part): part is IrToolCallPart => part.kind === 'tool_call');
  const text = joinText(content, '');
  // Signatures are bound to the provider that made them and are never sent ("State that cannot move").
  const reasoning = content
    .flatMap((part) => (part.kind === 'thinking' ? [part.text] : []))
    .join('');
  return {
    role: 'assistant',
    content: text === '' && calls.length > 0 ? null : text,
    ...(calls.length > 0
      ? {
          tool_calls: calls.map((call, i) => {
            const signature = options.thoughtSignature?.(call.id, i === 0);
            return {
              id: call.id,
              type: 'function',
              function: {
                name: options.sentToolName(call.name),
                arguments: JSON.stringify(call.input ?? {}),
              },
              ...(signature === undefined
                ? {}
                : { extra_content: { google: { thought_signature: signature } } }),
            };
          }),
        }
      : {}),
    ...(options.reasoningContentPassthrough && reasoning !== ''
      ? { reasoning_content: reasoning }
      : {}),
  };
};

/** Chat tool messages carry text only (ir-parts.ts `toolResultText`). */
const toolMessage = (result: IrToolResultPart): ChatMessage => ({
  role: 'tool',
  tool_call_id: result.callId,
  content: toolResultText(result),
});

/**
 * A user turn holding tool results: the `tool` messages first (Chat requires them right after the
 * assistant's calls, in call order), then one `user` message with the images the results returned
 * and the text/images the client sent beside them, which vandamme used to drop.
 */
const toolResultTurn = (
  content: readonly IrContentPart[],
  callOrder: readonly string[],
): readonly ChatMessage[] => {
  const { results, followUp } = splitToolResultTurn(content, callOrder);
  return [...results.map(toolMessage), ...(followUp.length > 0 ? [userMessage(followUp)] : [])];
};

const userParts = (content: readonly IrContentPart[]): readonly UserPart[] =>
  content.filter(isUserPart);

/** The system prompt and the conversation as Chat `messages`, in order. */
export const irMessagesToChat = (
  system: readonly IrTextPart[],
  messages: readonly IrMessage[],
  options: ChatMessageOptions,
): readonly ChatMessage[] => {
  const out: ChatMessage[] = [];
  if (system.length > 0) out.push({ role: 'system', content: joinText(system, '\n\n') });
  let callOrder: readonly string[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      out.push({ role: 'system', content: joinText(message.content, '\n\n') });
    } else if (message.role === 'assistant') {
      out.push(assistantMessage(message.content, options));
      callOrder = message.content.flatMap((part) => (part.kind === 'tool_call' ? [part.id] : []));
    } else if (message.content.some((part) => part.kind === 'tool_result')) {
      out.push(...toolResultTurn(message.content, callOrder));
    } else {
      const parts = userParts(message.content);
      out.push(parts.length > 0 ? userMessage(parts) : { role: 'user', content: '' });
    }
  }
  return out;
};
