/** "250 ms", "1.5 s", "90 s", "6 min", "3 h": for people, so rounded to what matters. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'an unknown time';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${trim(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.ceil(ms / 60_000)} min`;
  return `${trim(ms / 3_600_000)} h`;
}

/** "512 KB", "32 MB", "1.5 MB" (binary units, as body-size limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / (1024 * 1024))} MB`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The conventional key variable of a provider (CONFIG.md: the name is the lower-cased env prefix). */
export function apiKeyVariable(provider: string): string {
  return `${provider.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/** Client-supplied text quoted in a message: no control characters, bounded length. */
export function quoteClientText(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** Joins a sentence that may or may not end in punctuation with the one after it. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?\u2026]$/.test(t) ? t : `${t}.`;
}
