import type { ReactNode } from 'react';
import { safeHref } from './sign-in-model.js';

/** A link for the system browser (the app opens `_blank` links there); non-http(s) stays text. */
export function ExternalLink({
  url,
  children,
  testId,
}: {
  readonly url: string;
  readonly children?: ReactNode;
  readonly testId?: string;
}) {
  const href = safeHref(url);
  if (href === null) {
    return (
      <code className="oauth-url" data-testid={testId}>
        {url}
      </code>
    );
  }
  return (
    <a
      className="oauth-url"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid={testId}
    >
      {children ?? url}
    </a>
  );
}
