import type { IrStopReason, IrUsage } from '../ir.js';
import { isFiniteNumber, isObject, isString } from '../json-narrowing.js';

const count = (value: unknown): number => (isFiniteNumber(value) && value > 0 ? value : 0);

export const NO_USAGE: IrUsage = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };

/**
 * Responses usage -> Anthropic's: `input_tokens` includes `cached_tokens` and Anthropic counts
 * cache reads apart; `output_tokens` already includes reasoning tokens (fixture notes).
 */
export const responsesUsageToIr = (usage: unknown): IrUsage | undefined => {
  if (!isObject(usage)) return undefined;
  const details = usage.input_tokens_details;
  const cached = isObject(details) ? count(details.cached_tokens) : 0;
  return {
    input: Math.max(0, count(usage.input_tokens) - cached),
    output: count(usage.output_tokens),
    cacheRead: cached,
    cacheCreation: 0,
  };
};

/**
 * A finished response's stop reason: an incomplete one says why (max_output_tokens, or
 * content_filter), otherwise a function call makes it a tool_use turn (Responses has no
 * finish_reason; clients decide whether to run tools from stop_reason).
 */
export const responsesStopReason = (
  status: unknown,
  incompleteDetails: unknown,
  sawFunctionCall: boolean,
): IrStopReason => {
  if (status === 'incomplete') {
    const reason = isObject(incompleteDetails) ? incompleteDetails.reason : undefined;
    if (isString(reason) && reason === 'content_filter') return 'refusal';
    return 'max_tokens';
  }
  return sawFunctionCall ? 'tool_use' : 'end_turn';
};
