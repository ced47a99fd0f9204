import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out whatever is logged. The code never logs a key on purpose; this is the
 * net under it (PRODUCT.md: keys never reach the logs), checked by a test that greps a run's logs.
 */
export const REDACTED_PATHS: readonly string[] = [
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers["api-key"]',
  'apiKey',
  'apiKeys',
  'key',
  '*.apiKey',
  '*.apiKeys',
  '*.key',
  'proxyApiKey',
  '*.proxyApiKey',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' },
  };
  // Logs go to stderr so that stdout stays for what `vdm serve` tells the user.
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}
