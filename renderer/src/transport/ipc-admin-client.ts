import type { AdminClient } from '../../../shared/admin/admin-client.js';
import { bridgeMethodName, type VdmBridge } from '../../../shared/admin/bridge.js';
import type { AdminInput, AdminOperation, AdminOutput } from '../../../shared/admin/contract.js';
import type { AppError } from '../../../shared/domain/app-error.js';
import type { Result } from '../../../shared/result.js';

type BridgeCall<Op extends AdminOperation> = (
  input: AdminInput<Op>,
) => Promise<Result<AdminOutput<Op>, AppError>>;

/** The admin contract through the Electron preload's named methods (`window.vdm`). */
export function createIpcAdminClient(bridge: VdmBridge): AdminClient {
  return {
    call<Op extends AdminOperation>(operation: Op, input: AdminInput<Op>) {
      // TypeScript cannot follow a generic operation through the mapped method names; the
      // BridgeMethodName type guarantees each name maps to this operation's signature.
      const method = bridge[bridgeMethodName(operation)] as unknown as BridgeCall<Op>;
      return method(input);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
