import { assertNever } from '../../../shared/assert-never.js';
import { describeRoutingError } from '../routing/describe-routing-error.js';
import {
  describeNoHealthyKey,
  describeUpstreamHttp,
  describeUpstreamNetwork,
  describeUpstreamTimeout,
} from './describe-upstream.js';
import { formatBytes, quoteClientText, sentence } from './format-units.js';
import type { ProxyError } from './proxy-error.js';

/** Kept in step with server.ts; a 404 that lists them saves a trip to the docs. */
const SERVED_ROUTES =
  'POST /v1/messages, POST /v1/messages/count_tokens, POST /v1/chat/completions, GET /v1/models and GET /health';

/**
 * The message a person reads (client error bodies, the Activity view, the CLI): what happened and
 * what to do about it. Never a stack trace, never key material.
 */
export function describeError(error: ProxyError): string {
  switch (error.kind) {
    case 'invalid-request':
    case 'conversion-unsupported':
    case 'internal':
      return error.message;
    case 'client-unauthorized':
      return (
        'This proxy requires a client key (PROXY_API_KEY is set) and the request did not present it. ' +
        'Send it as the x-api-key header or as Authorization: Bearer; for Claude Code, set ' +
        'ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) to the same value.'
      );
    case 'forbidden-host': {
      const which =
        error.host === '' ? 'A missing Host header' : `Host "${quoteClientText(error.host)}"`;
      return `${which} is not this server's address; requests must use 127.0.0.1 or localhost (DNS-rebinding protection).`;
    }
    case 'body-too-large':
      return (
        `The request body is larger than the proxy's limit of ${formatBytes(error.limitBytes)}. ` +
        'Send fewer or smaller images and files, or compact the conversation.'
      );
    case 'not-found':
      return `There is no ${quoteClientText(error.method, 20)} ${quoteClientText(error.path)} on this proxy. It serves ${SERVED_ROUTES}.`;
    case 'routing':
      return describeRoutingError(error.error);
    case 'provider-unconfigured':
      return (
        `Provider "${error.provider}" is not fully configured: ${sentence(error.reason)} ` +
        'Complete it in the environment, vandamme-config.toml or the app window, then retry.'
      );
    case 'no-healthy-key':
      return describeNoHealthyKey(error);
    case 'upstream-http':
      return describeUpstreamHttp(error);
    case 'upstream-network':
      return describeUpstreamNetwork(error);
    case 'upstream-timeout':
      return describeUpstreamTimeout(error);
    case 'oauth-not-signed-in':
      return `${sentence(error.message)} ${sentence(error.fix)}`;
    case 'client-aborted':
      return 'The client closed the connection before the answer was complete.';
    default:
      return assertNever(error);
  }
}
