import { useState } from 'react';
import type { ProviderView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';
import { KeyRow } from '../keys/KeyRow.js';
import { EditProviderForm } from './EditProviderForm.js';
import { LockBadge } from './LockBadge.js';
import { ProviderFields } from './ProviderFields.js';
import { TestConnection } from './TestConnection.js';

interface Props {
  readonly provider: ProviderView;
  readonly clockOffset: number;
  readonly onChanged: () => void;
}

export function ProviderCard({ provider, clockOffset, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const makeDefault = useMutation('defaultProvider.set', onChanged);
  const remove = useMutation('providers.remove', onChanged);
  const { name, status } = provider;
  const canEdit = provider.readOnlyFields.length < 4;
  return (
    <article className="card" data-testid={`provider-${name}`} aria-labelledby={`p-${name}`}>
      <header className="card-header">
        <h2 id={`p-${name}`}>{name}</h2>
        {status.kind === 'ready' ? (
          <span className="badge tone-good">ready</span>
        ) : (
          <span className="badge tone-warn">partial: {status.reason}</span>
        )}
        <LockBadge provider={provider} />
        {provider.isDefault ? (
          <span className="badge tone-info" data-testid={`default-${name}`}>
            default
          </span>
        ) : null}
        <span className="row-actions">
          {provider.isDefault ? null : (
            <button
              type="button"
              disabled={makeDefault.busy}
              onClick={() => void makeDefault.run({ name })}
              data-testid={`make-default-${name}`}
            >
              Make default
            </button>
          )}
          {canEdit && !editing ? (
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {provider.removable ? (
            <button
              type="button"
              className="danger"
              disabled={remove.busy}
              onClick={() => void remove.run({ name })}
              data-testid={`provider-remove-${name}`}
            >
              Remove
            </button>
          ) : null}
        </span>
      </header>
      <ErrorBanner error={makeDefault.error ?? remove.error} />
      {editing ? (
        <EditProviderForm
          provider={provider}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <ProviderFields provider={provider} />
      )}
      {provider.keys.length > 0 ? (
        <ul className="key-list" aria-label={`Keys of ${name}`}>
          {provider.keys.map((key) => (
            <KeyRow
              key={key.hash}
              provider={name}
              keyView={key}
              clockOffset={clockOffset}
              onChanged={onChanged}
              detailed={false}
            />
          ))}
        </ul>
      ) : null}
      <TestConnection provider={name} />
    </article>
  );
}
