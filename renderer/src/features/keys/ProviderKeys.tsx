import type { ProviderView, SecretStoreView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { sourceText } from '../../lib/source-text.js';
import { useMutation } from '../../lib/use-mutation.js';
import { AddKeysForm } from './AddKeysForm.js';
import { KeyRow } from './KeyRow.js';

interface Props {
  readonly provider: ProviderView;
  readonly clockOffset: number;
  readonly secretStore: SecretStoreView | null;
  readonly onChanged: () => void;
}

export function ProviderKeys({ provider, clockOffset, secretStore, onChanged }: Props) {
  const resetAll = useMutation('keys.resetHealth', onChanged);
  const keySource = provider.sources['api-key'];
  const anyUnhealthy = provider.keys.some((k) => k.status.kind !== 'healthy');
  return (
    <section className="card" aria-labelledby={`keys-title-${provider.name}`}>
      <header className="card-header">
        <h2 id={`keys-title-${provider.name}`}>{provider.name}</h2>
        {anyUnhealthy ? (
          <button
            type="button"
            disabled={resetAll.busy}
            onClick={() => void resetAll.run({ provider: provider.name })}
          >
            Retry all now
          </button>
        ) : null}
      </header>
      {provider.keys.length === 0 ? (
        <p className="muted">No keys.</p>
      ) : (
        <ul className="key-list">
          {provider.keys.map((key) => (
            <KeyRow
              key={key.hash}
              provider={provider.name}
              keyView={key}
              clockOffset={clockOffset}
              onChanged={onChanged}
              detailed
            />
          ))}
        </ul>
      )}
      <ErrorBanner error={resetAll.error} />
      {provider.authMode === 'passthrough' ? (
        <p className="muted">
          {provider.name} passes each client&apos;s own key through; the proxy stores none.
        </p>
      ) : provider.keysEditable ? (
        <AddKeysForm
          provider={provider.name}
          disabled={secretStore?.unavailable != null}
          onAdded={onChanged}
        />
      ) : (
        <p className="muted">
          Keys of {provider.name} are set {keySource ? sourceText(keySource) : 'outside the app'};
          change them there.
        </p>
      )}
    </section>
  );
}
