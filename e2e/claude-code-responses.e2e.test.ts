import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutClaude } from './claude-cli.js';
import { runEchoSession, startToolSession, type ToolSessionSetup } from './tool-session.js';
import {
  functionCallItem,
  messageItem,
  responseObject,
  responsesEventsFor,
  responsesJson,
  responsesStream,
} from '../main/test-support/fake-responses.js';
import { type Responder } from '../main/test-support/fake-upstream.js';

const MARKER = 'hello-from-the-responses-tool';

/**
 * A fake Responses model that, asked with tools, calls Bash `echo`; given the call's output, answers
 * with it; anything else Claude Code asks on the side (titles, summaries) gets a short text. It
 * streams or not as the request says, like the API.
 */
const model: Responder = (req, res) => {
  const body = JSON.parse(req.body) as {
    stream?: boolean;
    input: { type: string; output?: unknown }[];
    tools?: { name: string }[];
  };
  const answer = (output: Record<string, unknown>[]): void | Promise<void> =>
    body.stream
      ? responsesStream(responsesEventsFor(output, { pieces: 6 }))(req, res)
      : responsesJson(responseObject(output))(req, res);
  const toolOutput = body.input.find(
    (item) => item.type === 'function_call_output' && JSON.stringify(item.output).includes(MARKER),
  );
  if (toolOutput) return answer([messageItem(`The tool printed ${MARKER} and we are done.`)]);
  const hasBash = body.tools?.some((t) => t.name === 'Bash');
  if (hasBash && JSON.stringify(body.input).includes('run the echo')) {
    const args = JSON.stringify({ command: `echo ${MARKER}`, description: 'Print the marker' });
    return answer([functionCallItem('call_echo_r1', 'Bash', args)]);
  }
  return answer([messageItem('ok')]);
};

describe.skipIf(skipWithoutClaude)(
  'the real Claude Code CLI through the proxy to an OpenAI Responses upstream',
  () => {
    let session: ToolSessionSetup;

    beforeAll(async () => {
      session = await startToolSession('responses', model);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('runs a two-turn tool session: the model calls Bash echo, Claude Code runs it, the output goes back, the answer prints', async () => {
      const stdout = await runEchoSession(session.proxy.url);
      expect(stdout).toContain(`The tool printed ${MARKER}`);
      const turns = session.upstream.requests.filter((r) => r.body.includes('run the echo'));
      expect(turns.length).toBeGreaterThanOrEqual(2);
      expect(turns.every((r) => r.url === '/v1/responses')).toBe(true);
      const second = JSON.parse(turns.at(-1)?.body ?? '{}') as {
        model: string;
        input: { type: string; call_id?: string; output?: unknown }[];
      };
      expect(second.model).toBe('gpt-e2e');
      const call = second.input.find((i) => i.type === 'function_call');
      const output = second.input.find((i) => i.type === 'function_call_output');
      expect(call?.call_id).toBe('call_echo_r1');
      expect(output?.call_id).toBe('call_echo_r1');
      expect(JSON.stringify(output?.output)).toContain(MARKER);
    }, 120_000);
  },
);
