import type { RoutingError } from '../routing/model.js';

/**
 * Everything that can stop a proxied request, as a value (ARCHITECTURE.md "Errors are values").
 * Every pipeline step returns one of these; `describeError` words it for people, `statusOf` maps it
 * to HTTP and the renderers put it in the client's dialect. None carries a stack trace or a secret.
 */
export type ProxyError =
  /** 400: bad JSON or a missing/invalid field; `message` names the field and the fix. */
  | { readonly kind: 'invalid-request'; readonly message: string }
  /** 401: PROXY_API_KEY is set and the client did not present it. */
  | { readonly kind: 'client-unauthorized' }
  /** 403: the Host header is not our address (DNS-rebinding guard). */
  | { readonly kind: 'forbidden-host'; readonly host: string }
  /** 413: the body exceeds the configured limit. */
  | { readonly kind: 'body-too-large'; readonly limitBytes: number }
  /** 404: no route for this method and path. */
  | { readonly kind: 'not-found'; readonly method: string; readonly path: string }
  /** 400: the model name cannot be resolved to a provider (includes "no provider configured"). */
  | { readonly kind: 'routing'; readonly error: RoutingError; readonly model: string }
  /** 400: the provider exists but is partial; `reason` names what is missing. */
  | { readonly kind: 'provider-unconfigured'; readonly provider: string; readonly reason: string }
  /** 400: the request cannot be translated for this provider (yet); `message` says what to do. */
  | { readonly kind: 'conversion-unsupported'; readonly provider: string; readonly message: string }
  /**
   * No key of the provider may be used now. 401 when every key is known invalid (waiting will not
   * help), else 429 with retry-after when the pool knows when a key is back.
   */
  | {
      readonly kind: 'no-healthy-key';
      readonly provider: string;
      readonly retryAfterMs: number | undefined;
      readonly allInvalid: boolean;
      /** Key hints and their states, e.g. "…aaaa invalid, …bbbb rate-limited". Never full keys. */
      readonly detail: string;
    }
  /**
   * The upstream answered with an HTTP error; its status is kept so 401/429/529 reach the client as
   * such. `message`, `upstreamType` and `upstreamCode` are already redacted of key material.
   */
  | {
      readonly kind: 'upstream-http';
      readonly provider: string;
      readonly status: number;
      readonly upstreamType: string | undefined;
      /** OpenAI/Azure `code` (e.g. insufficient_quota, content_filter, DeploymentNotFound). */
      readonly upstreamCode: string | undefined;
      readonly message: string;
      readonly retryAfterMs: number | undefined;
      /** Quota, credit or spend cap exhausted: retrying this key will not help (no retry signals). */
      readonly quota: boolean;
    }
  /** 502: no HTTP answer at all; `code` is the stable system/undici code, `message` names both. */
  | {
      readonly kind: 'upstream-network';
      readonly provider: string;
      readonly code: string;
      readonly message: string;
    }
  /** 504: the upstream was silent for too long in one phase of the exchange. */
  | {
      readonly kind: 'upstream-timeout';
      readonly provider: string;
      readonly phase: 'connect' | 'headers' | 'idle';
      readonly timeoutMs: number;
    }
  /**
   * 401: an OAuth provider has no usable sign-in (never signed in, refresh refused, or the
   * upstream kept refusing after one refresh); `message` and `fix` come from the sign-in engine.
   */
  | {
      readonly kind: 'oauth-not-signed-in';
      readonly provider: string;
      readonly message: string;
      readonly fix: string;
    }
  /** 499 internally: the client left; there is nobody to render an answer to. */
  | { readonly kind: 'client-aborted' }
  /** 500: a bug or an unexpected state; `message` is for people, never a stack trace. */
  | { readonly kind: 'internal'; readonly message: string };

export type ProxyErrorKind = ProxyError['kind'];
