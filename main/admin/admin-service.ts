import type {
  AdminEvent,
  AdminOperation,
  AdminOutput,
  AdminParsedInput,
} from '../../shared/admin/contract.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { Result } from '../../shared/result.js';

/**
 * The one implementation of the admin contract (ARCHITECTURE.md). It receives parsed input: the
 * transports validate with the contract's schemas first (`dispatchAdmin`), so no handler sees
 * anything the schema did not accept.
 */
export interface AdminService {
  handle<Op extends AdminOperation>(
    operation: Op,
    input: AdminParsedInput<Op>,
  ): Promise<Result<AdminOutput<Op>, AppError>>;
  /** Pushed events (`activity.subscribe`); returns the unsubscribe function. */
  subscribe(listener: (event: AdminEvent) => void): () => void;
}
