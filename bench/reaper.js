// @ts-check
/**
 * Kills the benchmark's proxy processes if the runner dies without cleaning up (kill -9, OOM):
 * the runner forks this with IPC and sends `{ add: pid }` / `{ remove: pid }`; when the IPC channel
 * closes, whatever is still registered gets SIGKILL. (The fake upstream watches its own channel.)
 */
/** @type {Set<number>} */
const pids = new Set();

process.on('message', (msg) => {
  const m = /** @type {{ add?: number, remove?: number }} */ (msg);
  if (m.add) pids.add(m.add);
  if (m.remove) pids.delete(m.remove);
});

process.on('disconnect', () => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
});
