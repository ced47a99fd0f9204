import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';
import { splitKeys } from './split-keys.js';

interface Props {
  readonly provider: string;
  readonly disabled: boolean;
  readonly onAdded: () => void;
}

/** A textarea takes Enter as a new line; Ctrl/Cmd+Enter submits, as in most editors. */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

export function AddKeysForm({ provider, disabled, onAdded }: Props) {
  const [text, setText] = useState('');
  const add = useMutation('keys.add', () => {
    setText('');
    onAdded();
  });
  const keys = splitKeys(text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (keys.length > 0) void add.run({ provider, keys });
  };
  const id = `keys-input-${provider}`;
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={id}>Add keys (one per line, Ctrl+Enter to add)</label>
      <textarea
        id={id}
        data-testid={id}
        rows={3}
        value={text}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={submitOnModEnter}
      />
      <div>
        <button
          type="submit"
          data-testid={`keys-add-${provider}`}
          disabled={disabled || add.busy || keys.length === 0}
        >
          Add {keys.length > 1 ? `${keys.length} keys` : 'key'}
        </button>
      </div>
      <ErrorBanner error={add.error} onDismiss={add.clearError} />
    </form>
  );
}
