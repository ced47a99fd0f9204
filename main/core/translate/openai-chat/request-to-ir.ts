import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type {
  IrContentPart,
  IrDocumentPart,
  IrImagePart,
  IrMessage,
  IrReasoningEffort,
  IrRequest,
  IrTextPart,
  IrTool,
  IrToolCallPart,
  IrToolChoice,
} from '../ir.js';
import {
  isArray,
  isFiniteNumber,
  isObject,
  isString,
  isStringArray,
  type JsonObject,
} from '../json-narrowing.js';

/** What a Chat request says that the IR has no field for. */
export interface ChatRequestExtras {
  /** `stream_options.include_usage`: the client wants the final usage chunk. */
  readonly includeUsage: boolean;
  /** Chat's `user`, an end-user id; Anthropic takes it as `metadata.user_id`. */
  readonly user: string | undefined;
}

export interface ChatRequestIr {
  readonly ir: IrRequest;
  readonly extras: ChatRequestExtras;
}

type Parsed<T> = Result<T, ProxyError>;

const invalid = (message: string): Result<never, ProxyError> =>
  err({ kind: 'invalid-request', message });

/** `data:image/png;base64,AAAA` -> its parts; anything else is not an inline image. */
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

const imagePart = (part: JsonObject, where: string): Parsed<IrImagePart> => {
  const image = part.image_url;
  const url = isObject(image) ? image.url : image;
  if (!isString(url)) return invalid(`${where}: "image_url.url" must be a string.`);
  const data = DATA_URL.exec(url);
  if (data?.[1] !== undefined && data[2] !== undefined) {
    return ok({
      kind: 'image',
      source: { kind: 'base64', mediaType: data[1], data: data[2] },
    });
  }
  if (/^https?:\/\//i.test(url)) return ok({ kind: 'image', source: { kind: 'url', url } });
  return invalid(`${where}: "image_url.url" must be an http(s) URL or a base64 data URL.`);
};

/** A Chat `file` part with inline base64 data (a PDF) -> a document; file ids exist only on OpenAI. */
const filePart = (part: JsonObject, where: string): Parsed<IrDocumentPart> => {
  const file = isObject(part.file) ? part.file : {};
  const data = isString(file.file_data) ? DATA_URL.exec(file.file_data) : null;
  if (data?.[1] === undefined || data[2] === undefined) {
    return invalid(
      `${where}: a "file" part needs "file.file_data" as a base64 data URL; OpenAI file ids cannot be sent to this provider.`,
    );
  }
  return ok({
    kind: 'document',
    mediaType: data[1],
    data: data[2],
    title: isString(file.filename) ? file.filename : undefined,
  });
};

/** Text, images and files; `allowImages` is false where Chat only takes text (system, tool, assistant). */
const contentParts = (
  content: unknown,
  where: string,
  allowImages: boolean,
  allowFiles = false,
): Parsed<readonly (IrTextPart | IrImagePart | IrDocumentPart)[]> => {
  if (content === undefined || content === null) return ok([]);
  if (isString(content)) return ok(content === '' ? [] : [{ kind: 'text', text: content }]);
  if (!isArray(content)) return invalid(`${where}: "content" must be a string or an array.`);
  const parts: (IrTextPart | IrImagePart | IrDocumentPart)[] = [];
  for (const [i, part] of content.entries()) {
    const at = `${where}.content[${i}]`;
    if (!isObject(part)) return invalid(`${at} must be an object.`);
    if (part.type === 'text' && isString(part.text)) {
      // Anthropic rejects empty text blocks, and an empty part carries nothing.
      if (part.text !== '') parts.push({ kind: 'text', text: part.text });
    } else if (part.type === 'image_url' && allowImages) {
      const image = imagePart(part, at);
      if (!image.ok) return image;
      parts.push(image.value);
    } else if (part.type === 'file' && allowFiles) {
      const file = filePart(part, at);
      if (!file.ok) return file;
      parts.push(file.value);
    } else {
      return invalid(
        `${at}: content part type ${JSON.stringify(part.type)} is not supported here.`,
      );
    }
  }
  return ok(parts);
};

const toolCalls = (calls: unknown, where: string): Parsed<readonly IrToolCallPart[]> => {
  if (calls === undefined || calls === null) return ok([]);
  if (!isArray(calls)) return invalid(`${where}: "tool_calls" must be an array.`);
  const parts: IrToolCallPart[] = [];
  for (const [i, call] of calls.entries()) {
    const at = `${where}.tool_calls[${i}]`;
    const fn = isObject(call) ? call.function : undefined;
    if (!isObject(call) || !isString(call.id) || !isObject(fn) || !isString(fn.name)) {
      return invalid(`${at} needs "id" and "function.name".`);
    }
    const raw = fn.arguments ?? '{}';
    if (!isString(raw)) return invalid(`${at}: "function.arguments" must be a JSON string.`);
    let input: unknown;
    try {
      input = raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
    } catch {
      // Anthropic stores tool inputs as objects: a history it cannot hold is the client's to fix.
      return invalid(`${at} (${fn.name}, id ${call.id}): "function.arguments" is not valid JSON.`);
    }
    parts.push({ kind: 'tool_call', id: call.id, name: fn.name, input });
  }
  return ok(parts);
};

const toolMessage = (message: JsonObject, where: string): Parsed<IrMessage> => {
  if (!isString(message.tool_call_id)) return invalid(`${where}: "tool_call_id" is required.`);
  const content = contentParts(message.content, where, true);
  if (!content.ok) return content;
  return ok({
    role: 'user',
    content: [
      {
        kind: 'tool_result',
        callId: message.tool_call_id,
        // Files are not allowed in tool messages (allowFiles is off), so this only narrows the type.
        content: content.value.filter(
          (part): part is IrTextPart | IrImagePart => part.kind !== 'document',
        ),
        isError: false,
      },
    ],
  });
};

/** One Chat message -> one IR message (merging for Anthropic's alternation happens in from-ir). */
const messageToIr = (message: JsonObject, where: string): Parsed<IrMessage> => {
  switch (message.role) {
    case 'system':
    case 'developer': {
      const content = contentParts(message.content, where, false);
      return content.ok ? ok({ role: 'system', content: content.value }) : content;
    }
    case 'user': {
      const content = contentParts(message.content, where, true, true);
      return content.ok ? ok({ role: 'user', content: content.value }) : content;
    }
    case 'assistant': {
      // `refusal` and `reasoning_content` in history are not replayed: Anthropic takes thinking
      // only with its own signature ("State that cannot move between providers").
      const text = contentParts(message.content, where, false);
      if (!text.ok) return text;
      const calls = toolCalls(message.tool_calls, where);
      if (!calls.ok) return calls;
      const content: IrContentPart[] = [...text.value, ...calls.value];
      return ok({ role: 'assistant', content });
    }
    case 'tool':
      return toolMessage(message, where);
    default:
      return invalid(`${where}: role ${JSON.stringify(message.role)} is not supported.`);
  }
};

/** Leading system/developer messages become the system prompt; later ones stay in place. */
const messagesToIr = (
  messages: unknown,
): Parsed<{ system: readonly IrTextPart[]; messages: readonly IrMessage[] }> => {
  if (!isArray(messages) || messages.length === 0) {
    return invalid('"messages" must be a non-empty array.');
  }
  const system: IrTextPart[] = [];
  const out: IrMessage[] = [];
  for (const [i, message] of messages.entries()) {
    const where = `messages[${i}]`;
    if (!isObject(message)) return invalid(`${where} must be an object.`);
    const ir = messageToIr(message, where);
    if (!ir.ok) return ir;
    if (ir.value.role === 'system' && out.length === 0) {
      system.push(...ir.value.content.filter((part): part is IrTextPart => part.kind === 'text'));
    } else {
      out.push(ir.value);
    }
  }
  return ok({ system, messages: out });
};

const toolsToIr = (
  tools: unknown,
): Parsed<{ tools: readonly IrTool[]; dropped: readonly string[] }> => {
  if (tools === undefined || tools === null) return ok({ tools: [], dropped: [] });
  if (!isArray(tools)) return invalid('"tools" must be an array.');
  const out: IrTool[] = [];
  const dropped: string[] = [];
  for (const [i, tool] of tools.entries()) {
    if (!isObject(tool)) return invalid(`tools[${i}] must be an object.`);
    if (tool.type !== 'function') {
      // Custom (free-text) tools have no JSON schema to give Anthropic.
      dropped.push(isString(tool.type) ? `${tool.type} tool ${i}` : `tool ${i}`);
      continue;
    }
    const fn = tool.function;
    if (!isObject(fn) || !isString(fn.name)) return invalid(`tools[${i}] needs "function.name".`);
    const schema = isObject(fn.parameters) ? fn.parameters : { type: 'object', properties: {} };
    out.push({
      name: fn.name,
      description: isString(fn.description) ? fn.description : undefined,
      schema,
    });
  }
  return ok({ tools: out, dropped });
};

const toolChoiceToIr = (choice: unknown): Parsed<IrToolChoice | undefined> => {
  if (choice === undefined || choice === null) return ok(undefined);
  if (choice === 'auto') return ok({ kind: 'auto' });
  if (choice === 'required') return ok({ kind: 'any' });
  if (choice === 'none') return ok({ kind: 'none' });
  if (isObject(choice) && choice.type === 'function' && isObject(choice.function)) {
    const name = choice.function.name;
    if (isString(name)) return ok({ kind: 'tool', name });
  }
  return invalid(
    '"tool_choice" must be "auto", "required", "none" or {"type":"function","function":{"name":...}}.',
  );
};

const EFFORTS: Readonly<Record<string, IrReasoningEffort | undefined>> = {
  // Anthropic has no "less than low": these mean "do not think".
  none: undefined,
  minimal: undefined,
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'high',
};

const effortToIr = (effort: unknown): Parsed<IrReasoningEffort | undefined> => {
  if (effort === undefined || effort === null) return ok(undefined);
  if (isString(effort) && effort in EFFORTS) return ok(EFFORTS[effort]);
  return invalid('"reasoning_effort" must be one of none, minimal, low, medium, high.');
};

const maxTokensToIr = (body: JsonObject): Parsed<number | undefined> => {
  // max_completion_tokens is the current name; max_tokens the deprecated one.
  const [key, value] =
    body.max_completion_tokens !== undefined && body.max_completion_tokens !== null
      ? ['max_completion_tokens', body.max_completion_tokens]
      : ['max_tokens', body.max_tokens];
  if (value === undefined || value === null) return ok(undefined);
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < 1) {
    return invalid(`"${key}" must be a positive integer.`);
  }
  return ok(value);
};

const stopToIr = (stop: unknown): Parsed<readonly string[]> => {
  if (stop === undefined || stop === null) return ok([]);
  if (isString(stop)) return ok([stop]);
  if (isStringArray(stop)) return ok(stop);
  return invalid('"stop" must be a string or an array of strings.');
};

const optionalNumber = (body: JsonObject, key: string): Parsed<number | undefined> => {
  const value = body[key];
  if (value === undefined || value === null) return ok(undefined);
  return isFiniteNumber(value) ? ok(value) : invalid(`"${key}" must be a number.`);
};

/** An OpenAI Chat Completions request body -> IR, refusing what Anthropic cannot do. */
export const chatRequestToIr = (body: JsonObject): Parsed<ChatRequestIr> => {
  if (isFiniteNumber(body.n) && body.n > 1) {
    return invalid('"n" greater than 1 is not supported for Anthropic models; send n: 1.');
  }
  const conversation = messagesToIr(body.messages);
  if (!conversation.ok) return conversation;
  const tools = toolsToIr(body.tools);
  if (!tools.ok) return tools;
  const toolChoice = toolChoiceToIr(body.tool_choice);
  if (!toolChoice.ok) return toolChoice;
  const effort = effortToIr(body.reasoning_effort);
  if (!effort.ok) return effort;
  const maxTokens = maxTokensToIr(body);
  if (!maxTokens.ok) return maxTokens;
  const stop = stopToIr(body.stop);
  if (!stop.ok) return stop;
  const temperature = optionalNumber(body, 'temperature');
  if (!temperature.ok) return temperature;
  const topP = optionalNumber(body, 'top_p');
  if (!topP.ok) return topP;
  const options = body.stream_options;
  return ok({
    ir: {
      model: isString(body.model) ? body.model : '',
      system: conversation.value.system,
      messages: conversation.value.messages,
      tools: tools.value.tools,
      toolChoice: toolChoice.value,
      parallelToolCalls: body.parallel_tool_calls === false ? false : undefined,
      sampling: {
        maxTokens: maxTokens.value,
        temperature: temperature.value,
        topP: topP.value,
        stop: stop.value,
      },
      reasoningEffort: effort.value,
      stream: body.stream === true,
      droppedTools: tools.value.dropped,
    },
    extras: {
      includeUsage: isObject(options) && options.include_usage === true,
      user: isString(body.user) && body.user !== '' ? body.user : undefined,
    },
  });
};
