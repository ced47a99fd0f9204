import type { AliasView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { useMutation } from '../../lib/use-mutation.js';

interface Props {
  readonly aliases: readonly AliasView[];
  readonly onChanged: () => void;
}

export function AliasTable({ aliases, onChanged }: Props) {
  const remove = useMutation('aliases.remove', onChanged);
  if (aliases.length === 0) return <p className="muted">No aliases yet.</p>;
  return (
    <>
      <ErrorBanner error={remove.error} onDismiss={remove.clearError} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col">Name</th>
            <th scope="col">Target</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {aliases.map((alias) => (
            <tr
              key={`${alias.provider ?? ''}/${alias.name}`}
              data-testid={`alias-${alias.provider ?? 'defaults'}-${alias.name}`}
            >
              <td>{alias.provider ?? <em>all providers</em>}</td>
              <td>
                <code>{alias.name}</code>
              </td>
              <td>
                <code>{alias.target}</code>
              </td>
              <td>
                <SourceBadge source={alias.source} />
              </td>
              <td>
                {alias.editable ? (
                  <button
                    type="button"
                    className="danger"
                    disabled={remove.busy}
                    onClick={() => void remove.run({ provider: alias.provider, name: alias.name })}
                    aria-label={`Remove alias ${alias.name}`}
                  >
                    Remove
                  </button>
                ) : (
                  <span className="muted">edit at its source</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
