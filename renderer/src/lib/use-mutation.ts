import { useCallback, useState } from 'react';
import type { AdminInput, AdminOperation, AdminOutput } from '../../../shared/admin/contract.js';
import type { AppError } from '../../../shared/domain/app-error.js';
import { useAdmin } from './admin-context.js';

export interface Mutation<Op extends AdminOperation> {
  readonly run: (input: AdminInput<Op>) => Promise<AdminOutput<Op> | null>;
  readonly busy: boolean;
  readonly error: AppError | null;
  readonly clearError: () => void;
}

/** One action button or form: tracks busy (to disable it) and the last error (to show its fix). */
export function useMutation<Op extends AdminOperation>(
  operation: Op,
  onDone?: (value: AdminOutput<Op>) => void,
): Mutation<Op> {
  const client = useAdmin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (input: AdminInput<Op>) => {
      setBusy(true);
      setError(null);
      const result = await client.call(operation, input);
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      onDone?.(result.value);
      return result.value;
    },
    [client, operation, onDone],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
