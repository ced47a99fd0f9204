import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutClaude } from './claude-cli.js';
import { runEchoSession, startToolSession, type ToolSessionSetup } from './tool-session.js';
import { chatChunk, chatStream, type Responder } from '../main/test-support/fake-upstream.js';

const MARKER = 'hello-from-the-tool';

/**
 * A fake OpenAI model that, asked with tools, calls Bash `echo`; given the tool's output, answers
 * with it; anything else Claude Code asks on the side (titles, summaries) gets a short text.
 */
const model: Responder = (req, res) => {
  const body = JSON.parse(req.body) as {
    messages: { role: string; content: unknown }[];
    tools?: { function: { name: string } }[];
  };
  const toolResult = body.messages.find(
    (m) => m.role === 'tool' && JSON.stringify(m.content).includes(MARKER),
  );
  const words = (text: string) => text.split(/(?= )/).map((t) => chatChunk({ content: t }));
  if (toolResult) {
    return chatStream([
      ...words(`The tool printed ${MARKER} and we are done.`),
      chatChunk({}, { finish_reason: 'stop' }),
    ])(req, res);
  }
  const hasBash = body.tools?.some((t) => t.function.name === 'Bash');
  const asksForTool = JSON.stringify(body.messages).includes('run the echo');
  if (hasBash && asksForTool) {
    const args = JSON.stringify({ command: `echo ${MARKER}`, description: 'Print the marker' });
    return chatStream([
      chatChunk({ role: 'assistant', content: null }),
      chatChunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_echo_1',
            type: 'function',
            function: { name: 'Bash', arguments: '' },
          },
        ],
      }),
      chatChunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, 20) } }] }),
      chatChunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(20) } }] }),
      chatChunk({}, { finish_reason: 'tool_calls' }),
    ])(req, res);
  }
  return chatStream([chatChunk({ content: 'ok' }), chatChunk({}, { finish_reason: 'stop' })])(
    req,
    res,
  );
};

describe.skipIf(skipWithoutClaude)(
  'the real Claude Code CLI through the proxy to an OpenAI-format upstream',
  () => {
    let session: ToolSessionSetup;

    beforeAll(async () => {
      session = await startToolSession('openai', model);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('runs a two-turn tool session: the model calls Bash echo, Claude Code runs it, the result goes back, the answer prints', async () => {
      const stdout = await runEchoSession(session.proxy.url);
      expect(stdout).toContain(`The tool printed ${MARKER}`);
      const turns = session.upstream.requests.filter((r) => r.body.includes('run the echo'));
      expect(turns.length).toBeGreaterThanOrEqual(2);
      const second = JSON.parse(turns.at(-1)?.body ?? '{}') as {
        model: string;
        messages: { role: string; tool_call_id?: string; content: unknown }[];
      };
      expect(second.model).toBe('gpt-e2e');
      const toolMessage = second.messages.find((m) => m.role === 'tool');
      expect(toolMessage?.tool_call_id).toBe('call_echo_1');
      expect(JSON.stringify(toolMessage?.content)).toContain(MARKER);
    }, 120_000);
  },
);
