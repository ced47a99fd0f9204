import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type {
  IrContentPart,
  IrImagePart,
  IrRole,
  IrTextPart,
  IrDocumentPart,
  IrToolResultContentPart,
} from '../ir.js';
import { isArray, isObject, isString, type JsonObject } from '../json-narrowing.js';

type Converted<T> = Result<T, ProxyError>;

const invalid = (message: string): Converted<never> => err({ kind: 'invalid-request', message });

/**
 * The translator does not know the target provider; `messages-to-chat.ts` fills it in. Keeping the
 * `anthropicRequestToIr(body)` signature provider-free is worth this one indirection.
 */
export const UNKNOWN_PROVIDER = '';

const unsupported = (message: string): Converted<never> =>
  err({ kind: 'conversion-unsupported', provider: UNKNOWN_PROVIDER, message });

/**
 * Blocks that only mean something to Anthropic's own servers (server tool calls and their results,
 * redacted thinking). History from an earlier Anthropic turn may carry them; the target would
 * reject them, so they are stripped rather than failing the request ("State that cannot move").
 */
const isAnthropicOnlyBlock = (type: string): boolean =>
  type === 'redacted_thinking' ||
  type === 'server_tool_use' ||
  type === 'mcp_tool_use' ||
  type === 'container_upload' ||
  (type.endsWith('_tool_result') && type !== 'tool_result');

/** Which block types each role may carry, as the Messages API enforces. */
const allowedFor: Readonly<Record<IrRole, ReadonlySet<string>>> = {
  user: new Set(['text', 'image', 'document', 'tool_result']),
  assistant: new Set(['text', 'tool_use', 'thinking']),
  system: new Set(['text']),
};

export const imageToIr = (block: JsonObject, where: string): Converted<IrImagePart> => {
  const source = block.source;
  if (!isObject(source)) return invalid(`${where}: image block needs a "source" object.`);
  if (source.type === 'base64') {
    if (!isString(source.media_type) || !isString(source.data)) {
      return invalid(`${where}: base64 image source needs string "media_type" and "data".`);
    }
    return ok({
      kind: 'image',
      source: { kind: 'base64', mediaType: source.media_type, data: source.data },
    });
  }
  if (source.type === 'url') {
    if (!isString(source.url)) return invalid(`${where}: url image source needs a string "url".`);
    return ok({ kind: 'image', source: { kind: 'url', url: source.url } });
  }
  if (source.type === 'file') {
    return unsupported(
      `${where}: image from the Anthropic Files API ("source.type":"file") only exists on Anthropic; send it as base64 or url instead.`,
    );
  }
  return invalid(`${where}: unknown image source type ${JSON.stringify(source.type)}.`);
};

const documentUnsupported = (where: string): Converted<never> =>
  unsupported(
    `${where}: "document" blocks (PDF) cannot be sent to this provider yet; extract the text or route the model to an Anthropic provider.`,
  );

/**
 * A document whose source is text (`source.type` "text", or "content" made of text blocks) says
 * nothing a text part cannot: it goes as text, titled. PDFs (base64, url, file) stay refused.
 */
const documentTextToIr = (block: JsonObject, where: string): Converted<IrTextPart> => {
  const source = isObject(block.source) ? block.source : undefined;
  const title = isString(block.title) ? `${block.title}\n\n` : '';
  if (source?.type === 'text' && isString(source.data))
    return ok({ kind: 'text', text: `${title}${source.data}` });
  if (source?.type === 'content' && isArray(source.content)) {
    const texts = source.content
      .filter(isObject)
      .map((b) => (isString(b.text) ? b.text : undefined));
    if (texts.every((t): t is string => t !== undefined))
      return ok({ kind: 'text', text: `${title}${texts.join('\n')}` });
  }
  return documentUnsupported(where);
};

/** In a user message a base64 PDF becomes a document part; providers that take files get it. */
const documentToIr = (block: JsonObject, where: string): Converted<IrTextPart | IrDocumentPart> => {
  const source = isObject(block.source) ? block.source : undefined;
  if (source?.type === 'base64' && isString(source.data) && isString(source.media_type)) {
    return ok({
      kind: 'document',
      mediaType: source.media_type,
      data: source.data,
      title: isString(block.title) ? block.title : undefined,
    });
  }
  return documentTextToIr(block, where);
};

/** A block we do not model but that carries plain text (e.g. future text-ish types) keeps its text. */
const textLike = (block: JsonObject, type: string, where: string): Converted<IrTextPart> =>
  isString(block.text)
    ? ok({ kind: 'text', text: block.text })
    : invalid(`${where}: unsupported content block type "${type}".`);

const toolResultContentToIr = (
  content: unknown,
  where: string,
): Converted<readonly IrToolResultContentPart[]> => {
  if (content === undefined) return ok([]);
  if (isString(content)) return ok(content === '' ? [] : [{ kind: 'text', text: content }]);
  if (!isArray(content)) return invalid(`${where}: "content" must be a string or an array.`);
  const parts: IrToolResultContentPart[] = [];
  for (const [i, block] of content.entries()) {
    const at = `${where}.content[${i}]`;
    if (!isObject(block) || !isString(block.type)) return invalid(`${at}: needs a string "type".`);
    if (block.type === 'image') {
      const image = imageToIr(block, at);
      if (!image.ok) return image;
      parts.push(image.value);
    } else if (block.type === 'document') {
      const document = documentTextToIr(block, at);
      if (!document.ok) return document;
      parts.push(document.value);
    } else {
      const text = textLike(block, block.type, at);
      if (!text.ok) return text;
      parts.push(text.value);
    }
  }
  return ok(parts);
};

const blockToIr = (
  block: JsonObject,
  type: string,
  where: string,
): Converted<IrContentPart | undefined> => {
  switch (type) {
    case 'text':
      return isString(block.text)
        ? ok({ kind: 'text', text: block.text })
        : invalid(`${where}: text block needs a string "text".`);
    case 'image':
      return imageToIr(block, where);
    case 'document':
      return documentToIr(block, where);
    case 'tool_use':
      if (!isString(block.id) || !isString(block.name)) {
        return invalid(`${where}: tool_use block needs string "id" and "name".`);
      }
      return ok({ kind: 'tool_call', id: block.id, name: block.name, input: block.input ?? {} });
    case 'tool_result': {
      if (!isString(block.tool_use_id)) {
        return invalid(`${where}: tool_result block needs a string "tool_use_id".`);
      }
      const content = toolResultContentToIr(block.content, where);
      if (!content.ok) return content;
      return ok({
        kind: 'tool_result',
        callId: block.tool_use_id,
        content: content.value,
        isError: block.is_error === true,
      });
    }
    case 'thinking':
      if (!isString(block.thinking)) {
        return invalid(`${where}: thinking block needs a string "thinking".`);
      }
      return ok({
        kind: 'thinking',
        text: block.thinking,
        ...(isString(block.signature) ? { signature: block.signature } : {}),
      });
    default:
      if (isAnthropicOnlyBlock(type)) return ok(undefined);
      return textLike(block, type, where);
  }
};

/** One message's `content` (string or blocks) to IR parts, checking each block fits the role. */
export const contentToIr = (
  content: unknown,
  role: IrRole,
  where: string,
): Converted<readonly IrContentPart[]> => {
  if (isString(content)) return ok([{ kind: 'text', text: content }]);
  if (!isArray(content))
    return invalid(`${where}.content: must be a string or an array of blocks.`);
  const parts: IrContentPart[] = [];
  for (const [i, block] of content.entries()) {
    const at = `${where}.content[${i}]`;
    if (!isObject(block) || !isString(block.type)) return invalid(`${at}: needs a string "type".`);
    const known = ['text', 'image', 'document', 'tool_use', 'tool_result', 'thinking'];
    if (known.includes(block.type) && !allowedFor[role].has(block.type)) {
      return invalid(`${at}: a "${block.type}" block is not allowed in a ${role} message.`);
    }
    const part = blockToIr(block, block.type, at);
    if (!part.ok) return part;
    if (part.value !== undefined) parts.push(part.value);
  }
  return ok(parts);
};
