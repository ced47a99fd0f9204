import type { AppStatusView } from '../../../shared/admin/views.js';

/** What needs the user's eye whatever the page: a failed reload, notices, broken providers. */
export function StatusBanners({ status }: { readonly status: AppStatusView }) {
  return (
    <>
      {status.configErrors.length > 0 ? (
        <div className="banner banner-error" role="alert" data-testid="config-errors">
          <p className="banner-message">
            The last config reload failed; the last good config is still in force.
          </p>
          <ul>
            {status.configErrors.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.attention.length > 0 ? (
        <div className="banner banner-warn" data-testid="attention">
          <ul>
            {status.attention.map((item) => (
              <li key={`${item.provider}:${item.reason}`}>
                <strong>{item.provider}</strong>: {item.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.notices.length > 0 ? (
        <div className="banner banner-info" data-testid="notices">
          <ul>
            {status.notices.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
