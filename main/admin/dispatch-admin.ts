import {
  adminOperations,
  isAdminOperation,
  type AdminOperation,
  type AdminOutput,
} from '../../shared/admin/contract.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { err, type Result } from '../../shared/result.js';
import type { AdminService } from './admin-service.js';

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
  );
}

/**
 * What both transports do with a request: name the operation, parse the untrusted input with the
 * contract's schema, call the service. Anything thrown becomes an `internal` error without its
 * stack or message (which could carry a value we must not show), and is logged by the caller.
 */
export async function dispatchAdmin(
  service: AdminService,
  operation: string,
  rawInput: unknown,
  onUnexpected: (error: unknown) => void = () => undefined,
): Promise<Result<AdminOutput<AdminOperation>, AppError>> {
  if (!isAdminOperation(operation)) {
    return err({
      kind: 'not-found',
      message: `There is no admin operation "${operation}".`,
      fix: `Use one of: ${Object.keys(adminOperations).join(', ')}.`,
    });
  }
  const parsed = adminOperations[operation].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    return err({
      kind: 'invalid-input',
      message: `The request for ${operation} is not valid: ${issues.join('; ')}.`,
      fix: 'Correct the fields named above and try again.',
      issues,
    });
  }
  try {
    return await service.handle(operation, parsed.data as never);
  } catch (error) {
    onUnexpected(error);
    return err({
      kind: 'internal',
      message: `${operation} failed unexpectedly.`,
      fix: 'See the proxy log for details, and report it if it happens again.',
    });
  }
}
