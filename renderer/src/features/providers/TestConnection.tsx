import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';

/** One real request to the provider: the quickest proof that URL, format and key fit together. */
export function TestConnection({ provider }: { readonly provider: string }) {
  const [model, setModel] = useState('');
  const test = useMutation('providers.test');
  const [answer, setAnswer] = useState<Awaited<ReturnType<typeof test.run>>>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer(null);
    const trimmed = model.trim();
    setAnswer(
      await test.run(trimmed === '' ? { name: provider } : { name: provider, model: trimmed }),
    );
  };
  const id = `test-model-${provider}`;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>Model to test (optional)</label>
      <input
        id={id}
        value={model}
        onChange={(e) => setModel(e.target.value)}
        placeholder="default"
      />
      <button type="submit" disabled={test.busy} data-testid={`provider-test-${provider}`}>
        {test.busy ? 'Testing…' : 'Test connection'}
      </button>
      {answer ? (
        <p
          className={`test-result tone-${answer.ok ? 'good' : 'bad'}`}
          data-testid={`provider-test-result-${provider}`}
          role="status"
        >
          {answer.ok ? 'OK' : 'Failed'}
          {answer.status !== null ? ` (HTTP ${answer.status})` : ''} in{' '}
          {Math.round(answer.latencyMs)} ms with <code>{answer.model}</code>: {answer.answer}
        </p>
      ) : null}
      <ErrorBanner error={test.error} />
    </form>
  );
}
