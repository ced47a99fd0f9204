import { useEffect } from 'react';
import type { AdminOutput } from '../../../../shared/admin/contract.js';
import { useAdminQuery, type QueryState } from '../../lib/use-admin-query.js';

export type OAuthStatusState = QueryState<AdminOutput<'oauth.status'>>;

/**
 * `oauth.status`, re-fetched on `changed: oauth` (a sign-in finished in the background) and, as a
 * cheap safety net, when the window regains focus (back from the browser tab that signed in).
 * Nothing polls.
 */
export function useOAuthStatus(watchFocus: boolean): OAuthStatusState {
  const query = useAdminQuery('oauth.status', {}, ['oauth', 'config']);
  const { reload } = query;
  useEffect(() => {
    if (!watchFocus) return undefined;
    const onFocus = () => reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [watchFocus, reload]);
  return query;
}
