import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AdminEvent,
  AdminInput,
  AdminOperation,
  AdminOutput,
} from '../../../shared/admin/contract.js';
import type { AppError } from '../../../shared/domain/app-error.js';
import { useAdmin } from './admin-context.js';

export type ChangedWhat = Extract<AdminEvent, { kind: 'changed' }>['what'];

export interface QueryState<T> {
  readonly data: T | null;
  readonly error: AppError | null;
  /** Local time when `data` arrived: the base of clock offsets for countdowns. */
  readonly receivedAt: number;
  readonly reload: () => void;
}

/**
 * Fetches one operation, and again whenever the proxy says the matching state `changed`
 * (config reload, key health, sign-in), so every page stays live without polling.
 */
export function useAdminQuery<Op extends AdminOperation>(
  operation: Op,
  input: AdminInput<Op>,
  refetchOn: readonly ChangedWhat[],
): QueryState<AdminOutput<Op>> {
  const client = useAdmin();
  const [state, setState] = useState<{
    data: AdminOutput<Op> | null;
    error: AppError | null;
    receivedAt: number;
  }>({ data: null, error: null, receivedAt: 0 });
  const inputKey = JSON.stringify(input);
  const refetchKey = refetchOn.join(',');
  // Answers can arrive out of order after quick reloads; only the latest request may land.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    void client.call(operation, JSON.parse(inputKey) as AdminInput<Op>).then((result) => {
      if (ticket !== latest.current) return;
      setState((previous) =>
        result.ok
          ? { data: result.value, error: null, receivedAt: Date.now() }
          : { ...previous, error: result.error },
      );
    });
  }, [client, operation, inputKey]);

  useEffect(() => {
    reload();
    const wanted = new Set(refetchKey.split(','));
    return client.subscribe((event) => {
      if (event.kind === 'changed' && wanted.has(event.what)) reload();
    });
  }, [client, reload, refetchKey]);

  return { ...state, reload };
}
