import type { SecretStoreView } from '../../../../shared/admin/views.js';

/** Keys go only to a safe store: when there is none, say why and how to fix it, loudly. */
export function SecretStoreNotice({ store }: { readonly store: SecretStoreView | null }) {
  if (store === null) return null;
  if (store.unavailable) {
    return (
      <div className="banner banner-error" role="alert" data-testid="secret-store-unavailable">
        <p className="banner-message">Keys cannot be added: {store.unavailable.reason}</p>
        <p className="banner-fix">{store.unavailable.fix}</p>
      </div>
    );
  }
  if (store.warning) {
    return (
      <div className="banner banner-warn" data-testid="secret-store-warning">
        <p className="banner-message">{store.warning}</p>
      </div>
    );
  }
  return <p className="muted">Keys are stored in {store.description}.</p>;
}
