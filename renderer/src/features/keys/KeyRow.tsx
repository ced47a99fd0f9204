import type { KeyView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { useMutation } from '../../lib/use-mutation.js';
import { canRetry } from './key-status-text.js';
import { KeyStatusBadge } from './KeyStatusBadge.js';

interface Props {
  readonly provider: string;
  readonly keyView: KeyView;
  readonly clockOffset: number;
  readonly onChanged: () => void;
  /** The Keys page shows counts, source and remove; a provider card only the health. */
  readonly detailed: boolean;
}

export function KeyRow({ provider, keyView, clockOffset, onChanged, detailed }: Props) {
  const reset = useMutation('keys.resetHealth', onChanged);
  const remove = useMutation('keys.remove', onChanged);
  const error = reset.error ?? remove.error;
  return (
    <li className="key-row" data-testid={`key-${provider}-${keyView.hash}`}>
      <code className="key-hint">{keyView.hint}</code>
      <KeyStatusBadge provider={provider} keyView={keyView} clockOffset={clockOffset} />
      {detailed ? (
        <>
          <span className="muted">
            {keyView.requests} requests, {keyView.failures} failures
          </span>
          <SourceBadge source={keyView.source} />
        </>
      ) : null}
      <span className="row-actions">
        {canRetry(keyView.status) ? (
          <button
            type="button"
            disabled={reset.busy}
            onClick={() => void reset.run({ provider, hash: keyView.hash })}
          >
            Retry now
          </button>
        ) : null}
        {detailed && keyView.removable ? (
          <button
            type="button"
            className="danger"
            disabled={remove.busy}
            onClick={() => void remove.run({ provider, hash: keyView.hash })}
            aria-label={`Remove key ${keyView.hint}`}
          >
            Remove
          </button>
        ) : null}
      </span>
      <ErrorBanner error={error} />
    </li>
  );
}
