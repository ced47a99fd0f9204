import type { AppError } from '../../shared/domain/app-error.js';
import { err, type Result } from '../../shared/result.js';
import type { RuntimeOptions, VdmRuntime } from './vdm-runtime.js';

/** Builds the runtime both shells drive. (Being written: the admin service lands next.) */
export async function startRuntime(_options: RuntimeOptions): Promise<Result<VdmRuntime, AppError>> {
  return err({ kind: 'internal', message: 'not built yet', fix: 'wait for the admin service' });
}
