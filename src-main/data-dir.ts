import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder name under the platform's per-user application-data folder.
 * Electron's main process sets `userData` to the same path explicitly, so the
 * desktop app and the admin CLI open the same archive without depending on
 * package.json's productName (which contains Chinese and a space).
 */
export const DATA_FOLDER_NAME = 'Kedang';

/** The environment variable both the desktop app and the CLI read to override the data folder. */
export const DATA_DIR_ENV = 'KEDANG_DATA_DIR';

/**
 * The per-user application-data folder, computed the way Electron's
 * `app.getPath('appData')` does: %APPDATA% on Windows, ~/Library/Application
 * Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env['APPDATA'] || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] || join(home, '.config');
}

/** The default archive folder when neither `--data-dir` nor KEDANG_DATA_DIR is given. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataDir(platform, env, home), DATA_FOLDER_NAME);
}

/** `--data-dir=DIR` from an argv list (Electron passes its own switches too, so unknown ones are ignored). */
export function dataDirFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value) return value;
    }
  }
  return null;
}
