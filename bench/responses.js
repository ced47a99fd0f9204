// @ts-check
/**
 * The OpenAI Responses path of the overhead benchmark (bench/run.js): Anthropic Messages to the
 * proxy, routed to a provider with `api-format = "responses"`, which calls the fake upstream's
 * `POST /v1/responses`. Its direct call is the Responses request the proxy itself sends the fake.
 */

/**
 * The direct call for the Responses path: the body the proxy sends `{base}/responses` for a
 * one-message Anthropic request (same keys, same order: model, input, max_output_tokens, store,
 * stream), with the provider's Bearer key. The pacing rides in `text` (the proxy forwards no client
 * headers upstream) and, for the fake's sake, in headers too.
 * @param {string} model the model after `provider:`
 * @param {string} text the user's prompt
 * @param {{ stream?: boolean, chunks?: number, intervalMs?: number }} [o]
 * @returns {import('./load.js').BenchRequest}
 */
export function responsesRequest(model, text, o = {}) {
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': 'application/json',
    accept: o.stream ? 'text/event-stream' : 'application/json',
    authorization: 'Bearer sk-fake-bench-000000000000',
  };
  if (o.stream) {
    headers['x-bench-chunks'] = String(o.chunks ?? 10);
    headers['x-bench-interval-ms'] = String(o.intervalMs ?? 0);
  }
  const body = {
    model,
    input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text }] }],
    max_output_tokens: 256,
    store: false,
    stream: o.stream === true,
  };
  return { path: '/v1/responses', headers, body: JSON.stringify(body), format: 'responses' };
}

/** What the fake's plain Responses answer contains (the direct probe checks it). */
export const RESPONSES_ANSWER = '"object":"response"';

/**
 * The note under the table for the Responses rows.
 * @param {string} model
 * @param {string | undefined} skipped why the section did not run
 */
export const responsesNote = (model, skipped) =>
  skipped
    ? `responses rows: not measured, ${skipped}.`
    : `responses rows: Anthropic Messages to the proxy with model ${model} (provider with api-format "responses"), the proxy calling the fake's /v1/responses; "direct" is the equivalent Responses request sent straight to the fake (its streams counted by response.output_text.delta events and required to end with response.completed).`;
