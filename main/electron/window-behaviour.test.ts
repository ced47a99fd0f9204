import { describe, expect, it } from 'vitest';
import { closeBehaviour, showWindowAtLaunch } from './window-behaviour.js';

describe('window behaviour', () => {
  it('hides to the tray when there is one, quits when there is none', () => {
    expect(closeBehaviour({ hasTray: true })).toBe('hide-to-tray');
    expect(closeBehaviour({ hasTray: false })).toBe('quit');
  });

  it('opens the window at launch unless started hidden or at login with a tray', () => {
    const base = { hasTray: true, argv: ['electron', '.'], openedAtLogin: false };
    expect(showWindowAtLaunch(base)).toBe(true);
    expect(showWindowAtLaunch({ ...base, argv: ['vandamme', '--hidden'] })).toBe(false);
    expect(showWindowAtLaunch({ ...base, openedAtLogin: true })).toBe(false);
    expect(showWindowAtLaunch({ ...base, hasTray: false, openedAtLogin: true })).toBe(true);
  });
});
