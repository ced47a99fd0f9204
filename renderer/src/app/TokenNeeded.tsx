/** Shown instead of the window when the browser has no valid admin token. */
export function TokenNeeded() {
  return (
    <main className="token-needed" data-testid="admin-token-needed">
      <h1>Open the link from `vdm serve`</h1>
      <p>
        This page controls your proxy, so it needs the admin token. When it started,{' '}
        <code>vdm serve</code> printed a link like <code>http://127.0.0.1:8082/#token=…</code>: open
        that link (it contains the token).
      </p>
      <p className="muted">
        The token changes each time the proxy starts. If you restarted it, open the new link.
      </p>
    </main>
  );
}
