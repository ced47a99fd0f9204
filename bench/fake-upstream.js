// @ts-check
/**
 * A fake Anthropic upstream for the overhead benchmark, run as its own process so its CPU and
 * event loop are not shared with the load generator or the proxy.
 *
 * `POST /v1/messages` answers a small Messages JSON (~400 bytes), or with `"stream": true` an SSE
 * stream: message_start, content_block_start, N text deltas, content_block_stop, message_delta,
 * message_stop. N and the pause between deltas come from the request headers `x-bench-chunks`
 * (default 10) and `x-bench-interval-ms` (default 0); each delta is its own `write`. Pauses are
 * relative (each delta waits the interval after the previous one), so slow timers stretch the
 * stream instead of bunching deltas into one TCP segment.
 *
 * `POST /v1/chat/completions` is the same for an OpenAI upstream: a small `chat.completion` JSON, or
 * with `"stream": true` a Chat stream: a role chunk, N content delta chunks, a finish chunk, a usage
 * chunk (`choices: []`) and `data: [DONE]`, one `write` per chunk, paced the same way. The proxy does
 * not forward client headers on a translated request, so N and the pause can also ride in the body
 * as the text `x-bench-chunks=N` / `x-bench-interval-ms=N` (say in the prompt); headers win.
 *
 * `POST /v1/responses` is the same for an OpenAI Responses upstream: a small `response` JSON, or with
 * `"stream": true` the Responses event stream (`event:` + `data:`, each with its `sequence_number`):
 * response.created, response.in_progress, output_item.added, content_part.added, N
 * `response.output_text.delta`s, output_text.done, content_part.done, output_item.done and
 * response.completed with usage (no `[DONE]`), one `write` per delta, paced the same way.
 *
 * Run: `node bench/fake-upstream.js [--port N] [--host H]`. Reports its address by IPC
 * (`{ type: 'listening', url, port }`) when forked, and always as a stdout line
 * `fake-upstream listening on http://127.0.0.1:PORT`. Exits when its parent disconnects.
 */
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { setTimeout, clearTimeout } from 'node:timers';

const MAX_CHUNKS = 1_000_000;
const MAX_INTERVAL_MS = 10_000;

const MESSAGE_BODY = Buffer.from(
  JSON.stringify({
    id: 'msg_bench_000000000000000001',
    type: 'message',
    role: 'assistant',
    model: 'claude-bench',
    content: [
      {
        type: 'text',
        text: 'This is a fixed answer from the benchmark fake upstream. It is padded to be about as long as a short real reply.',
      },
    ],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 12,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 24,
    },
  }),
);

const JSON_HEADERS = {
  'content-type': 'application/json',
  'content-length': String(MESSAGE_BODY.length),
  'request-id': 'req_bench_000000000001',
};

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'request-id': 'req_bench_000000000002',
};

/**
 * @param {string} type
 * @param {unknown} data
 */
const sse = (type, data) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

const STREAM_HEAD = Buffer.from(
  sse('message_start', {
    type: 'message_start',
    message: {
      id: 'msg_bench_000000000000000002',
      type: 'message',
      role: 'assistant',
      model: 'claude-bench',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: 12,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1,
      },
    },
  }) +
    sse('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    }),
);

const DELTA = Buffer.from(
  sse('content_block_delta', {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'text_delta', text: ' token' },
  }),
);

/** @param {number} chunks */
const streamTail = (chunks) =>
  sse('content_block_stop', { type: 'content_block_stop', index: 0 }) +
  sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: chunks },
  }) +
  sse('message_stop', { type: 'message_stop' });

const CHAT_BODY = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench-000000000000000001',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-bench',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content:
            'This is a fixed answer from the benchmark fake upstream. It is padded to be about as long as a short real reply.',
        },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 12, completion_tokens: 24, total_tokens: 36 },
  }),
);

const CHAT_JSON_HEADERS = {
  'content-type': 'application/json',
  'content-length': String(CHAT_BODY.length),
  'x-request-id': 'req_bench_000000000003',
};

const CHAT_SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-request-id': 'req_bench_000000000004',
};

/** @param {Record<string, unknown>} fields */
const chatChunk = (fields) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-bench-000000000000000002',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-bench',
    ...fields,
  })}\n\n`;

const CHAT_ROLE = Buffer.from(
  chatChunk({
    choices: [
      { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
    ],
  }),
);

const CHAT_DELTA = Buffer.from(
  chatChunk({
    choices: [{ index: 0, delta: { content: ' token' }, logprobs: null, finish_reason: null }],
  }),
);

const CHAT_FINISH = Buffer.from(
  chatChunk({ choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] }),
);

/** @param {number} chunks */
const chatUsage = (chunks) =>
  chatChunk({
    choices: [],
    usage: { prompt_tokens: 12, completion_tokens: chunks, total_tokens: 12 + chunks },
  });

const CHAT_DONE = 'data: [DONE]\n\n';

const RESPONSES_TEXT =
  'This is a fixed answer from the benchmark fake upstream. It is padded to be about as long as a short real reply.';

/** The one output item of a response: an assistant message, complete with `text`. @param {string} text */
const responsesMessageItem = (text) => ({
  id: 'msg_bench_000000000000000003',
  type: 'message',
  status: 'completed',
  content: [{ type: 'output_text', annotations: [], logprobs: [], text }],
  role: 'assistant',
});

/**
 * A `response` object; `item` is its one output message, omitted while in progress.
 * @param {string} id
 * @param {ReturnType<typeof responsesMessageItem> | undefined} item
 * @param {number} outputTokens
 */
const responseObject = (id, item, outputTokens) => ({
  id,
  object: 'response',
  created_at: 1_700_000_000,
  status: item ? 'completed' : 'in_progress',
  model: 'gpt-bench',
  output: item ? [item] : [],
  usage: item
    ? {
        input_tokens: 12,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 12 + outputTokens,
      }
    : null,
});

const RESPONSES_BODY = Buffer.from(
  JSON.stringify(
    responseObject('resp_bench_000000000000000001', responsesMessageItem(RESPONSES_TEXT), 24),
  ),
);

const RESPONSES_JSON_HEADERS = {
  'content-type': 'application/json',
  'content-length': String(RESPONSES_BODY.length),
  'x-request-id': 'req_bench_000000000005',
};

const RESPONSES_SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-request-id': 'req_bench_000000000006',
};

const RESPONSES_STREAM_ID = 'resp_bench_000000000000000002';
const RESPONSES_ITEM = { item_id: 'msg_bench_000000000000000003', output_index: 0 };
const RESPONSES_PART = { ...RESPONSES_ITEM, content_index: 0 };

/** The events before the deltas, sequence numbers 0 to 3. */
const RESPONSES_HEAD = Buffer.from(
  sse('response.created', {
    type: 'response.created',
    response: responseObject(RESPONSES_STREAM_ID, undefined, 0),
    sequence_number: 0,
  }) +
    sse('response.in_progress', {
      type: 'response.in_progress',
      response: responseObject(RESPONSES_STREAM_ID, undefined, 0),
      sequence_number: 1,
    }) +
    sse('response.output_item.added', {
      type: 'response.output_item.added',
      item: { ...responsesMessageItem(''), status: 'in_progress', content: [] },
      output_index: 0,
      sequence_number: 2,
    }) +
    sse('response.content_part.added', {
      type: 'response.content_part.added',
      ...RESPONSES_PART,
      part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
      sequence_number: 3,
    }),
);

// A delta event, split around its sequence number (4 + the delta's index), which is all that varies.
const [RESPONSES_DELTA_HEAD, RESPONSES_DELTA_TAIL] = sse('response.output_text.delta', {
  type: 'response.output_text.delta',
  ...RESPONSES_PART,
  delta: ' token',
  logprobs: [],
  sequence_number: -1,
}).split('-1');

/** @param {number} chunks */
function responsesTail(chunks) {
  const text = ' token'.repeat(chunks);
  const part = { type: 'output_text', annotations: [], logprobs: [], text };
  const seq = 4 + chunks;
  return [
    sse('response.output_text.done', {
      type: 'response.output_text.done',
      ...RESPONSES_PART,
      logprobs: [],
      text,
      sequence_number: seq,
    }) +
      sse('response.content_part.done', {
        type: 'response.content_part.done',
        ...RESPONSES_PART,
        part,
        sequence_number: seq + 1,
      }) +
      sse('response.output_item.done', {
        type: 'response.output_item.done',
        item: responsesMessageItem(text),
        output_index: 0,
        sequence_number: seq + 2,
      }) +
      sse('response.completed', {
        type: 'response.completed',
        response: responseObject(RESPONSES_STREAM_ID, responsesMessageItem(text), chunks),
        sequence_number: seq + 3,
      }),
  ];
}

/** The text of a delta, as the SDK accumulates it (for tests). */
export const DELTA_TEXT = ' token';

/**
 * @param {string | string[] | undefined} raw
 * @param {number} fallback
 * @param {number} max
 */
function intHeader(raw, fallback, max) {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

/**
 * The parts of one stream: headers, what goes before the deltas, a delta (or the i-th delta, for a
 * stream whose events are numbered), and the writes after.
 * @typedef {{ headers: Record<string, string>, head: Buffer,
 *   delta: Buffer | ((i: number) => string),
 *   tail: (chunks: number) => (string | Buffer)[] }} StreamShape
 */

/** @type {StreamShape} */
const MESSAGES_STREAM = {
  headers: SSE_HEADERS,
  head: STREAM_HEAD,
  delta: DELTA,
  tail: (chunks) => [streamTail(chunks)],
};

/** @type {StreamShape} */
const CHAT_STREAM = {
  headers: CHAT_SSE_HEADERS,
  head: CHAT_ROLE,
  delta: CHAT_DELTA,
  tail: (chunks) => [CHAT_FINISH, chatUsage(chunks), CHAT_DONE],
};

/** @type {StreamShape} */
const RESPONSES_STREAM = {
  headers: RESPONSES_SSE_HEADERS,
  head: RESPONSES_HEAD,
  delta: (i) => `${RESPONSES_DELTA_HEAD}${4 + i}${RESPONSES_DELTA_TAIL}`,
  tail: responsesTail,
};

/**
 * @param {import('node:http').ServerResponse} res
 * @param {StreamShape} shape
 * @param {number} chunks
 * @param {number} intervalMs
 */
function writeStream(res, shape, chunks, intervalMs) {
  const delta = shape.delta;
  const deltaAt = typeof delta === 'function' ? delta : () => delta;
  res.writeHead(200, shape.headers);
  res.write(shape.head);
  let sent = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let closed = false;
  res.once('close', () => {
    closed = true;
    if (timer) clearTimeout(timer);
  });
  const finish = () => {
    const tail = shape.tail(chunks);
    for (let i = 0; i < tail.length - 1; i += 1)
      res.write(/** @type {string | Buffer} */ (tail[i]));
    res.end(tail[tail.length - 1]);
  };
  const next = () => {
    timer = undefined;
    if (closed) return;
    if (intervalMs > 0) {
      res.write(deltaAt(sent));
      sent += 1;
      if (sent >= chunks) finish();
      else timer = setTimeout(next, intervalMs);
      return;
    }
    // Unpaced: write until the socket pushes back, then go on after 'drain'.
    while (sent < chunks) {
      sent += 1;
      if (!res.write(deltaAt(sent - 1)) && sent < chunks) {
        res.once('drain', next);
        return;
      }
    }
    finish();
  };
  if (chunks === 0) finish();
  else if (intervalMs > 0) timer = setTimeout(next, intervalMs);
  else next();
}

const STREAMS = { messages: MESSAGES_STREAM, chat: CHAT_STREAM, responses: RESPONSES_STREAM };

const ANSWERS = {
  messages: { headers: JSON_HEADERS, body: MESSAGE_BODY },
  chat: { headers: CHAT_JSON_HEADERS, body: CHAT_BODY },
  responses: { headers: RESPONSES_JSON_HEADERS, body: RESPONSES_BODY },
};

const CHUNKS_MARK = /x-bench-chunks=(\d+)/;
const INTERVAL_MARK = /x-bench-interval-ms=(\d+)/;

/**
 * A pacing value written into the request body (headers do not survive translation).
 * @param {string} text
 * @param {RegExp} mark
 */
const bodyMark = (text, mark) => mark.exec(text)?.[1];

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function handle(req, res) {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  const url = req.url ?? '';
  /** @type {'messages' | 'chat' | 'responses' | undefined} */
  const api = url.startsWith('/v1/messages')
    ? 'messages'
    : url.startsWith('/v1/chat/completions')
      ? 'chat'
      : url.startsWith('/v1/responses')
        ? 'responses'
        : undefined;
  if (req.method !== 'POST' || api === undefined) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"type":"error","error":{"type":"not_found_error","message":"not found"}}');
    return;
  }
  /** @type {Buffer[]} */
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    /** @type {{ stream?: unknown }} */
    let body;
    const text = Buffer.concat(parts).toString('utf8');
    try {
      body = JSON.parse(text);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        '{"type":"error","error":{"type":"invalid_request_error","message":"body is not JSON"}}',
      );
      return;
    }
    if (body.stream === true) {
      const chunks = intHeader(
        req.headers['x-bench-chunks'] ?? bodyMark(text, CHUNKS_MARK),
        10,
        MAX_CHUNKS,
      );
      const intervalMs = intHeader(
        req.headers['x-bench-interval-ms'] ?? bodyMark(text, INTERVAL_MARK),
        0,
        MAX_INTERVAL_MS,
      );
      writeStream(res, STREAMS[api], chunks, intervalMs);
      return;
    }
    const answer = ANSWERS[api];
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  });
}

/**
 * Starts the fake upstream in this process.
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startFakeUpstream(options = {}) {
  const server = createServer({ keepAlive: true }, handle);
  // Longer than any client's idle timeout, so the server is never the side closing a pooled socket.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 130_000;
  server.requestTimeout = 0;
  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ port?: number, host?: string }} */
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--port') out.port = Number(argv[++i]);
    else if (argv[i] === '--host') out.host = argv[++i];
  }
  return out;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const upstream = await startFakeUpstream(parseArgs(process.argv.slice(2)));
  console.log(`fake-upstream listening on ${upstream.url}`);
  if (process.send) {
    process.send({ type: 'listening', url: upstream.url, port: upstream.port });
    // Forked by the runner: go when it goes, even if it dies without cleaning up.
    process.on('disconnect', () => process.exit(0));
  }
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}
