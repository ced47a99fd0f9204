import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { err, ok, type Result } from '../../shared/result.js';
import { failed, invalidAccount, messageOf, redactError } from './secret-errors.js';
import type { SecretError, SecretOperation, SecretStore } from './secret-store.js';
import { createSerialQueue } from './serial-queue.js';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const FORMAT_VERSION = 1;

type Secrets = Readonly<Record<string, string>>;

interface SecretsFile {
  readonly version: typeof FORMAT_VERSION;
  readonly secrets: Secrets;
}

const isErrnoException = (value: unknown): value is NodeJS.ErrnoException =>
  value instanceof Error && 'code' in value;

// POSIX modes mean nothing on Windows (NTFS ACLs decide), so only enforce them elsewhere.
const enforcesModes = process.platform !== 'win32';

const displayPath = (path: string): string => {
  const home = homedir();
  return home.length > 0 && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
};

const parseSecrets = (text: string): Secrets | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parse error text quotes file content, which may be a secret: never surface it.
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const secrets: unknown = (parsed as { secrets?: unknown }).secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) return undefined;
  const entries = Object.entries(secrets);
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined;
  return Object.fromEntries(entries) as Secrets;
};

const corruptSuffix = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Plain-text secrets, opt-in only (VDM_SECRET_STORE=file). Writes are atomic (temp file in the
 * same directory, fsync, rename) so a crash never leaves a half-written file, and the mode is
 * forced to 0600 on every read and write so a loosened file gets fixed rather than trusted.
 */
export const createFileSecretStore = (path: string): SecretStore => {
  const serial = createSerialQueue();
  const shown = displayPath(path);

  const readAll = async (operation: SecretOperation): Promise<Result<Secrets, SecretError>> => {
    let text: string;
    try {
      if (enforcesModes) {
        const info = await stat(path);
        if ((info.mode & 0o777) !== FILE_MODE) await chmod(path, FILE_MODE);
      }
      text = await readFile(path, 'utf8');
    } catch (cause) {
      if (isErrnoException(cause) && cause.code === 'ENOENT') return ok({});
      return err(failed(operation, `cannot read ${shown}: ${messageOf(cause)}`));
    }
    const secrets = parseSecrets(text);
    if (secrets !== undefined) return ok(secrets);
    // Keep the bytes: silently starting over would lose every key the user saved.
    const aside = `${path}.corrupt-${corruptSuffix()}`;
    try {
      await rename(path, aside);
    } catch (cause) {
      return err(
        failed(
          operation,
          `${shown} is not a valid secrets file and could not be moved aside: ${messageOf(cause)}`,
        ),
      );
    }
    return err(
      failed(
        operation,
        `${shown} was not a valid secrets file; it was moved to ${displayPath(aside)} (inspect or delete it, then re-enter your keys)`,
      ),
    );
  };

  const writeAll = async (
    operation: SecretOperation,
    secrets: Secrets,
  ): Promise<Result<void, SecretError>> => {
    const dir = dirname(path);
    const temp = join(
      dir,
      `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    const body: SecretsFile = { version: FORMAT_VERSION, secrets };
    try {
      await mkdir(dir, { recursive: true, mode: DIR_MODE });
      const handle = await open(temp, 'wx', FILE_MODE);
      try {
        // The umask can only narrow the create mode; chmod makes 0600 exact regardless.
        if (enforcesModes) await handle.chmod(FILE_MODE);
        await handle.writeFile(`${JSON.stringify(body, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
      await syncDirectory(dir);
      return ok(undefined);
    } catch (cause) {
      await rm(temp, { force: true }).catch(() => undefined);
      return err(failed(operation, `cannot write ${shown}: ${messageOf(cause)}`));
    }
  };

  return {
    kind: 'file',
    description: `file ${shown} (plain text, 0600)`,
    warning:
      `Secrets are stored in plain text in ${shown}: any program running as your user can read them. ` +
      'To use the OS keychain instead, unset VDM_SECRET_STORE (or set VDM_SECRET_STORE=keychain) and make sure a keychain is available.',
    get: (account) =>
      serial(async () => {
        const invalid = invalidAccount(account, 'get');
        if (invalid) return err(invalid);
        const all = await readAll('get');
        return all.ok
          ? ok(Object.hasOwn(all.value, account) ? all.value[account] : undefined)
          : all;
      }),
    set: (account, secret) =>
      serial(async (): Promise<Result<void, SecretError>> => {
        const invalid = invalidAccount(account, 'set');
        if (invalid) return err(invalid);
        const all = await readAll('set');
        return all.ok ? writeAll('set', { ...all.value, [account]: secret }) : all;
      }).then((result) => (result.ok ? result : err(redactError(result.error, [secret])))),
    delete: (account) =>
      serial(async () => {
        const invalid = invalidAccount(account, 'delete');
        if (invalid) return err(invalid);
        const all = await readAll('delete');
        if (!all.ok) return all;
        if (!Object.hasOwn(all.value, account)) return ok(false);
        const rest = Object.fromEntries(
          Object.entries(all.value).filter(([name]) => name !== account),
        );
        const written = await writeAll('delete', rest);
        return written.ok ? ok(true) : written;
      }),
    list: () =>
      serial(async () => {
        const all = await readAll('list');
        return all.ok ? ok(Object.keys(all.value).sort()) : all;
      }),
  };
};

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine to skip. */
const syncDirectory = async (dir: string): Promise<void> => {
  if (!enforcesModes) return;
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
};
