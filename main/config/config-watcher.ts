import { watchDirectories } from './directory-watch.js';
import { loadConfig } from './load-config.js';
import type { ConfigIssue, ConfigSnapshot, ConfigSources } from './model.js';
import type { Result } from '../../shared/result.js';

export interface WatchConfigOptions {
  readonly readSources: () => ConfigSources;
  readonly initial: ConfigSnapshot;
  /** Called with a snapshot that loaded cleanly and differs from the last one. */
  readonly onChange: (next: ConfigSnapshot) => void;
  /** Called when a reload fails; the last good snapshot stays in use. */
  readonly onError: (issues: readonly ConfigIssue[]) => void;
  readonly debounceMs?: number;
}

/** Maps do not survive JSON.stringify as-is; this is only for "did anything change". */
export function snapshotFingerprint(snapshot: ConfigSnapshot): string {
  return JSON.stringify({ ...snapshot, providers: [...snapshot.providers.entries()] });
}

/** loadConfig returns its problems, but a reload runs from a timer, where a throw would crash the server. */
function safeLoad(
  readSources: () => ConfigSources,
): Result<ConfigSnapshot, readonly ConfigIssue[]> {
  try {
    return loadConfig(readSources());
  } catch (error) {
    return {
      ok: false,
      error: [{ kind: 'invalid-value', where: 'config reload', message: String(error) }],
    };
  }
}

/**
 * Hot reload: watches the config files' directories, debounces bursts of events (one save is often
 * several), reloads, and hands over only good configs that changed. The timer is unref'd and the
 * watches are not persistent, so an idle watcher never keeps the process alive.
 */
export interface ConfigWatcher {
  /** A snapshot the owner loaded and applied itself (a change made in the window): not news. */
  acknowledge(snapshot: ConfigSnapshot): void;
  close(): void;
}

export function watchConfig(opts: WatchConfigOptions): ConfigWatcher {
  const debounceMs = opts.debounceMs ?? 150;
  let fingerprint = snapshotFingerprint(opts.initial);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
    timer.unref();
  };
  const directories = watchDirectories(schedule);

  function reload(): void {
    timer = undefined;
    if (closed) return;
    const loaded = safeLoad(opts.readSources);
    if (!loaded.ok) {
      opts.onError(loaded.error);
      return;
    }
    // A directory that just appeared may have received its file before we watched it: look again.
    if (directories.refresh(loaded.value.files)) schedule();
    const next = snapshotFingerprint(loaded.value);
    if (next === fingerprint) return;
    fingerprint = next;
    opts.onChange(loaded.value);
  }

  directories.refresh(opts.initial.files);
  return {
    acknowledge(snapshot) {
      fingerprint = snapshotFingerprint(snapshot);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      directories.close();
    },
  };
}
