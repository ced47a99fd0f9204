import type { ValueSourceView } from '../../../shared/admin/views.js';
import { sourceText } from '../lib/source-text.js';

export function SourceBadge({ source }: { readonly source: ValueSourceView | null | undefined }) {
  if (!source) return null;
  return <span className={`badge badge-source layer-${source.layer}`}>{sourceText(source)}</span>;
}
