import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';

/** The select's value for `[defaults.aliases]`: provider names start with a letter, never empty. */
const DEFAULTS = '';

interface Props {
  readonly providers: readonly string[];
  readonly onSaved: () => void;
}

export function AliasForm({ providers, onSaved }: Props) {
  const [provider, setProvider] = useState(DEFAULTS);
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const save = useMutation('aliases.set', () => {
    setName('');
    setTarget('');
    onSaved();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run({ provider: provider === DEFAULTS ? null : provider, name, target });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="alias-form-title">
      <h2 id="alias-form-title">Set an alias</h2>
      <label htmlFor="alias-provider">For</label>
      <select
        id="alias-provider"
        data-testid="alias-provider"
        value={provider}
        onChange={(e) => setProvider(e.target.value)}
      >
        <option value={DEFAULTS}>all providers (defaults)</option>
        {providers.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <label htmlFor="alias-name">Name</label>
      <input
        id="alias-name"
        data-testid="alias-name"
        required
        value={name}
        placeholder="haiku"
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="alias-target">Target model</label>
      <input
        id="alias-target"
        data-testid="alias-target"
        required
        value={target}
        placeholder="openrouter:anthropic/claude-haiku-4.5"
        autoComplete="off"
        onChange={(e) => setTarget(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" data-testid="alias-submit" disabled={save.busy}>
          Set alias
        </button>
      </div>
      <ErrorBanner error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
