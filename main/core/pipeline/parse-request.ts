import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { measureDepth } from '../http/json-scan.js';

/** Deeper than any real request (Claude Code's tool schemas nest ~12); stops parser abuse. */
export const MAX_JSON_DEPTH = 128;

const contentBlock = z.looseObject({ type: z.string() });
const message = z.looseObject({
  role: z.string().min(1),
  content: z.union([z.string(), z.array(contentBlock)]),
});

/** The shape a Messages request must have to be worth sending anywhere; unknown fields pass. */
const messagesRequest = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(message),
  stream: z.boolean().optional(),
});

const countTokensRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message),
});

/** OpenAI Chat Completions: content may be a string, parts, or null (assistant tool calls). */
const chatMessage = z.looseObject({ role: z.string().min(1) });
const chatRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(chatMessage).min(1),
  stream: z.boolean().optional(),
});

export type AnthropicEndpoint = 'messages' | 'count_tokens';
export type RequestShape = AnthropicEndpoint | 'chat';

const SHAPES = {
  messages: messagesRequest,
  count_tokens: countTokensRequest,
  chat: chatRequest,
} as const;

export interface ParsedRequest {
  /** The client's body bytes, kept so passthrough can forward them with only `model` replaced. */
  readonly bytes: Buffer;
  readonly json: Readonly<Record<string, unknown>>;
  readonly model: string;
  readonly stream: boolean;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${path}: ${issue.message}`;
}

export function parseClientRequest(
  body: Buffer,
  endpoint: RequestShape,
): Result<ParsedRequest, ProxyError> {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    return err({
      kind: 'invalid-request',
      message: 'The request body is empty; send a JSON object with model and messages.',
    });
  }
  if (measureDepth(body) > MAX_JSON_DEPTH) {
    return err({
      kind: 'invalid-request',
      message: `The request JSON nests deeper than ${MAX_JSON_DEPTH} levels.`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unparseable';
    return err({
      kind: 'invalid-request',
      message: `The request body is not valid JSON (${reason}).`,
    });
  }
  const schema = SHAPES[endpoint];
  const checked = schema.safeParse(json);
  if (!checked.success) {
    const details = checked.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return err({ kind: 'invalid-request', message: `Invalid request: ${details}.` });
  }
  const data = checked.data as Record<string, unknown> & { model: string; stream?: boolean };
  return ok({ bytes: body, json: data, model: data.model, stream: data.stream === true });
}
