import type { AppError } from '../domain/app-error.js';
import type { Result } from '../result.js';
import {
  ADMIN_OPERATIONS,
  type AdminEvent,
  type AdminInput,
  type AdminOperation,
  type AdminOutput,
} from './contract.js';

/** `providers.list` -> `providersList`: the preload's method name for an operation. */
export type BridgeMethodName<Op extends string> = Op extends `${infer Head}.${infer Tail}`
  ? `${Head}${Capitalize<Tail>}`
  : Op;

export function bridgeMethodName<Op extends AdminOperation>(operation: Op): BridgeMethodName<Op> {
  const [head, tail = ''] = operation.split('.');
  return `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}` as BridgeMethodName<Op>;
}

/**
 * What the Electron preload exposes as `window.vdm`: one named method per operation (never a
 * generic invoke, ARCHITECTURE.md), each returning a `Result`, plus the event subscription.
 */
export type VdmBridge = {
  readonly [Op in AdminOperation as BridgeMethodName<Op>]: (
    input: AdminInput<Op>,
  ) => Promise<Result<AdminOutput<Op>, AppError>>;
} & {
  /** Returns the unsubscribe function. */
  readonly onEvent: (listener: (event: AdminEvent) => void) => () => void;
};

/** IPC channel of an operation (`vdm:providers.list`) and of pushed events. */
export const adminChannel = (operation: AdminOperation): string => `vdm:${operation}`;
export const ADMIN_EVENT_CHANNEL = 'vdm:event';

export const BRIDGE_METHODS: readonly { operation: AdminOperation; method: string }[] =
  ADMIN_OPERATIONS.map((operation) => ({ operation, method: bridgeMethodName(operation) }));
