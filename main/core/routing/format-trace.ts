import type { ValueSource } from '../../config/model.js';
import type { TraceStep } from './model.js';

const LAYER_LABEL: Readonly<Record<ValueSource['layer'], string>> = {
  env: 'environment',
  dotenv: '.env',
  local: 'local file',
  user: 'user file',
  app: 'app settings',
  defaults: 'package defaults',
  'built-in': 'built-in',
};

function origin(source: ValueSource): string {
  return source.where === ''
    ? LAYER_LABEL[source.layer]
    : `${source.where}, ${LAYER_LABEL[source.layer]}`;
}

/** One numbered line per step for a terminal: `2. alias-substring: alias "haiku" ... (from X, environment)`. */
export function formatTrace(trace: readonly TraceStep[]): string[] {
  return trace.map((step, i) => {
    const from = step.source ? ` (from ${origin(step.source)})` : '';
    return `${i + 1}. ${step.rule}: ${step.detail}${from}`;
  });
}
