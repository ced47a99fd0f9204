import { PROVIDER_FIELDS, type ProviderView } from '../../../../shared/admin/views.js';
import { SourceBadge } from '../../components/SourceBadge.js';
import { PROVIDER_FIELD_LABELS, fieldValue } from './provider-fields.js';

/** Each field with where it comes from, so the user knows where to change it. */
export function ProviderFields({ provider }: { readonly provider: ProviderView }) {
  return (
    <dl className="fields">
      {PROVIDER_FIELDS.map((field) => {
        const value = fieldValue(provider, field);
        if (value === null) return null;
        return (
          <div key={field} className="field">
            <dt>{PROVIDER_FIELD_LABELS[field]}</dt>
            <dd>
              <code>{value}</code> <SourceBadge source={provider.sources[field]} />
              {provider.readOnlyFields.includes(field) ? (
                <span className="badge tone-info">read-only</span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
