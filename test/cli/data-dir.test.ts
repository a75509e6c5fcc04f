import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src-main/data-dir';

describe('default data folder (same as Electron userData)', () => {
  it('follows each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/Kedang');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/li')).toBe('/x/Kedang');
    expect(defaultDataDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/Kedang');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toMatch(
      /Roaming[\\/]Kedang$/,
    );
  });
});
