import { headerValue, parseDurationMs, type UpstreamHeaders } from './retry-after.js';

/** What an upstream error body says, whatever its envelope. Not yet redacted. */
export interface UpstreamErrorInfo {
  readonly message: string | undefined;
  /** Anthropic/OpenAI `error.type`, Google `error.status`, Bedrock `x-amzn-ErrorType`. */
  readonly type: string | undefined;
  /** OpenAI/Azure `error.code` when it is a name (Azure's "429" repeats the status and is dropped). */
  readonly code: string | undefined;
  /** Anthropic's spend cap: `error.details.error_code` (fixture notes; not in the SDK types). */
  readonly detailCode: string | undefined;
  /** Google `RetryInfo.retryDelay` ("37s") from `error.details`. */
  readonly retryDelayMs: number | undefined;
}

const EXCERPT_CHARS = 300;
/** Envelope messages are kept whole up to this; a longer one is not a message but a dump. */
const MESSAGE_CHARS = 2000;

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A short readable excerpt of a non-JSON body: an HTML page's title, or its text. */
export function excerptOf(bodyText: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(bodyText)?.[1];
  const text = (title ?? bodyText.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : clip(text, EXCERPT_CHARS);
}

function googleRetryDelay(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as unknown[]) {
    const delay = isObject(detail) ? str(detail['retryDelay']) : undefined;
    const ms = delay === undefined ? undefined : parseDurationMs(delay);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

function nameCode(code: unknown): string | undefined {
  const text = str(code);
  return text === undefined || /^\d+$/.test(text) ? undefined : text;
}

/** Bedrock puts the type in a header ("ThrottlingException:http://internal.amazon.com/..."). */
function awsType(body: Json, headers: UpstreamHeaders): string | undefined {
  const header = headerValue(headers, 'x-amzn-errortype');
  const raw = header ?? str(body['__type']);
  return raw?.split(':')[0]?.split('#').pop();
}

function fromEnvelope(body: Json, headers: UpstreamHeaders): UpstreamErrorInfo | undefined {
  const error = body['error'];
  if (isObject(error)) {
    const details = error['details'];
    return {
      message: str(error['message']),
      // Google has no `type`; its `status` ("RESOURCE_EXHAUSTED") plays that part.
      type: str(error['type']) ?? str(error['status']),
      code: nameCode(error['code']),
      detailCode: isObject(details) ? str(details['error_code']) : undefined,
      retryDelayMs: googleRetryDelay(details),
    };
  }
  const none = { type: undefined, code: undefined, detailCode: undefined, retryDelayMs: undefined };
  // `{"error": "..."}` (Ollama and other small servers).
  if (str(error) !== undefined) return { ...none, message: str(error) };
  // Bedrock and other AWS services: `{"message": "..."}`, sometimes `Message`.
  const message = str(body['message']) ?? str(body['Message']);
  if (message !== undefined) return { ...none, message, type: awsType(body, headers) };
  // FastAPI-style servers (many self-hosted OpenAI-compatible ones).
  if (str(body['detail']) !== undefined) return { ...none, message: str(body['detail']) };
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the message and type out of any known envelope: Anthropic `{type:"error",error:{type,
 * message}}` (also Cloudflare's 413 without `type`), OpenAI `{error:{message,type,param,code}}`,
 * Azure (`code` as a string, sometimes the status), Google `{error:{code,message,status}}` possibly
 * inside an array, Bedrock `{message}` with x-amzn-ErrorType. Otherwise a short excerpt of the body.
 */
export function extractUpstreamError(
  bodyText: string,
  headers: UpstreamHeaders,
): UpstreamErrorInfo {
  const parsed = parseJson(bodyText);
  const body = Array.isArray(parsed) ? (parsed as unknown[])[0] : parsed;
  const found = isObject(body) ? fromEnvelope(body, headers) : undefined;
  const fallback = {
    message: undefined,
    type: isObject(body) ? undefined : awsType({}, headers),
    code: undefined,
    detailCode: undefined,
    retryDelayMs: undefined,
  };
  const info = found ?? fallback;
  const message =
    info.message === undefined ? excerptOf(bodyText) : clip(info.message, MESSAGE_CHARS);
  return { ...info, message };
}
