import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import type { OAuthDeps } from './oauth-deps.js';
import {
  denied,
  deviceExpired,
  deviceUnsupported,
  tokenEndpoint,
  type OAuthError,
} from './oauth-errors.js';
import { endpointOf, type OAuthProvider } from './oauth-provider.js';
import { startCodexDeviceSignIn } from './codex-device-sign-in.js';
import { createDeadline, type SignInDeadline, type SignInOptions } from './sign-in-deadline.js';
import type { SignInSummary } from './stored-tokens.js';
import { interpretTokenAnswer, oauthErrorOf, postForm } from './token-endpoint.js';
import { storeSignIn } from './token-set.js';

/** RFC 8628 section 3.4. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 section 3.2: "If no value is provided, clients MUST use 5 as the default." */
const DEFAULT_INTERVAL_S = 5;
/** RFC 8628 section 3.5: on slow_down the interval "MUST be increased by 5 seconds". */
const SLOW_DOWN_STEP_MS = 5000;

/** RFC 8628 section 3.2. */
const deviceAuthorizationSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number().positive(),
  interval: z.number().positive().optional(),
});

export interface DeviceSignIn {
  /** Show this, with `verificationUri`, for the user to enter on any device. */
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string | undefined;
  /** Epoch ms after which the code is worthless. */
  readonly expiresAt: number;
  readonly done: Promise<Result<SignInSummary, OAuthError>>;
}

interface DeviceGrant {
  readonly deviceCode: string;
  readonly expiresAt: number;
  readonly intervalMs: number;
}

/** Device authorization grant (RFC 8628) for remote and headless machines. */
export async function startDeviceSignIn(
  provider: OAuthProvider,
  deps: OAuthDeps,
  options: SignInOptions = {},
): Promise<Result<DeviceSignIn, OAuthError>> {
  if (provider.device.kind === 'none') {
    return err(deviceUnsupported(provider.displayName, provider.device.reason));
  }
  if (provider.device.kind === 'codex-deviceauth') {
    return startCodexDeviceSignIn(provider, provider.device, deps, options);
  }
  // RFC 8628 section 3.1.
  const answer = await postForm(
    deps.fetch,
    endpointOf(provider, provider.device.deviceAuthorizationPath),
    { client_id: provider.clientId, scope: provider.scopes.join(' ') },
    options.signal,
  );
  if (!answer.ok) return answer;
  const parsed = deviceAuthorizationSchema.safeParse(answer.value.body);
  if (answer.value.status !== 200 || !parsed.success) {
    const oauthError = oauthErrorOf(answer.value.body);
    return err(
      tokenEndpoint(
        answer.value.status,
        oauthError?.code,
        oauthError?.description ?? 'the device authorization answer was not understood',
      ),
    );
  }
  const now = deps.clock.now();
  const grant: DeviceGrant = {
    deviceCode: parsed.data.device_code,
    expiresAt: now + parsed.data.expires_in * 1000,
    intervalMs: (parsed.data.interval ?? DEFAULT_INTERVAL_S) * 1000,
  };
  const deadline = createDeadline(`${provider.displayName} device sign-in`, options);
  return ok({
    userCode: parsed.data.user_code,
    verificationUri: parsed.data.verification_uri,
    verificationUriComplete: parsed.data.verification_uri_complete,
    expiresAt: grant.expiresAt,
    done: poll(provider, deps, grant, deadline).finally(() => deadline.dispose()),
  });
}

/** RFC 8628 section 3.4 and 3.5: poll at `interval`, slower on slow_down, until an answer. */
async function poll(
  provider: OAuthProvider,
  deps: OAuthDeps,
  grant: DeviceGrant,
  deadline: SignInDeadline,
): Promise<Result<SignInSummary, OAuthError>> {
  let intervalMs = grant.intervalMs;
  for (;;) {
    try {
      await deps.sleep(intervalMs, deadline.signal);
    } catch {
      return err(deadline.reason() ?? deviceExpired());
    }
    if (deps.clock.now() >= grant.expiresAt) return err(deviceExpired());
    const form = {
      grant_type: DEVICE_CODE_GRANT,
      device_code: grant.deviceCode,
      client_id: provider.clientId,
    };
    const answer = await postForm(
      deps.fetch,
      endpointOf(provider, provider.tokenPath),
      form,
      deadline.signal,
    );
    const aborted = deadline.reason();
    if (aborted) return err(aborted);
    if (!answer.ok) return answer;
    const code = answer.value.status === 200 ? undefined : oauthErrorOf(answer.value.body)?.code;
    if (code === 'authorization_pending') continue;
    if (code === 'slow_down') {
      intervalMs += SLOW_DOWN_STEP_MS;
      continue;
    }
    if (code === 'expired_token') return err(deviceExpired());
    if (code === 'access_denied') return err(denied('access_denied', 'the code was not approved'));
    const tokens = interpretTokenAnswer(answer.value, Object.values(form));
    return tokens.ok ? storeSignIn(provider, deps, tokens.value) : tokens;
  }
}
