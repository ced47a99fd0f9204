import { runClaude } from './claude-cli.js';
import {
  startFakeUpstream,
  type FakeUpstream,
  type Responder,
} from '../main/test-support/fake-upstream.js';
import { startProxy, type Harness } from '../main/test-support/proxy-harness.js';

/** What the fake model is asked in the two-turn Bash session; the responders look for it. */
export const ECHO_PROMPT = 'Please run the echo command with the Bash tool.';

export interface ToolSessionSetup {
  readonly upstream: FakeUpstream;
  readonly proxy: Harness;
  close(): Promise<void>;
}

/** The proxy in front of a fake model of one OpenAI format, as provider `fake` (the default). */
export async function startToolSession(
  format: 'openai' | 'responses',
  model: Responder,
): Promise<ToolSessionSetup> {
  const upstream = await startFakeUpstream(model);
  const proxy = await startProxy({
    FAKE_API_KEY: `sk-test-FAKE-e2e-${format}-000000000000`,
    FAKE_BASE_URL: `${upstream.url}/v1`,
    FAKE_API_FORMAT: format,
    VDM_DEFAULT_PROVIDER: 'fake',
  });
  return {
    upstream,
    proxy,
    close: async () => {
      await proxy.close();
      await upstream.close();
    },
  };
}

/** `claude -p` asking for the echo, with only `Bash(echo:*)` allowed: it runs the tool itself. */
export const runEchoSession = (proxyUrl: string): Promise<string> =>
  runClaude(proxyUrl, [
    '-p',
    ECHO_PROMPT,
    '--model',
    'fake:gpt-e2e',
    '--allowedTools',
    'Bash(echo:*)',
  ]);
