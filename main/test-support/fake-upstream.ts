import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** Resolves when the connection that carried this request closes. */
  readonly socketClosed: Promise<void>;
}

export type Responder = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeUpstream {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queue answers for the next requests, in order; when empty, `fallback` answers. */
  enqueue(...responders: Responder[]): void;
  close(): Promise<void>;
}

const okMessage = (model: string) => ({
  id: 'msg_fake_01',
  type: 'message',
  role: 'assistant',
  model,
  content: [{ type: 'text', text: 'Hello from the fake upstream.' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 12,
    output_tokens: 7,
    cache_read_input_tokens: 3,
    cache_creation_input_tokens: 0,
  },
});

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Responder {
  return (_req, res) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'request-id': 'req_upstream_1',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
}

export function anthropicError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): Responder {
  return json(
    status,
    { type: 'error', error: { type, message }, request_id: 'req_upstream_err' },
    headers,
  );
}

/** A valid Messages answer echoing the model the upstream was asked for. */
export const message: Responder = (req, res) => {
  const model = (JSON.parse(req.body) as { model: string }).model;
  json(200, okMessage(model))(req, res);
};

export function sseEvents(model: string, text: readonly string[]): string[] {
  const start = {
    type: 'message_start',
    message: {
      ...okMessage(model),
      content: [],
      stop_reason: null,
      usage: { input_tokens: 12, output_tokens: 1 },
    },
  };
  return [
    `event: message_start\ndata: ${JSON.stringify(start)}\n\n`,
    `event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n`,
    ...text.map(
      (t) =>
        `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } })}\n\n`,
    ),
    `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`,
    `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":${text.length + 1}}}\n\n`,
    `event: message_stop\ndata: {"type":"message_stop"}\n\n`,
  ];
}

/** An Anthropic SSE stream, one event per write, `intervalMs` apart; `resetAfter` cuts the socket. */
export function stream(
  text: readonly string[],
  options: { intervalMs?: number; resetAfter?: number; stallAfter?: number } = {},
): Responder {
  return async (req, res) => {
    const model = (JSON.parse(req.body) as { model: string }).model;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const events = sseEvents(model, text);
    for (const [i, event] of events.entries()) {
      if (options.resetAfter !== undefined && i >= options.resetAfter) {
        res.socket?.destroy();
        return;
      }
      if (options.stallAfter !== undefined && i >= options.stallAfter) return;
      // Wait until the bytes are handed to the socket, so a reset comes after them, not instead.
      await new Promise<void>((resolve) => res.write(event, () => resolve()));
      if (options.intervalMs) await new Promise((r) => setTimeout(r, options.intervalMs));
    }
    res.end();
  };
}

/** Never answers (until the connection is closed by the other side). */
export const hang: Responder = () => undefined;

export async function startFakeUpstream(fallback: Responder = message): Promise<FakeUpstream> {
  const queue: Responder[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const socket = req.socket;
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socketClosed: new Promise((resolve) =>
          socket.destroyed ? resolve() : socket.once('close', () => resolve()),
        ),
      };
      requests.push(recorded);
      void (queue.shift() ?? fallback)(recorded, res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...responders) => queue.push(...responders),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers like Anthropic would: a stream when the request asked for one, a message otherwise. */
export function reply(text: string): Responder {
  return (req, res) => {
    const body = JSON.parse(req.body) as { stream?: boolean; model: string };
    if (body.stream) return stream(text.match(/.{1,8}/gs) ?? [text])(req, res);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...okMessage(body.model), content: [{ type: 'text', text }] }));
  };
}

/** An OpenAI Chat Completions stream: each chunk a `data:` line, then `data: [DONE]`. */
export function chatStream(
  chunks: readonly unknown[],
  options: { intervalMs?: number; silentFirstMs?: number } = {},
): Responder {
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (options.silentFirstMs) {
      // Headers out, then nothing for a while: a model reasoning before its first token.
      res.flushHeaders();
      await new Promise((r) => setTimeout(r, options.silentFirstMs));
    }
    for (const chunk of chunks) {
      await new Promise<void>((resolve) =>
        res.write(`data: ${JSON.stringify(chunk)}\n\n`, () => resolve()),
      );
      if (options.intervalMs) await new Promise((r) => setTimeout(r, options.intervalMs));
    }
    res.end('data: [DONE]\n\n');
  };
}

/** A Chat Completions chunk with the usual envelope around `choices` (or a usage-only chunk). */
export function chatChunk(
  delta: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-fake',
    choices: delta === undefined ? [] : [{ index: 0, delta, finish_reason: null, ...extra }],
    usage: null,
  };
}
