import { describe, expect, it } from 'vitest';
import { localConfigPath, resolveVdmHome, userConfigPath } from './config-paths.js';

describe('resolveVdmHome', () => {
  it('prefers VDM_HOME', () => {
    expect(resolveVdmHome({ VDM_HOME: '/srv/vdm' }, '/home/u', 'linux')).toBe('/srv/vdm');
  });

  it('uses XDG_DATA_HOME or ~/.local/share on Linux', () => {
    expect(resolveVdmHome({}, '/home/u', 'linux')).toBe('/home/u/.local/share/vandamme-desktop');
    expect(resolveVdmHome({ XDG_DATA_HOME: '/data' }, '/home/u', 'linux')).toBe(
      '/data/vandamme-desktop',
    );
    expect(resolveVdmHome({ XDG_DATA_HOME: 'relative' }, '/home/u', 'linux')).toBe(
      '/home/u/.local/share/vandamme-desktop',
    );
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(resolveVdmHome({}, '/Users/u', 'darwin')).toBe(
      '/Users/u/Library/Application Support/vandamme-desktop',
    );
    expect(
      resolveVdmHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u', 'win32'),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\vandamme-desktop');
    expect(resolveVdmHome({}, 'C:\\Users\\u', 'win32')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\vandamme-desktop',
    );
  });
});

describe('config file paths', () => {
  it('puts the user file under XDG_CONFIG_HOME or ~/.config', () => {
    expect(userConfigPath({}, '/home/u')).toBe(
      '/home/u/.config/vandamme-proxy/vandamme-config.toml',
    );
    expect(userConfigPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe(
      '/cfg/vandamme-proxy/vandamme-config.toml',
    );
  });

  it('resolves --config against the working directory', () => {
    expect(localConfigPath('/work', undefined)).toBe('/work/vandamme-config.toml');
    expect(localConfigPath('/work', 'team.toml')).toBe('/work/team.toml');
    expect(localConfigPath('/work', '/etc/vdm.toml')).toBe('/etc/vdm.toml');
  });
});
