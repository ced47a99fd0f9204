import type { DefaultProviderView } from '../../../../shared/admin/views.js';

/** Which provider a bare model name goes to, and why when it is not the configured one. */
export function DefaultProviderNote({ view }: { readonly view: DefaultProviderView }) {
  const tone = view.kind === 'configured' ? 'muted' : 'banner banner-warn';
  return (
    <div className={tone} data-testid="default-provider">
      {view.name !== null ? (
        <p>
          Default provider: <strong>{view.name}</strong>
          {view.kind === 'fallback' ? ' (fallback)' : ''}
        </p>
      ) : (
        <p>No default provider.</p>
      )}
      {view.reason !== null ? <p>{view.reason}</p> : null}
    </div>
  );
}
