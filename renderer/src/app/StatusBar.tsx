import type { AppStatusView } from '../../../shared/admin/views.js';
import { ClaudeCodeSetup } from '../features/settings/ClaudeCodeSetup.js';

/** Proxy state and address at a glance, with the Claude Code line one click away. */
export function StatusBar({ status }: { readonly status: AppStatusView }) {
  const tone = status.state === 'running' ? 'good' : status.state === 'error' ? 'bad' : 'warn';
  return (
    <div className="status-bar" data-testid="app-status">
      <span className={`badge tone-${tone}`}>proxy {status.state}</span>
      {status.url ? <code>{status.url}</code> : null}
      {status.defaultProvider.name ? (
        <span className="muted">default: {status.defaultProvider.name}</span>
      ) : null}
      <ClaudeCodeSetup status={status} />
      <span className="muted version">v{status.version}</span>
    </div>
  );
}
