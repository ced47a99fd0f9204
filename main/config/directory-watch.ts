import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface DirectoryWatch {
  /** Watches exactly what `files` need; returns whether a directory was newly watched. */
  refresh(files: readonly string[]): boolean;
  close(): void;
}

/**
 * The directory to watch for `file` and the entry name to look for in it. A file whose directory
 * does not exist yet (no `~/.config/vandamme-proxy/` so far) is watched from the nearest existing
 * ancestor, by the name of the next directory down, so creating it is noticed too.
 */
export function watchTarget(file: string): { readonly dir: string; readonly name: string } {
  let dir = path.dirname(file);
  let name = path.basename(file);
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    name = path.basename(dir);
    dir = path.dirname(dir);
  }
  return { dir, name };
}

/**
 * Watches the directories of a set of files, not the files: editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself, and a file may not exist yet.
 * Events are filtered by entry name. Watches are not persistent, so they never keep the process alive.
 */
export function watchDirectories(onEvent: () => void): DirectoryWatch {
  const watchers = new Map<string, FSWatcher>();
  const names = new Map<string, Set<string>>();

  const open = (dir: string): boolean => {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, filename) => {
        // Some platforms do not report the name; reloading once too often is harmless.
        if (filename === null || names.get(dir)?.has(filename.toString())) onEvent();
      });
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
      return true;
    } catch {
      // The directory vanished between the check and the watch; the next refresh tries again.
      return false;
    }
  };

  return {
    refresh(files) {
      names.clear();
      for (const file of files) {
        const { dir, name } = watchTarget(file);
        names.set(dir, (names.get(dir) ?? new Set()).add(name));
      }
      for (const [dir, watcher] of watchers) {
        if (names.has(dir)) continue;
        watcher.close();
        watchers.delete(dir);
      }
      let added = false;
      for (const dir of names.keys()) if (!watchers.has(dir) && open(dir)) added = true;
      return added;
    },
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
