import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type { IrResponse, IrResponsePart, IrStopReason, IrToolCallPart, IrUsage } from '../ir.js';
import { isArray, isFiniteNumber, isObject, isString, type JsonObject } from '../json-narrowing.js';
import type { ToolNameMap } from './tool-names.js';

const malformed = (message: string): Result<never, ProxyError> =>
  err({ kind: 'internal', message: `The upstream's Chat Completions answer ${message}.` });

/** Key holding tool arguments that were not valid JSON, so nothing the model wrote is lost. */
export const RAW_ARGUMENTS_KEY = '_raw_arguments';

const STOP_REASONS: Readonly<Record<string, IrStopReason>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

const count = (value: unknown): number => (isFiniteNumber(value) && value > 0 ? value : 0);

/** Anthropic's input_tokens excludes cached tokens; OpenAI's prompt_tokens includes them. */
const usageToIr = (usage: unknown): IrUsage => {
  if (!isObject(usage)) return { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };
  const details = usage.prompt_tokens_details;
  const cached = isObject(details) ? count(details.cached_tokens) : 0;
  return {
    input: Math.max(0, count(usage.prompt_tokens) - cached),
    output: count(usage.completion_tokens),
    cacheRead: cached,
    cacheCreation: 0,
  };
};

const parseArguments = (raw: string): { readonly input: unknown; readonly ok: boolean } => {
  if (raw.trim() === '') return { input: {}, ok: true };
  try {
    return { input: JSON.parse(raw) as unknown, ok: true };
  } catch {
    return { input: { [RAW_ARGUMENTS_KEY]: raw }, ok: false };
  }
};

const toolCallsToIr = (
  calls: unknown,
  toolNames: ToolNameMap,
  notes: string[],
): Result<readonly IrToolCallPart[], ProxyError> => {
  if (calls === undefined || calls === null) return ok([]);
  if (!isArray(calls)) return malformed('has a "tool_calls" that is not an array');
  const parts: IrToolCallPart[] = [];
  for (const [i, call] of calls.entries()) {
    const fn = isObject(call) ? call.function : undefined;
    if (!isObject(call) || !isObject(fn) || !isString(fn.name)) {
      return malformed(`has tool_calls[${i}] without a function name`);
    }
    const raw = isString(fn.arguments) ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    const parsed = parseArguments(raw);
    if (!parsed.ok) notes.push(`tool call ${i} (${fn.name}): arguments are not JSON, kept raw`);
    parts.push({
      kind: 'tool_call',
      // Some compatible providers omit the id; Anthropic requires one to pair the result with.
      id: isString(call.id) && call.id !== '' ? call.id : `call_${i}`,
      name: toolNames.get(fn.name) ?? fn.name,
      input: parsed.input,
    });
  }
  return ok(parts);
};

const stopReasonOf = (choice: JsonObject, notes: string[]): IrStopReason => {
  const reason = choice.finish_reason;
  if (reason === null || reason === undefined) return 'end_turn';
  const mapped = isString(reason) ? STOP_REASONS[reason] : undefined;
  if (mapped === undefined) notes.push(`unknown finish_reason ${JSON.stringify(reason)}: end_turn`);
  return mapped ?? 'end_turn';
};

/**
 * A non-stream Chat Completions answer to IR. Reasoning (DeepSeek/Kimi `reasoning_content`) comes
 * first, as Anthropic puts thinking before the answer; a refusal is kept as text.
 */
export const chatResponseToIr = (
  json: unknown,
  toolNames: ToolNameMap,
): Result<IrResponse, ProxyError> => {
  if (!isObject(json)) return malformed('is not a JSON object');
  const choice = isArray(json.choices) ? json.choices[0] : undefined;
  if (!isObject(choice) || !isObject(choice.message)) return malformed('has no choices[0].message');
  const message = choice.message;
  const notes: string[] = [];
  const content: IrResponsePart[] = [];
  if (isString(message.reasoning_content) && message.reasoning_content !== '') {
    content.push({ kind: 'thinking', text: message.reasoning_content });
  }
  if (isString(message.content) && message.content !== '') {
    content.push({ kind: 'text', text: message.content });
  }
  if (isString(message.refusal) && message.refusal !== '') {
    content.push({ kind: 'text', text: message.refusal });
  }
  const calls = toolCallsToIr(message.tool_calls, toolNames, notes);
  if (!calls.ok) return calls;
  content.push(...calls.value);
  const stopReason = isString(message.refusal) ? 'refusal' : stopReasonOf(choice, notes);
  return ok({
    content,
    stopReason,
    stopSequence: undefined,
    usage: usageToIr(json.usage),
    notes,
  });
};
