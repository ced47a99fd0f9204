import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type { IrResponse, IrResponsePart } from '../ir.js';
import { isArray, isObject, isString, type JsonObject } from '../json-narrowing.js';
import { RAW_ARGUMENTS_KEY } from '../openai-chat/to-ir.js';
import type { ToolNameMap } from '../openai-chat/tool-names.js';
import { sealReasoning } from './reasoning-signature.js';
import { responseFailure } from './stream-error.js';
import { NO_USAGE, responsesStopReason, responsesUsageToIr } from './usage.js';

const malformed = (message: string): Result<never, ProxyError> =>
  err({ kind: 'internal', message: `The upstream's Responses answer ${message}.` });

const parseArguments = (raw: string): { readonly input: unknown; readonly ok: boolean } => {
  if (raw.trim() === '') return { input: {}, ok: true };
  try {
    return { input: JSON.parse(raw) as unknown, ok: true };
  } catch {
    return { input: { [RAW_ARGUMENTS_KEY]: raw }, ok: false };
  }
};

/** Summary parts are separate paragraphs of one thought; encrypted content becomes the signature. */
const reasoningPart = (item: JsonObject, provider: string): IrResponsePart | undefined => {
  const summary = isArray(item.summary) ? item.summary : [];
  const text = summary
    .flatMap((part) => (isObject(part) && isString(part.text) ? [part.text] : []))
    .join('\n\n');
  const encrypted = isString(item.encrypted_content) ? item.encrypted_content : undefined;
  if (text === '' && encrypted === undefined) return undefined;
  return {
    kind: 'thinking',
    text,
    ...(encrypted !== undefined ? { signature: sealReasoning(provider, encrypted) } : {}),
  };
};

const messageParts = (item: JsonObject): { parts: IrResponsePart[]; refused: boolean } => {
  const parts: IrResponsePart[] = [];
  let refused = false;
  for (const part of isArray(item.content) ? item.content : []) {
    if (!isObject(part)) continue;
    if (part.type === 'output_text' && isString(part.text) && part.text !== '') {
      parts.push({ kind: 'text', text: part.text });
    } else if (part.type === 'refusal' && isString(part.refusal)) {
      parts.push({ kind: 'text', text: part.refusal });
      refused = true;
    }
  }
  return { parts, refused };
};

/**
 * A Responses `response` object (non-stream answer, or the one a collected stream ends with) to
 * IR: reasoning -> thinking, message text -> text, function calls -> tool calls, in output order.
 */
export const responsesResponseToIr = (
  json: unknown,
  toolNames: ToolNameMap,
  provider: string,
): Result<IrResponse, ProxyError> => {
  if (!isObject(json)) return malformed('is not a JSON object');
  if (json.status === 'failed') return err(responseFailure(json.error, provider));
  if (!isArray(json.output)) return malformed('has no "output" array');
  const notes: string[] = [];
  const content: IrResponsePart[] = [];
  let refused = false;
  let calls = 0;
  for (const item of json.output) {
    if (!isObject(item)) continue;
    if (item.type === 'reasoning') {
      const part = reasoningPart(item, provider);
      if (part !== undefined) content.push(part);
    } else if (item.type === 'message') {
      const message = messageParts(item);
      content.push(...message.parts);
      refused ||= message.refused;
    } else if (item.type === 'function_call' && isString(item.name)) {
      const raw = isString(item.arguments) ? item.arguments : '';
      const parsed = parseArguments(raw);
      if (!parsed.ok) notes.push(`function call ${item.name}: arguments are not JSON, kept raw`);
      const id = isString(item.call_id)
        ? item.call_id
        : isString(item.id)
          ? item.id
          : `call_${calls}`;
      content.push({
        kind: 'tool_call',
        id,
        name: toolNames.get(item.name) ?? item.name,
        input: parsed.input,
      });
      calls += 1;
    } else {
      notes.push(`output item of type ${JSON.stringify(item.type)} dropped`);
    }
  }
  const stopReason = refused
    ? 'refusal'
    : responsesStopReason(json.status, json.incomplete_details, calls > 0);
  return ok({
    content,
    stopReason,
    stopSequence: undefined,
    usage: responsesUsageToIr(json.usage) ?? NO_USAGE,
    notes,
  });
};
