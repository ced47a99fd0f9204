import type { Responder } from './fake-upstream.js';

/** One Responses stream event; `type` doubles as the SSE event name, as the API sends it. */
export type ResponsesEvent = Readonly<Record<string, unknown>> & { readonly type: string };

export interface FakeUsage {
  readonly input?: number;
  readonly cached?: number;
  readonly output?: number;
}

/** A `response` object as the API returns it (and as response.completed carries it). */
export function responseObject(
  output: readonly unknown[],
  options: { status?: string; usage?: FakeUsage; incompleteReason?: string } = {},
): Record<string, unknown> {
  const usage = options.usage ?? {};
  return {
    id: 'resp_fake_1',
    object: 'response',
    created_at: 1_787_220_960,
    status: options.status ?? 'completed',
    error: null,
    incomplete_details:
      options.incompleteReason === undefined ? null : { reason: options.incompleteReason },
    model: 'gpt-fake-2026',
    output,
    usage: {
      input_tokens: usage.input ?? 20,
      input_tokens_details: { cached_tokens: usage.cached ?? 0 },
      output_tokens: usage.output ?? 5,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: (usage.input ?? 20) + (usage.output ?? 5),
    },
  };
}

export const messageItem = (text: string, id = 'msg_fake_1'): Record<string, unknown> => ({
  id,
  type: 'message',
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'output_text', annotations: [], text }],
});

export const functionCallItem = (
  callId: string,
  name: string,
  args: string,
): Record<string, unknown> => ({
  id: `fc_${callId}`,
  type: 'function_call',
  status: 'completed',
  call_id: callId,
  name,
  arguments: args,
});

export const reasoningItem = (summary: string, encrypted: string): Record<string, unknown> => ({
  id: 'rs_fake_1',
  type: 'reasoning',
  summary: [{ type: 'summary_text', text: summary }],
  encrypted_content: encrypted,
});

/**
 * The events a server streams for `output` (text and arguments in `pieces`-sized deltas), framed
 * like openai-responses-stream-tools.txt, ending with response.completed (or `terminal`).
 */
export function responsesEventsFor(
  output: readonly Record<string, unknown>[],
  options: { usage?: FakeUsage; pieces?: number; terminal?: ResponsesEvent } = {},
): ResponsesEvent[] {
  const size = options.pieces ?? 8;
  const split = (text: string): string[] => text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
  const events: ResponsesEvent[] = [
    { type: 'response.created', response: responseObject([], { status: 'in_progress' }) },
  ];
  output.forEach((item, outputIndex) => {
    const base = { output_index: outputIndex, item_id: item['id'] };
    if (item['type'] === 'function_call') {
      events.push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: { ...item, arguments: '' },
      });
      for (const delta of split(String(item['arguments']))) {
        events.push({ type: 'response.function_call_arguments.delta', ...base, delta });
      }
    } else if (item['type'] === 'reasoning') {
      events.push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: { ...item, summary: [] },
      });
      const [summary] = item['summary'] as { text: string }[];
      for (const delta of split(summary?.text ?? '')) {
        events.push({
          type: 'response.reasoning_summary_text.delta',
          ...base,
          summary_index: 0,
          delta,
        });
      }
    } else {
      events.push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: { ...item, content: [] },
      });
      const [part] = item['content'] as { text: string }[];
      for (const delta of split(part?.text ?? '')) {
        events.push({ type: 'response.output_text.delta', ...base, content_index: 0, delta });
      }
    }
    events.push({ type: 'response.output_item.done', output_index: outputIndex, item });
  });
  events.push(
    options.terminal ?? {
      type: 'response.completed',
      response: responseObject(output, options.usage === undefined ? {} : { usage: options.usage }),
    },
  );
  return events.map((event, i) => ({ ...event, sequence_number: i }));
}

export function responsesSse(events: readonly ResponsesEvent[]): string {
  return events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

/** A Responses event stream, one event per write (no `[DONE]`: the API sends none). */
export function responsesStream(events: readonly ResponsesEvent[]): Responder {
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    for (const event of events) {
      await new Promise<void>((resolve) => res.write(responsesSse([event]), () => resolve()));
    }
    res.end();
  };
}

/** A non-streaming Responses answer. */
export function responsesJson(response: unknown): Responder {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  };
}

/** Streams when asked to, answers JSON otherwise: like the API itself. */
export function responsesReply(
  output: readonly Record<string, unknown>[],
  usage?: FakeUsage,
): Responder {
  return (req, res) => {
    const body = JSON.parse(req.body) as { stream?: boolean };
    const opts = usage === undefined ? {} : { usage };
    if (body.stream) return responsesStream(responsesEventsFor(output, opts))(req, res);
    return responsesJson(responseObject(output, opts))(req, res);
  };
}
