import { useState } from 'react';
import type { ActivityView } from '../../../../shared/admin/views.js';
import { TraceSteps } from '../aliases/TraceSteps.js';
import { routeText } from './activity-buffer.js';

const COLUMNS = 8;
const time = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function statusText(record: ActivityView): string {
  if (record.status === null) return record.errorKind ?? 'no answer';
  return record.errorKind ? `${record.status} ${record.errorKind}` : String(record.status);
}

export function ActivityRow({ record }: { readonly record: ActivityView }) {
  const [open, setOpen] = useState(false);
  const failed = record.status === null || record.status >= 400;
  const detailsId = `activity-details-${record.id}`;
  return (
    <>
      <tr data-testid="activity-row" className={failed ? 'row-failed' : undefined}>
        <td>{time.format(record.startedAt)}</td>
        <td data-testid="activity-route">{routeText(record)}</td>
        <td data-testid="activity-status" className={failed ? 'tone-bad' : 'tone-good'}>
          {statusText(record)}
        </td>
        <td className="num">{record.latencyMs === null ? '–' : Math.round(record.latencyMs)}</td>
        <td className="num">
          {record.tokens ? `${record.tokens.input} / ${record.tokens.output}` : '–'}
        </td>
        <td>{record.keyHint ? <code>{record.keyHint}</code> : '–'}</td>
        <td>{record.stream ? 'stream' : ''}</td>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
          >
            {record.attempts.length} {record.attempts.length === 1 ? 'attempt' : 'attempts'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="activity-details">
          <td colSpan={COLUMNS}>
            <p className="muted">
              {record.endpoint}
              {record.ttfbMs !== null ? `, first byte after ${Math.round(record.ttfbMs)} ms` : ''}
            </p>
            <h3 className="details-title">Attempts</h3>
            <ol className="attempts">
              {record.attempts.map((attempt, index) => (
                <li key={index}>
                  key {attempt.keyHint ?? '(none)'}: {attempt.status ?? 'no status'}
                  {attempt.error ? `, ${attempt.error}` : ''} in {Math.round(attempt.durationMs)} ms
                </li>
              ))}
            </ol>
            <h3 className="details-title">Routing trace</h3>
            <TraceSteps trace={record.trace} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
