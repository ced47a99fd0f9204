import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type { IrResponse, IrResponsePart, IrStopReason, IrUsage } from '../ir.js';
import { isArray, isFiniteNumber, isObject, isString } from '../json-narrowing.js';

const malformed = (message: string): Result<never, ProxyError> =>
  err({ kind: 'internal', message: `The upstream's Anthropic Messages answer ${message}.` });

const STOP_REASONS: Readonly<Record<string, IrStopReason>> = {
  end_turn: 'end_turn',
  stop_sequence: 'stop_sequence',
  max_tokens: 'max_tokens',
  // The context window ran out: for the client that is a length stop too.
  model_context_window_exceeded: 'max_tokens',
  tool_use: 'tool_use',
  refusal: 'refusal',
  // A paused server-tool turn ends this response normally from a Chat client's point of view.
  pause_turn: 'end_turn',
};

export const stopReasonToIr = (reason: unknown): IrStopReason =>
  (isString(reason) ? STOP_REASONS[reason] : undefined) ?? 'end_turn';

const count = (value: unknown): number => (isFiniteNumber(value) && value > 0 ? value : 0);

/** Anthropic usage as the IR holds it (input excludes cached tokens in both). */
export const usageToIr = (usage: unknown): IrUsage =>
  isObject(usage)
    ? {
        input: count(usage.input_tokens),
        output: count(usage.output_tokens),
        cacheRead: count(usage.cache_read_input_tokens),
        cacheCreation: count(usage.cache_creation_input_tokens),
      }
    : { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };

/** A non-stream Anthropic Messages response body -> IR. */
export const anthropicResponseToIr = (json: unknown): Result<IrResponse, ProxyError> => {
  if (!isObject(json)) return malformed('is not a JSON object');
  if (!isArray(json.content)) return malformed('has no "content" array');
  const content: IrResponsePart[] = [];
  const notes: string[] = [];
  for (const [i, block] of json.content.entries()) {
    if (!isObject(block)) return malformed(`has content[${i}] that is not an object`);
    if (block.type === 'text' && isString(block.text)) {
      content.push({ kind: 'text', text: block.text });
    } else if (block.type === 'thinking' && isString(block.thinking)) {
      content.push({ kind: 'thinking', text: block.thinking });
    } else if (block.type === 'tool_use' && isString(block.id) && isString(block.name)) {
      content.push({ kind: 'tool_call', id: block.id, name: block.name, input: block.input ?? {} });
    } else {
      // redacted_thinking, server tool blocks: nothing a Chat client can use.
      notes.push(`content[${i}] of type ${String(block.type)} not forwarded`);
    }
  }
  return ok({
    content,
    stopReason: stopReasonToIr(json.stop_reason),
    stopSequence: isString(json.stop_sequence) ? json.stop_sequence : undefined,
    usage: usageToIr(json.usage),
    notes,
  });
};
