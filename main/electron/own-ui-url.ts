/**
 * Whether a URL is our own UI: the built renderer's `index.html` as loaded with `loadFile`.
 * Query and hash are the UI's own business (its router); scheme and path must match exactly.
 */
export function isOwnUiUrl(candidate: string, uiUrl: string): boolean {
  const parsed = parseUrl(candidate);
  const own = parseUrl(uiUrl);
  if (parsed === null || own === null) return false;
  return (
    parsed.protocol === own.protocol &&
    parsed.host === own.host &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === own.pathname
  );
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
