import { createParser } from 'eventsource-parser';
import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import { isFiniteNumber, isObject, isString, type JsonObject } from '../json-narrowing.js';
import { errorEventToProxyError, responseFailure } from './stream-error.js';

/**
 * A whole Responses event stream (a provider that only streams, e.g. the ChatGPT backend, asked on
 * behalf of a non-streaming client) -> the final `response` object, or the error it ended with.
 * The items come from `output_item.done` (each complete); the terminal event supplies status and
 * usage, and its own `output` only when no item event was seen.
 */
export function collectResponsesStream(
  text: string,
  provider: string,
): Result<JsonObject, ProxyError> {
  const items = new Map<number, unknown>();
  let terminal: JsonObject | undefined;
  let failure: ProxyError | undefined;
  const parser = createParser({
    onEvent: (event) => {
      if (terminal !== undefined || failure !== undefined) return;
      let data: unknown;
      try {
        data = JSON.parse(event.data) as unknown;
      } catch {
        return;
      }
      if (!isObject(data) || !isString(data.type)) return;
      const response = isObject(data.response) ? data.response : undefined;
      if (data.type === 'response.output_item.done' && isFiniteNumber(data.output_index)) {
        items.set(data.output_index, data.item);
      } else if (data.type === 'response.completed' || data.type === 'response.incomplete') {
        terminal = response ?? {};
      } else if (data.type === 'response.failed') {
        failure = responseFailure(response?.error, provider);
      } else if (data.type === 'error') {
        failure = errorEventToProxyError(data, provider);
      }
    },
  });
  parser.feed(`${text}\n\n`);
  if (failure !== undefined) return err(failure);
  if (terminal === undefined) {
    return err({
      kind: 'upstream-network',
      provider,
      code: 'INCOMPLETE_STREAM',
      message: `${provider} ended its event stream before the response was complete.`,
    });
  }
  const collected = [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
  const output =
    collected.length > 0 || !Array.isArray(terminal.output) ? collected : terminal.output;
  return ok({ ...terminal, output });
}
