import { describe, expect, it, vi } from 'vitest';
import { createLaunchAtLogin } from './launch-at-login.js';

function fakeApp(openAtLogin = false) {
  return {
    getLoginItemSettings: vi.fn(() => ({ openAtLogin })),
    setLoginItemSettings: vi.fn(),
  };
}

describe('createLaunchAtLogin', () => {
  it.each(['darwin', 'win32'] as const)('reads and writes the login item on %s', (platform) => {
    const app = fakeApp(true);
    const launch = createLaunchAtLogin(app, platform);
    expect(launch.supported).toBe(true);
    expect(launch.get()).toBe(true);
    launch.set(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: false,
      openAsHidden: true,
    });
  });

  it('is unsupported on Linux and touches nothing', () => {
    const app = fakeApp(true);
    const launch = createLaunchAtLogin(app, 'linux');
    expect(launch.supported).toBe(false);
    expect(launch.get()).toBe(false);
    launch.set(true);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(app.getLoginItemSettings).not.toHaveBeenCalled();
  });
});
