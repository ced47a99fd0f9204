/** The renderer's CSP (renderer/index.html), sent again as a header for the loaded UI. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export type ResponseHeaders = Record<string, string[]>;

/** Replaces any CSP header (whatever its case) by ours: the page cannot loosen it. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** The part of Electron's Session the CSP needs. */
export interface HeaderSession {
  readonly webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Electron's recommended CSP header (https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy).
 * For `file://` pages Chromium may not run webRequest header hooks, so the `<meta>` CSP in
 * index.html is what certainly applies there; this header covers anything served over http(s).
 */
export function installContentSecurityPolicy(session: HeaderSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
