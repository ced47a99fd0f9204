import { useState, type FormEvent } from 'react';
import type { AdminInput } from '../../../../shared/admin/contract.js';
import type { PresetView, ProviderView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';
import { submitOnModEnter } from '../keys/AddKeysForm.js';
import { splitKeys } from '../keys/split-keys.js';
import { API_FORMAT_CHOICES, AUTH_MODE_CHOICES, isApiFormat, isAuthMode } from './choices.js';

interface Props {
  readonly presets: readonly PresetView[];
  readonly keysDisabled: boolean;
  readonly onAdded: () => void;
}

const blank = {
  name: '',
  preset: '',
  apiFormat: 'openai' as ProviderView['apiFormat'],
  baseUrl: '',
  apiVersion: '',
  authMode: 'api_key' as ProviderView['authMode'],
  keys: '',
};

export function AddProviderForm({ presets, keysDisabled, onAdded }: Props) {
  const [form, setForm] = useState(blank);
  const add = useMutation('providers.add', () => {
    setForm(blank);
    onAdded();
  });
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));

  // A preset fills what it knows; the user can still change every field before adding.
  const pickPreset = (name: string) => {
    const preset = presets.find((p) => p.name === name);
    if (!preset) return set({ preset: '' });
    set({
      preset: name,
      name: form.name === '' ? preset.name : form.name,
      apiFormat: preset.apiFormat,
      baseUrl: preset.baseUrl ?? '',
      authMode: preset.authMode,
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keys = splitKeys(form.keys);
    const input: AdminInput<'providers.add'> = {
      name: form.name,
      apiFormat: form.apiFormat,
      authMode: form.authMode,
      ...(form.baseUrl.trim() !== '' ? { baseUrl: form.baseUrl } : {}),
      ...(form.apiVersion.trim() !== '' ? { apiVersion: form.apiVersion } : {}),
      ...(keys.length > 0 ? { keys } : {}),
    };
    void add.run(input);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="add-provider-title">
      <h2 id="add-provider-title">Add a provider</h2>
      <label htmlFor="provider-preset">Preset</label>
      <select
        id="provider-preset"
        data-testid="provider-preset"
        value={form.preset}
        onChange={(e) => pickPreset(e.target.value)}
      >
        <option value="">None (fill in below)</option>
        {presets.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
            {p.needsKey ? '' : ' (no key needed)'}
          </option>
        ))}
      </select>
      <label htmlFor="provider-name">Name</label>
      <input
        id="provider-name"
        data-testid="provider-name"
        required
        value={form.name}
        placeholder="openrouter"
        autoComplete="off"
        onChange={(e) => set({ name: e.target.value })}
      />
      <label htmlFor="provider-format">API format</label>
      <select
        id="provider-format"
        data-testid="provider-format"
        value={form.apiFormat}
        onChange={(e) => isApiFormat(e.target.value) && set({ apiFormat: e.target.value })}
      >
        {API_FORMAT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <label htmlFor="provider-base-url">Base URL</label>
      <input
        id="provider-base-url"
        data-testid="provider-base-url"
        type="url"
        value={form.baseUrl}
        placeholder="https://api.example.com/v1"
        onChange={(e) => set({ baseUrl: e.target.value })}
      />
      <label htmlFor="provider-api-version">API version (optional)</label>
      <input
        id="provider-api-version"
        data-testid="provider-api-version"
        value={form.apiVersion}
        onChange={(e) => set({ apiVersion: e.target.value })}
      />
      <label htmlFor="provider-auth-mode">Auth</label>
      <select
        id="provider-auth-mode"
        data-testid="provider-auth-mode"
        value={form.authMode}
        onChange={(e) => isAuthMode(e.target.value) && set({ authMode: e.target.value })}
      >
        {AUTH_MODE_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <label htmlFor="provider-keys">Keys (one per line)</label>
      <textarea
        id="provider-keys"
        data-testid="provider-keys"
        rows={3}
        value={form.keys}
        disabled={keysDisabled || form.authMode !== 'api_key'}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => set({ keys: e.target.value })}
        onKeyDown={submitOnModEnter}
      />
      <div className="form-actions">
        <button type="submit" data-testid="provider-add-submit" disabled={add.busy}>
          Add provider
        </button>
      </div>
      <ErrorBanner error={add.error} onDismiss={add.clearError} />
    </form>
  );
}
