import type { ValueSourceView } from '../../../shared/admin/views.js';
import { assertNever } from '../../../shared/assert-never.js';

export function layerName(layer: ValueSourceView['layer']): string {
  switch (layer) {
    case 'env':
      return 'environment';
    case 'dotenv':
      return '.env file';
    case 'local':
      return 'project config';
    case 'user':
      return 'user config';
    case 'app':
      return 'app settings';
    case 'defaults':
      return 'defaults';
    case 'built-in':
      return 'built-in preset';
    default:
      return assertNever(layer);
  }
}

/** `from OPENAI_BASE_URL (environment)`: where to go to change a value. */
export function sourceText(source: ValueSourceView): string {
  return `from ${source.where} (${layerName(source.layer)})`;
}
