import type { AppError } from '../../../shared/domain/app-error.js';

/** What a failed fetch means to the user: the headless proxy is most likely not running. */
export function proxyUnreachable(operation: string): AppError {
  return {
    kind: 'internal',
    message: `Could not reach the proxy for ${operation}.`,
    fix: 'The proxy may have stopped: start it again with `vdm serve` and reload this page.',
  };
}

/** A body that is not a Result (a proxy in front, a crash page): say so instead of guessing. */
export function unexpectedAnswer(operation: string, httpStatus: number): AppError {
  return {
    kind: 'internal',
    message: `The proxy answered ${operation} with something unexpected (HTTP ${httpStatus}).`,
    fix: 'Check that this page is served by `vdm serve`, then reload it.',
  };
}
