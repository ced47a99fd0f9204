import type { AppError } from '../../../shared/domain/app-error.js';

interface Props {
  readonly error: AppError | null;
  readonly onDismiss?: () => void;
}

/** Every error says what happened and what to do: both are always shown. */
export function ErrorBanner({ error, onDismiss }: Props) {
  if (error === null) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <p className="banner-message">{error.message}</p>
      <p className="banner-fix">{error.fix}</p>
      {error.kind === 'invalid-input' && error.issues.length > 0 ? (
        <ul className="banner-issues">
          {error.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      {onDismiss ? (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
