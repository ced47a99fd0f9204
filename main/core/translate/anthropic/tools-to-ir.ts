import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import type { IrTool, IrToolChoice } from '../ir.js';
import { isArray, isObject, isString, type JsonObject } from '../json-narrowing.js';

const invalid = (message: string): Result<never, ProxyError> =>
  err({ kind: 'invalid-request', message });

export interface ToolsIr {
  readonly tools: readonly IrTool[];
  readonly dropped: readonly string[];
}

/**
 * Claude Code's captured request cuts most `input_schema`s (fixture note); a tool without one
 * still works as a function that takes an empty object, which beats failing the whole request.
 */
const EMPTY_OBJECT_SCHEMA: JsonObject = { type: 'object', properties: {} };

/**
 * Server tools (`web_search_20250305`, ...) run on Anthropic's servers and `defer_loading` tools are
 * loaded by Anthropic's tool search: neither is a function another provider can call (TRANSLATION.md).
 */
const isFunctionTool = (tool: JsonObject): boolean =>
  (tool.type === undefined || tool.type === 'custom') && tool.defer_loading !== true;

export const toolsToIr = (tools: unknown): Result<ToolsIr, ProxyError> => {
  if (tools === undefined) return ok({ tools: [], dropped: [] });
  if (!isArray(tools)) return invalid('"tools" must be an array.');
  const kept: IrTool[] = [];
  const dropped: string[] = [];
  for (const [i, tool] of tools.entries()) {
    if (!isObject(tool) || !isString(tool.name)) {
      return invalid(`tools[${i}]: needs a string "name".`);
    }
    if (!isFunctionTool(tool)) {
      dropped.push(tool.name);
      continue;
    }
    if (tool.input_schema !== undefined && !isObject(tool.input_schema)) {
      return invalid(`tools[${i}] (${tool.name}): "input_schema" must be an object.`);
    }
    if (tool.description !== undefined && !isString(tool.description)) {
      return invalid(`tools[${i}] (${tool.name}): "description" must be a string.`);
    }
    kept.push({
      name: tool.name,
      description: tool.description,
      schema: tool.input_schema ?? EMPTY_OBJECT_SCHEMA,
    });
  }
  return ok({ tools: kept, dropped });
};

export interface ToolChoiceIr {
  readonly choice: IrToolChoice | undefined;
  readonly parallelToolCalls: boolean | undefined;
}

const choiceOf = (value: JsonObject): Result<IrToolChoice, ProxyError> => {
  switch (value.type) {
    case 'auto':
    case 'any':
    case 'none':
      return ok({ kind: value.type });
    case 'tool':
      return isString(value.name)
        ? ok({ kind: 'tool', name: value.name })
        : invalid('"tool_choice" of type "tool" needs a string "name".');
    default:
      return invalid(
        `"tool_choice.type" must be auto, any, tool or none, not ${JSON.stringify(value.type)}.`,
      );
  }
};

export const toolChoiceToIr = (value: unknown): Result<ToolChoiceIr, ProxyError> => {
  if (value === undefined) return ok({ choice: undefined, parallelToolCalls: undefined });
  if (!isObject(value)) return invalid('"tool_choice" must be an object.');
  const choice = choiceOf(value);
  if (!choice.ok) return choice;
  return ok({
    choice: choice.value,
    parallelToolCalls: value.disable_parallel_tool_use === true ? false : undefined,
  });
};
