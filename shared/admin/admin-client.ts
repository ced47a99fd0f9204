import type { AppError } from '../domain/app-error.js';
import type { Result } from '../result.js';
import type { AdminEvent, AdminInput, AdminOperation, AdminOutput } from './contract.js';

/**
 * What the renderer talks to, whichever transport is behind it (IPC in the app, HTTP in a
 * browser): one method per contract operation, and a subscription to pushed events.
 */
export interface AdminClient {
  call<Op extends AdminOperation>(
    operation: Op,
    input: AdminInput<Op>,
  ): Promise<Result<AdminOutput<Op>, AppError>>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: AdminEvent) => void): () => void;
}
