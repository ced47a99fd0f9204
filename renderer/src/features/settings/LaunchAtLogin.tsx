import type { SettingsView } from '../../../../shared/admin/views.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useMutation } from '../../lib/use-mutation.js';

interface Props {
  readonly settings: SettingsView;
  readonly onSaved: (settings: SettingsView) => void;
}

export function LaunchAtLogin({ settings, onSaved }: Props) {
  const save = useMutation('settings.set', onSaved);
  const { value, supported } = settings.launchAtLogin;
  return (
    <div className="card">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value}
          disabled={!supported || save.busy}
          onChange={(e) => void save.run({ launchAtLogin: e.target.checked })}
        />
        Launch at login
      </label>
      {supported ? null : (
        <p className="muted">Only the desktop app can start at login; `vdm serve` cannot.</p>
      )}
      <ErrorBanner error={save.error} onDismiss={save.clearError} />
    </div>
  );
}
