import type { AppStatusView } from '../../../../shared/admin/views.js';
import { CopyButton } from '../../components/CopyButton.js';

/** The one line that points Claude Code at the proxy, ready to paste into a shell. */
export function ClaudeCodeSetup({ status }: { readonly status: AppStatusView }) {
  if (status.claudeCodeSetup === null) return null;
  return (
    <div className="setup-line" data-testid="claude-code-setup">
      <span className="muted">Claude Code:</span>
      <code>{status.claudeCodeSetup}</code>
      <CopyButton text={status.claudeCodeSetup} />
    </div>
  );
}
