const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Time left as a person reads it on a badge: `0:42`, `12:05`, `1:02:03`, and `2d 5h` for the
 * long rests of an exhausted quota. Never negative: an ended rest shows `0:00`.
 */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${minutes}:${pad(seconds)}`;
}

/**
 * The browser's clock may be off from the proxy's; `until` is on the proxy's clock. The offset is
 * measured when a list arrives (its `now` against the local time then) and applied on every tick.
 */
export function clockOffset(serverNow: number, localNowAtArrival: number): number {
  return serverNow - localNowAtArrival;
}

export function remainingMs(until: number, localNow: number, offset: number): number {
  return until - (localNow + offset);
}
