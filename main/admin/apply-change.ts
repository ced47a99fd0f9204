import type { AppError } from '../../shared/domain/app-error.js';
import { err, type Result } from '../../shared/result.js';
import type { SettingsDocument } from '../config/app-settings.js';
import { isTable } from '../config/document-layer.js';
import { formatConfigIssue } from '../config/format-issue.js';
import type { ConfigSnapshot } from '../config/model.js';
import type { SecretError } from '../secrets/secret-store.js';
import type { AdminContext } from './admin-context.js';

type Table = Record<string, unknown>;

/** A copy of `table` without `key`. */
export function without(table: Readonly<Table>, key: string): Table {
  return Object.fromEntries(Object.entries(table).filter(([name]) => name !== key));
}

/** A copy of the document with `section` (a provider, or `defaults`) replaced by `edit`'s result. */
export function editSection(
  document: SettingsDocument,
  section: string,
  edit: (table: Table) => Table | undefined,
): SettingsDocument {
  const current = document[section];
  const next = edit({ ...(isTable(current) ? current : {}) });
  const others = without(document, section);
  return next === undefined ? others : { ...others, [section]: next };
}

/** A copy of `table[key]` (a sub-table such as `aliases`) with `edit` applied; empty tables are dropped. */
export function editSubTable(table: Table, key: string, edit: (sub: Table) => Table): Table {
  const current = table[key];
  const sub = edit({ ...(isTable(current) ? current : {}) });
  const others = without(table, key);
  return Object.keys(sub).length === 0 ? others : { ...others, [key]: sub };
}

export function secretStoreError(error: SecretError): AppError {
  return error.kind === 'unavailable'
    ? {
        kind: 'secret-store-unavailable',
        message: `Keys cannot be stored: ${error.reason}.`,
        fix: error.fix,
      }
    : {
        kind: 'internal',
        message: `The secret store refused to ${error.operation}: ${error.message}.`,
        fix: 'Check that the keychain is unlocked, then try again.',
      };
}

/**
 * Writes the window's settings and applies them to the running proxy in one step. If the result
 * does not load (it would break the config), the previous document is written back and the reason
 * is returned: the user's last good config is never lost.
 */
export function applyDocument(
  ctx: AdminContext,
  next: SettingsDocument,
): Result<ConfigSnapshot, AppError> {
  const previous = ctx.settings.read();
  try {
    ctx.settings.writeDocument(next);
  } catch (error) {
    return err({
      kind: 'internal',
      message: `The settings could not be saved to ${ctx.settings.path}: ${error instanceof Error ? error.message : String(error)}.`,
      fix: 'Check that the folder is writable and the disk is not full.',
    });
  }
  const reloaded = ctx.reload();
  if (reloaded.ok) {
    ctx.emit({ kind: 'changed', what: 'config' });
    return reloaded;
  }
  ctx.settings.writeDocument(previous);
  ctx.reload();
  return err({
    kind: 'conflict',
    message: `That change would make the configuration invalid: ${reloaded.error.map(formatConfigIssue).join('; ')}.`,
    fix: 'Nothing was changed. Correct the value named above and try again.',
  });
}

/**
 * After the secret store changed: reload so the proxy uses the new secrets now. If they do not
 * load, `undo` puts the previous ones back first, so the store and the running config agree.
 */
export async function applySecrets(
  ctx: AdminContext,
  undo: () => Promise<unknown>,
): Promise<Result<ConfigSnapshot, AppError>> {
  const reloaded = ctx.reload();
  if (!reloaded.ok) {
    await undo();
    ctx.reload();
    return err({
      kind: 'conflict',
      message: `That change would make the configuration invalid: ${reloaded.error.map(formatConfigIssue).join('; ')}.`,
      fix: 'Nothing was changed. Correct the value named above and try again.',
    });
  }
  ctx.emit({ kind: 'changed', what: 'keys' });
  return reloaded;
}
