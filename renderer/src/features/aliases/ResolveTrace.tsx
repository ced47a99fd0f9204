import { useEffect, useState } from 'react';
import type { ResolutionView } from '../../../../shared/admin/views.js';
import type { AppError } from '../../../../shared/domain/app-error.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useAdmin } from '../../lib/admin-context.js';
import { TraceSteps } from './TraceSteps.js';

/** Waits for a pause in typing so each keystroke does not cost a call. */
const DEBOUNCE_MS = 150;

/** Type a model name, see where a request for it would go and why. */
export function ResolveTrace({ version }: { readonly version: number }) {
  const client = useAdmin();
  const [model, setModel] = useState('');
  const [resolution, setResolution] = useState<ResolutionView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (model.trim() === '') {
      setResolution(null);
      setError(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      void client.call('aliases.resolve', { model: model.trim() }).then((result) => {
        if (!current) return;
        setResolution(result.ok ? result.value : null);
        setError(result.ok ? null : result.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `version` re-runs the trace when the aliases change under it.
  }, [client, model, version]);

  return (
    <section className="card" aria-labelledby="resolve-title">
      <h2 id="resolve-title">Where does a model go?</h2>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="resolve-input">Model name</label>
        <input
          id="resolve-input"
          data-testid="resolve-input"
          value={model}
          placeholder="haiku, openai:gpt-4o, …"
          autoComplete="off"
          onChange={(e) => setModel(e.target.value)}
        />
      </form>
      <div data-testid="resolve-result" role="status" aria-live="polite">
        {resolution === null ? null : resolution.ok ? (
          <p className="tone-good">
            <code>
              {resolution.provider}:{resolution.model}
            </code>
          </p>
        ) : (
          <p className="tone-bad">{resolution.message}</p>
        )}
      </div>
      {resolution ? <TraceSteps trace={resolution.trace} /> : null}
      <ErrorBanner error={error} />
    </section>
  );
}
