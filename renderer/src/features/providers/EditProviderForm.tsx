import { useState, type FormEvent } from 'react';
import type { AdminInput } from '../../../../shared/admin/contract.js';
import type { ProviderView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { useMutation } from '../../lib/use-mutation.js';
import { API_FORMAT_CHOICES, AUTH_MODE_CHOICES, isApiFormat, isAuthMode } from './choices.js';

interface Props {
  readonly provider: ProviderView;
  readonly onDone: () => void;
}

/** Fields owned by env or TOML stay read-only here, with where to change them instead. */
export function EditProviderForm({ provider, onDone }: Props) {
  const [apiFormat, setApiFormat] = useState(provider.apiFormat);
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl ?? '');
  const [apiVersion, setApiVersion] = useState(provider.apiVersion ?? '');
  const [authMode, setAuthMode] = useState(provider.authMode);
  const edit = useMutation('providers.edit', onDone);
  const locked = (field: ProviderView['readOnlyFields'][number]) =>
    provider.readOnlyFields.includes(field);
  const idPrefix = `edit-${provider.name}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed is sent: an unchanged field keeps its layer (and stays a preset's value).
    const input: AdminInput<'providers.edit'> = { name: provider.name };
    if (!locked('api-format') && apiFormat !== provider.apiFormat) input.apiFormat = apiFormat;
    if (!locked('auth-mode') && authMode !== provider.authMode) input.authMode = authMode;
    if (!locked('base-url') && baseUrl.trim() !== (provider.baseUrl ?? ''))
      input.baseUrl = baseUrl.trim() === '' ? null : baseUrl.trim();
    if (!locked('api-version') && apiVersion.trim() !== (provider.apiVersion ?? ''))
      input.apiVersion = apiVersion.trim() === '' ? null : apiVersion.trim();
    void edit.run(input);
  };

  const readOnly = (field: ProviderView['readOnlyFields'][number], value: string | null) => (
    <span className="read-only-value">
      <code>{value ?? '(none)'}</code> <SourceBadge source={provider.sources[field]} />
    </span>
  );

  return (
    <form className="form-grid" onSubmit={submit} aria-label={`Edit ${provider.name}`}>
      <label htmlFor={`${idPrefix}-format`}>API format</label>
      {locked('api-format') ? (
        readOnly('api-format', provider.apiFormat)
      ) : (
        <select
          id={`${idPrefix}-format`}
          value={apiFormat}
          onChange={(e) => isApiFormat(e.target.value) && setApiFormat(e.target.value)}
        >
          {API_FORMAT_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
      <label htmlFor={`${idPrefix}-base-url`}>Base URL (empty: the preset's)</label>
      {locked('base-url') ? (
        readOnly('base-url', provider.baseUrl)
      ) : (
        <input
          id={`${idPrefix}-base-url`}
          type="url"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      )}
      <label htmlFor={`${idPrefix}-api-version`}>API version</label>
      {locked('api-version') ? (
        readOnly('api-version', provider.apiVersion)
      ) : (
        <input
          id={`${idPrefix}-api-version`}
          value={apiVersion}
          onChange={(e) => setApiVersion(e.target.value)}
        />
      )}
      <label htmlFor={`${idPrefix}-auth-mode`}>Auth</label>
      {locked('auth-mode') ? (
        readOnly('auth-mode', provider.authMode)
      ) : (
        <select
          id={`${idPrefix}-auth-mode`}
          value={authMode}
          onChange={(e) => isAuthMode(e.target.value) && setAuthMode(e.target.value)}
        >
          {AUTH_MODE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
      <div className="form-actions">
        <button type="submit" disabled={edit.busy}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorBanner error={edit.error} onDismiss={edit.clearError} />
    </form>
  );
}
