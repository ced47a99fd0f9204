import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Loading } from '../../components/Loading.js';
import { useAdminQuery } from '../../lib/use-admin-query.js';
import { AliasForm } from './AliasForm.js';
import { AliasTable } from './AliasTable.js';
import { ResolveTrace } from './ResolveTrace.js';

export function AliasesPage() {
  const aliases = useAdminQuery('aliases.list', {}, ['config']);
  const providers = useAdminQuery('providers.list', {}, ['config']);
  const names = providers.data?.providers.map((p) => p.name) ?? [];
  return (
    <>
      <h1>Aliases</h1>
      <ErrorBanner error={aliases.error ?? providers.error} />
      <ResolveTrace version={aliases.receivedAt} />
      {aliases.data === null ? (
        aliases.error ? null : (
          <Loading what="aliases" />
        )
      ) : (
        <AliasTable aliases={aliases.data.aliases} onChanged={aliases.reload} />
      )}
      <AliasForm providers={names} onSaved={aliases.reload} />
    </>
  );
}
