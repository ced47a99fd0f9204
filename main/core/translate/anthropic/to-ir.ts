import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type {
  IrMessage,
  IrReasoningEffort,
  IrRole,
  IrSampling,
  IrTextPart,
  IrRequest,
} from '../ir.js';
import {
  isArray,
  isFiniteNumber,
  isObject,
  isString,
  isStringArray,
  type JsonObject,
} from '../json-narrowing.js';
import { contentToIr } from './content-to-ir.js';
import { toolChoiceToIr, toolsToIr } from './tools-to-ir.js';

type Converted<T> = Result<T, ProxyError>;

const invalid = (message: string): Converted<never> => err({ kind: 'invalid-request', message });

/**
 * Claude Code's first system block changes every release; forwarding it breaks the upstream's
 * prompt cache (TRANSLATION.md), and only Anthropic reads it.
 */
const BILLING_HEADER_PREFIX = 'x-anthropic-billing-header:';

const systemToIr = (system: unknown): Converted<readonly IrTextPart[]> => {
  if (system === undefined) return ok([]);
  if (isString(system)) return ok(system === '' ? [] : [{ kind: 'text', text: system }]);
  if (!isArray(system)) return invalid('"system" must be a string or an array of text blocks.');
  const parts: IrTextPart[] = [];
  for (const [i, block] of system.entries()) {
    if (!isObject(block) || block.type !== 'text' || !isString(block.text)) {
      return invalid(`system[${i}]: must be a text block with a string "text".`);
    }
    if (!block.text.startsWith(BILLING_HEADER_PREFIX))
      parts.push({ kind: 'text', text: block.text });
  }
  return ok(parts);
};

const ROLES: ReadonlySet<unknown> = new Set<IrRole>(['user', 'assistant', 'system']);
const isRole = (value: unknown): value is IrRole => ROLES.has(value);

const messagesToIr = (messages: unknown): Converted<readonly IrMessage[]> => {
  if (!isArray(messages)) return invalid('"messages" must be an array.');
  const out: IrMessage[] = [];
  for (const [i, message] of messages.entries()) {
    const where = `messages[${i}]`;
    if (!isObject(message) || !isRole(message.role)) {
      return invalid(`${where}: "role" must be user, assistant or system.`);
    }
    const content = contentToIr(message.content, message.role, where);
    if (!content.ok) return content;
    out.push({ role: message.role, content: content.value });
  }
  return ok(out);
};

/** Budget thresholds (brief): below 4096 is a quick think, 16384 and up a long one. */
const effortFromBudget = (budget: number): IrReasoningEffort =>
  budget < 4096 ? 'low' : budget < 16384 ? 'medium' : 'high';

/** Anthropic's effort levels above "high" have no Chat equivalent; "high" is the closest. */
const EFFORTS: Readonly<Record<string, IrReasoningEffort>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'high',
  max: 'high',
};

/**
 * `output_config.effort` wins over a thinking budget: it is the newer, explicit knob. Adaptive
 * thinking alone says "think if useful", which is the target's default, so it sets nothing.
 */
const reasoningEffortToIr = (body: JsonObject): Converted<IrReasoningEffort | undefined> => {
  const outputConfig = body.output_config;
  if (isObject(outputConfig) && outputConfig.effort !== undefined) {
    const effort = isString(outputConfig.effort) ? EFFORTS[outputConfig.effort] : undefined;
    if (effort === undefined) {
      return invalid(
        `"output_config.effort" must be low, medium, high or max, not ${JSON.stringify(outputConfig.effort)}.`,
      );
    }
    return ok(effort);
  }
  const thinking = body.thinking;
  if (thinking === undefined) return ok(undefined);
  if (!isObject(thinking)) return invalid('"thinking" must be an object.');
  if (thinking.type !== 'enabled') return ok(undefined);
  if (!isFiniteNumber(thinking.budget_tokens)) {
    return invalid('"thinking" of type "enabled" needs a number "budget_tokens".');
  }
  return ok(effortFromBudget(thinking.budget_tokens));
};

const optionalNumber = (body: JsonObject, field: string): Converted<number | undefined> => {
  const value = body[field];
  if (value === undefined) return ok(undefined);
  return isFiniteNumber(value) ? ok(value) : invalid(`"${field}" must be a number.`);
};

const samplingToIr = (body: JsonObject): Converted<IrSampling> => {
  const maxTokens = body.max_tokens;
  if (
    maxTokens !== undefined &&
    !(isFiniteNumber(maxTokens) && Number.isInteger(maxTokens) && maxTokens > 0)
  ) {
    return invalid('"max_tokens" must be a positive integer.');
  }
  const temperature = optionalNumber(body, 'temperature');
  if (!temperature.ok) return temperature;
  const topP = optionalNumber(body, 'top_p');
  if (!topP.ok) return topP;
  const stop = body.stop_sequences ?? [];
  if (!isStringArray(stop)) return invalid('"stop_sequences" must be an array of strings.');
  return ok({
    maxTokens,
    temperature: temperature.value,
    topP: topP.value,
    stop,
  });
};

/**
 * An Anthropic Messages request body to IR, validated as it is read. `top_k`, `metadata`,
 * `context_management` and `cache_control` have no Chat equivalent and are accepted and dropped.
 */
export const anthropicRequestToIr = (
  body: Readonly<Record<string, unknown>>,
): Result<IrRequest, ProxyError> => {
  if (!isString(body.model) || body.model === '')
    return invalid('"model" must be a non-empty string.');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') {
    return invalid('"stream" must be a boolean.');
  }
  const system = systemToIr(body.system);
  if (!system.ok) return system;
  const messages = messagesToIr(body.messages);
  if (!messages.ok) return messages;
  const tools = toolsToIr(body.tools);
  if (!tools.ok) return tools;
  const toolChoice = toolChoiceToIr(body.tool_choice);
  if (!toolChoice.ok) return toolChoice;
  const sampling = samplingToIr(body);
  if (!sampling.ok) return sampling;
  const effort = reasoningEffortToIr(body);
  if (!effort.ok) return effort;
  return ok({
    model: body.model,
    system: system.value,
    messages: messages.value,
    tools: tools.value.tools,
    toolChoice: toolChoice.value.choice,
    parallelToolCalls: toolChoice.value.parallelToolCalls,
    sampling: sampling.value,
    reasoningEffort: effort.value,
    stream: body.stream === true,
    droppedTools: tools.value.dropped,
  });
};
