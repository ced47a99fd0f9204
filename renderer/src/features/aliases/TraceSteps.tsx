import type { TraceStepView } from '../../../../shared/admin/views.js';
import { SourceBadge } from '../../components/SourceBadge.js';

/** How the proxy got from a requested name to a provider and model, one rule per step. */
export function TraceSteps({ trace }: { readonly trace: readonly TraceStepView[] }) {
  if (trace.length === 0) return null;
  return (
    <ol className="trace" data-testid="trace-steps">
      {trace.map((step, index) => (
        <li key={index} className={step.rule === 'error' ? 'tone-bad' : undefined}>
          <code className="trace-rule">{step.rule}</code> {step.detail}{' '}
          <SourceBadge source={step.source} />
        </li>
      ))}
    </ol>
  );
}
