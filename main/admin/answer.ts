import type { AdminOperation, AdminOutput } from '../../shared/admin/contract.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { Result } from '../../shared/result.js';

/** What a handler of `Op` gives back. */
export type Answer<Op extends AdminOperation> = Promise<Result<AdminOutput<Op>, AppError>>;
