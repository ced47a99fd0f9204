import { useState } from 'react';
import type { ProviderView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';
import { KeyRow } from '../keys/KeyRow.js';
import { OAuthSection } from '../oauth/OAuthSection.js';
import { lockStatus } from '../oauth/sign-in-model.js';
import type { OAuthStatusState } from '../oauth/use-oauth-status.js';
import { EditProviderForm } from './EditProviderForm.js';
import { LockBadge } from './LockBadge.js';
import { ProviderFields } from './ProviderFields.js';
import { TestConnection } from './TestConnection.js';

interface Props {
  readonly provider: ProviderView;
  readonly clockOffset: number;
  readonly onChanged: () => void;
  /** `oauth.status` of the page: the sign-in section and the lock badge of OAuth providers. */
  readonly oauth: OAuthStatusState;
  /** Re-reads `oauth.status` and the list after a sign-in action. */
  readonly onOAuthChanged: () => void;
}

export function ProviderCard({ provider, clockOffset, onChanged, oauth, onOAuthChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const makeDefault = useMutation('defaultProvider.set', onChanged);
  const remove = useMutation('providers.remove', onChanged);
  const { name, status } = provider;
  const canEdit = provider.readOnlyFields.length < 4;
  const health = oauth.data?.providers.find((p) => p.name === name) ?? null;
  return (
    <article className="card" data-testid={`provider-${name}`} aria-labelledby={`p-${name}`}>
      <header className="card-header">
        <h2 id={`p-${name}`}>{name}</h2>
        {status.kind === 'ready' ? (
          <span className="badge tone-good">ready</span>
        ) : (
          <span className="badge tone-warn">partial: {status.reason}</span>
        )}
        <LockBadge provider={provider} status={lockStatus(health, provider.oauth)} />
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
      {provider.oauth !== null ? (
        <OAuthSection
          provider={name}
          health={health}
          healthAt={oauth.receivedAt}
          termsNotice={oauth.data?.termsNotice ?? null}
          statusError={oauth.error}
          fallback={provider.oauth}
          clockOffset={clockOffset}
          onChanged={onOAuthChanged}
        />
      ) : null}
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
