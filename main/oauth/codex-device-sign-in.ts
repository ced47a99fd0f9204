import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import type { DeviceSignIn } from './device-sign-in.js';
import type { OAuthDeps } from './oauth-deps.js';
import {
  deviceExpired,
  deviceUnsupported,
  tokenEndpoint,
  type OAuthError,
} from './oauth-errors.js';
import { endpointOf, issuerOf, type DeviceSupport, type OAuthProvider } from './oauth-provider.js';
import { createDeadline, type SignInDeadline, type SignInOptions } from './sign-in-deadline.js';
import type { SignInSummary } from './stored-tokens.js';
import { postJson, requestTokens } from './token-endpoint.js';
import { storeSignIn } from './token-set.js';

type CodexDevice = Extract<DeviceSupport, { kind: 'codex-deviceauth' }>;

/** Codex accepts `user_code` or `usercode`, and an interval sent as a string. */
const userCodeSchema = z.object({
  device_auth_id: z.string().min(1),
  user_code: z.string().min(1).optional(),
  usercode: z.string().min(1).optional(),
  interval: z.union([z.string(), z.number()]).optional(),
});

const codeSchema = z.object({
  authorization_code: z.string().min(1),
  code_verifier: z.string().min(1),
});

interface Pending {
  readonly deviceAuthId: string;
  readonly userCode: string;
  readonly expiresAt: number;
  readonly intervalMs: number;
}

/**
 * ChatGPT's device login as the Codex CLI does it: ask for a user code, poll until the user
 * approved it (403/404 mean "not yet"), receive an authorization code with its PKCE verifier, and
 * exchange that at the standard token endpoint (RFC 6749 4.1.3) with the device callback URI.
 */
export async function startCodexDeviceSignIn(
  provider: OAuthProvider,
  device: CodexDevice,
  deps: OAuthDeps,
  options: SignInOptions,
): Promise<Result<DeviceSignIn, OAuthError>> {
  const answer = await postJson(
    deps.fetch,
    endpointOf(provider, device.userCodePath),
    { client_id: provider.clientId },
    options.signal,
  );
  if (!answer.ok) return answer;
  if (answer.value.status === 404) {
    return err(deviceUnsupported(provider.displayName, 'the server has device login turned off.'));
  }
  const parsed = userCodeSchema.safeParse(answer.value.body);
  const userCode = parsed.success ? (parsed.data.user_code ?? parsed.data.usercode) : undefined;
  if (answer.value.status !== 200 || !parsed.success || userCode === undefined) {
    return err(
      tokenEndpoint(answer.value.status, undefined, 'the device code answer was not understood'),
    );
  }
  const intervalS = Number(parsed.data.interval ?? 5);
  const pending: Pending = {
    deviceAuthId: parsed.data.device_auth_id,
    userCode,
    expiresAt: deps.clock.now() + device.lifetimeMs,
    intervalMs: (Number.isFinite(intervalS) && intervalS > 0 ? intervalS : 5) * 1000,
  };
  const deadline = createDeadline(`${provider.displayName} device sign-in`, options);
  return ok({
    userCode,
    verificationUri: endpointOf(provider, device.verificationPath),
    verificationUriComplete: undefined,
    expiresAt: pending.expiresAt,
    done: poll(provider, device, deps, pending, deadline).finally(() => deadline.dispose()),
  });
}

async function poll(
  provider: OAuthProvider,
  device: CodexDevice,
  deps: OAuthDeps,
  pending: Pending,
  deadline: SignInDeadline,
): Promise<Result<SignInSummary, OAuthError>> {
  for (;;) {
    try {
      await deps.sleep(pending.intervalMs, deadline.signal);
    } catch {
      return err(deadline.reason() ?? deviceExpired());
    }
    if (deps.clock.now() >= pending.expiresAt) return err(deviceExpired());
    const answer = await postJson(
      deps.fetch,
      endpointOf(provider, device.pollPath),
      { device_auth_id: pending.deviceAuthId, user_code: pending.userCode },
      deadline.signal,
    );
    const aborted = deadline.reason();
    if (aborted) return err(aborted);
    if (!answer.ok) return answer;
    if (answer.value.status === 403 || answer.value.status === 404) continue;
    const code = codeSchema.safeParse(answer.value.body);
    if (answer.value.status !== 200 || !code.success) {
      return err(tokenEndpoint(answer.value.status, undefined, 'device login failed'));
    }
    const tokens = await requestTokens(
      deps.fetch,
      endpointOf(provider, provider.tokenPath),
      {
        grant_type: 'authorization_code',
        code: code.data.authorization_code,
        redirect_uri: `${issuerOf(provider)}${device.callbackPath}`,
        client_id: provider.clientId,
        code_verifier: code.data.code_verifier,
      },
      deadline.signal,
    );
    return tokens.ok ? storeSignIn(provider, deps, tokens.value) : tokens;
  }
}
