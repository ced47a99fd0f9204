import type { IrContentPart, IrMessage, IrToolCallPart, IrToolResultPart } from '../ir.js';
import {
  imageUrl,
  joinText,
  splitToolResultTurn,
  toolResultText,
  type UserPart,
} from '../ir-parts.js';
import { unsealReasoning } from './reasoning-signature.js';

type InputItem = Readonly<Record<string, unknown>>;

export interface InputOptions {
  /** Whose encrypted reasoning may be sent back (reasoning-signature.ts). */
  readonly providerName: string;
  /** Original tool name -> the name sent (identity unless sanitization rewrote it). */
  readonly sentToolName: (name: string) => string;
}

/** Responses takes PDFs natively as `input_file`, so no refusal is needed here (unlike Chat). */
const inputPart = (part: UserPart): InputItem => {
  switch (part.kind) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image':
      // `detail` is required by the SDK's ResponseInputImage type; "auto" is the API default.
      return { type: 'input_image', image_url: imageUrl(part.source), detail: 'auto' };
    case 'document':
      return {
        type: 'input_file',
        filename: part.title ?? 'document.pdf',
        file_data: `data:${part.mediaType};base64,${part.data}`,
      };
  }
};

const message = (role: string, content: readonly InputItem[]): InputItem => ({
  type: 'message',
  role,
  content,
});

/**
 * An assistant turn in order: reasoning items this provider made (sent back with their encrypted
 * content, without ids: with store:false ids point at nothing, and Codex CLI attaches ids only
 * when storing, codex-rs/codex-api/src/requests/responses.rs `attach_item_ids`), text as
 * `output_text` messages, tool calls as `function_call` items.
 */
const assistantItems = (content: readonly IrContentPart[], options: InputOptions): InputItem[] => {
  const items: InputItem[] = [];
  let text = '';
  const flushText = (): void => {
    if (text !== '') items.push(message('assistant', [{ type: 'output_text', text }]));
    text = '';
  };
  for (const part of content) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'thinking') {
      const encrypted = unsealReasoning(part.signature, options.providerName);
      if (encrypted === undefined) continue;
      flushText();
      const summary = part.text === '' ? [] : [{ type: 'summary_text', text: part.text }];
      items.push({ type: 'reasoning', summary, encrypted_content: encrypted });
    } else if (part.kind === 'tool_call') {
      flushText();
      items.push(functionCall(part, options));
    }
  }
  flushText();
  return items;
};

const functionCall = (call: IrToolCallPart, options: InputOptions): InputItem => ({
  type: 'function_call',
  call_id: call.id,
  name: options.sentToolName(call.name),
  arguments: JSON.stringify(call.input ?? {}),
});

/** Text output as a string, the form every Responses server takes (ir-parts.ts `toolResultText`). */
const functionCallOutput = (result: IrToolResultPart): InputItem => ({
  type: 'function_call_output',
  call_id: result.callId,
  output: toolResultText(result),
});

/** Tool results first in call order, then what the client sent beside them (never dropped). */
const userItems = (
  content: readonly IrContentPart[],
  callOrder: readonly string[],
): InputItem[] => {
  const { results, followUp } = splitToolResultTurn(content, callOrder);
  const items: InputItem[] = results.map(functionCallOutput);
  if (followUp.length > 0) items.push(message('user', followUp.map(inputPart)));
  else if (results.length === 0) items.push(message('user', [{ type: 'input_text', text: '' }]));
  return items;
};

/**
 * The conversation as Responses `input` items, in order. A system message inside the conversation
 * becomes a `developer` message at its place: the role OpenAI documents for instructions to its
 * reasoning models, which is what Responses upstreams serve.
 */
export const irMessagesToInput = (
  messages: readonly IrMessage[],
  options: InputOptions,
): readonly InputItem[] => {
  const out: InputItem[] = [];
  let callOrder: readonly string[] = [];
  for (const entry of messages) {
    if (entry.role === 'system') {
      out.push(
        message('developer', [{ type: 'input_text', text: joinText(entry.content, '\n\n') }]),
      );
    } else if (entry.role === 'assistant') {
      out.push(...assistantItems(entry.content, options));
      callOrder = entry.content.flatMap((part) => (part.kind === 'tool_call' ? [part.id] : []));
    } else {
      out.push(...userItems(entry.content, callOrder));
    }
  }
  return out;
};
