import { createRequire } from 'node:module';
import { estimateImageTokens, IMAGE_FALLBACK_TOKENS } from './count-tokens-image.js';

type CountTokens = (text: string) => number;
let countTokensOnce: CountTokens | undefined;

/**
 * The o200k_base tables take ~130 ms and tens of MB to load, so they load on the first count,
 * not with the proxy (cold start and idle memory are measured: bench/RESULTS.md).
 */
function countTokens(text: string): number {
  countTokensOnce ??= (
    createRequire(import.meta.url)('gpt-tokenizer/encoding/o200k_base') as {
      countTokens: CountTokens;
    }
  ).countTokens;
  return countTokensOnce(text);
}

export { estimateImageTokens } from './count-tokens-image.js';

// Local stand-in for /v1/messages/count_tokens when the upstream cannot count. o200k_base is
// used on purpose: the request goes to a non-Anthropic model, whose tokenizer is closer to o200k
// than to Claude's, and Claude Code only needs the number to decide when to compact.
//
// Constants, calibrated against shared/fixtures/protocol/anthropic-count-tokens.txt (see the
// test): the raw content there is tiny (40 to 67 tokens) and the answers are 563 and 612, so
// almost all of it is the tool-use preamble Anthropic injects when tools are present.

// Role markers and turn separators around each message.
const PER_MESSAGE = 4;
// Separators between content blocks inside a message, and around system blocks.
const PER_BLOCK = 1;
// The request's own framing (start of prompt, assistant cue).
const PER_REQUEST = 3;
// The wrapper each tool definition gets in the rendered tool list (name/description/schema keys).
const PER_TOOL = 8;
// Anthropic documents a 346-token tool-use system prompt (313 for tool_choice any/tool) on
// Claude 4 models; the fixture's answers for claude-sonnet-4-6 imply a larger one, so the
// documented value is topped up by the fit (the test prints both sides).
const TOOLS_PREAMBLE = 346 + 165;
const TOOLS_PREAMBLE_FORCED_DISCOUNT = 346 - 313;
// PDFs and other binary documents: no cheap page count from base64, so one page-ish guess.
const DOCUMENT_FALLBACK_TOKENS = IMAGE_FALLBACK_TOKENS;

type Json = Readonly<Record<string, unknown>>;

export function countAnthropicTokens(body: Readonly<Record<string, unknown>>): number {
  let total = PER_REQUEST + countSystem(body.system);

  if (Array.isArray(body.messages)) {
    for (const message of body.messages) {
      if (!isObject(message)) continue;
      total += PER_MESSAGE + countContent(message.content);
    }
  }

  if (Array.isArray(body.tools) && body.tools.length > 0) {
    total +=
      TOOLS_PREAMBLE - (isForcedToolChoice(body.tool_choice) ? TOOLS_PREAMBLE_FORCED_DISCOUNT : 0);
    for (const tool of body.tools) {
      if (isObject(tool)) total += countTool(tool);
    }
  }

  return total;
}

function countSystem(system: unknown): number {
  if (typeof system === 'string') return system.length > 0 ? PER_BLOCK + tokens(system) : 0;
  return Array.isArray(system) ? countBlocks(system) : 0;
}

function countContent(content: unknown): number {
  if (typeof content === 'string') return tokens(content);
  return Array.isArray(content) ? countBlocks(content) : 0;
}

function countBlocks(blocks: readonly unknown[]): number {
  let total = 0;
  for (const block of blocks) {
    if (typeof block === 'string') total += PER_BLOCK + tokens(block);
    else if (isObject(block)) total += PER_BLOCK + countBlock(block);
  }
  return total;
}

function countBlock(block: Json): number {
  switch (block.type) {
    case 'text':
      return tokens(block.text);
    case 'thinking':
      // The signature is opaque and not part of the prompt.
      return tokens(block.thinking);
    case 'redacted_thinking':
      return 0; // encrypted; the upstream we translate to never sees it as text
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      return tokens(block.name) + tokens(compactJson(block.input ?? {}));
    case 'tool_result':
    case 'mcp_tool_result':
      return countContent(block.content);
    case 'image':
      return estimateImageTokens(block.source);
    case 'document':
      return countDocument(block);
    case 'search_result':
      return tokens(block.title) + tokens(block.source) + countContent(block.content);
    default:
      return countUnknownBlock(block);
  }
}

function countDocument(block: Json): number {
  const source = isObject(block.source) ? block.source : {};
  const meta = tokens(block.title) + tokens(block.context);
  if (source.type === 'text') return meta + tokens(source.data);
  if (source.type === 'content') return meta + countContent(source.content);
  return meta + DOCUMENT_FALLBACK_TOKENS;
}

// New block types (web search results, container uploads...) still cost something: count their
// JSON minus the fields that are bookkeeping rather than prompt text.
function countUnknownBlock(block: Json): number {
  const { type: _type, cache_control: _cache, id: _id, signature: _sig, ...rest } = block;
  return Object.keys(rest).length > 0 ? tokens(compactJson(rest)) : 0;
}

function countTool(tool: Json): number {
  let total = PER_TOOL + tokens(tool.name) + tokens(tool.description);
  if (tool.input_schema !== undefined) {
    total += tokens(compactJson(tool.input_schema));
  } else {
    // Server tools (web_search_2025..., bash_2025...) carry settings instead of a schema.
    const {
      name: _name,
      description: _description,
      cache_control: _cache,
      type: _type,
      ...rest
    } = tool;
    if (Object.keys(rest).length > 0) total += tokens(compactJson(rest));
  }
  return total;
}

function isForcedToolChoice(choice: unknown): boolean {
  return isObject(choice) && (choice.type === 'any' || choice.type === 'tool');
}

function tokens(value: unknown): number {
  return typeof value === 'string' && value.length > 0 ? countTokens(value) : 0;
}

function compactJson(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
