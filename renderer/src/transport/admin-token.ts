/** sessionStorage key: the token survives a reload of the tab but not the browser session. */
export const ADMIN_TOKEN_STORAGE_KEY = 'vdm-admin-token';

/** The parts of `window` the token needs, injected so tests run without a DOM. */
export interface TokenEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly history: Pick<History, 'replaceState'>;
}

/**
 * The admin token from the link `vdm serve` printed (`#token=<hex>`), kept in sessionStorage and
 * removed from the address bar at once so it does not end up in bookmarks or screen shares.
 */
export function takeAdminToken(env: TokenEnvironment): string | null {
  const fromHash = new URLSearchParams(env.location.hash.replace(/^#/, '')).get('token');
  if (fromHash !== null && fromHash.trim() !== '') {
    env.storage.setItem(ADMIN_TOKEN_STORAGE_KEY, fromHash.trim());
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
    return fromHash.trim();
  }
  const stored = env.storage.getItem(ADMIN_TOKEN_STORAGE_KEY);
  return stored !== null && stored !== '' ? stored : null;
}

/** A token the proxy refused is useless; forget it so a reload asks for the link again. */
export function forgetAdminToken(env: Pick<TokenEnvironment, 'storage'>): void {
  env.storage.removeItem(ADMIN_TOKEN_STORAGE_KEY);
}
