import { useEffect, useState } from 'react';
import type { ActivityView } from '../../../../shared/admin/views.js';
import type { AppError } from '../../../../shared/domain/app-error.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useAdmin } from '../../lib/admin-context.js';
import { ACTIVITY_CAP, mergeRecent, prependActivity } from './activity-buffer.js';
import { ActivityChart } from './ActivityChart.js';
import { ActivityRow } from './ActivityRow.js';

export function ActivityPage() {
  const client = useAdmin();
  const [records, setRecords] = useState<ActivityView[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    // Subscribe before the first fetch so no request finishing in between is lost.
    const unsubscribe = client.subscribe((event) => {
      if (event.kind === 'activity') setRecords((list) => prependActivity(list, event.record));
    });
    void client.call('activity.recent', { limit: ACTIVITY_CAP }).then((result) => {
      if (result.ok) setRecords((live) => mergeRecent(live, result.value.records));
      else setError(result.error);
    });
    return unsubscribe;
  }, [client]);

  return (
    <>
      <h1>Activity</h1>
      <ErrorBanner error={error} />
      <ActivityChart records={records} />
      {records.length === 0 ? (
        <p className="muted">No requests yet. Point a client at the proxy and they appear here.</p>
      ) : (
        <table className="table activity">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Route</th>
              <th scope="col">Status</th>
              <th scope="col">Latency ms</th>
              <th scope="col">Tokens in / out</th>
              <th scope="col">Key</th>
              <th scope="col">Mode</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <ActivityRow key={record.id} record={record} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
