import { join } from 'node:path';
import { DATA_DIR_ENV, DATA_FOLDER_NAME, dataDirFromArgv } from '../data-dir';
import type { Kedang, KedangOptions } from '../kedang';
import type { Host } from '../router/connection';
import { registerKedangIpc, type IpcMainLike, type SenderContents } from './ipc';
import { isOwnRendererUrl, rendererLocation } from './renderer-location';
import {
  createMainWindow,
  lockDownContents,
  type SessionLike,
  type WindowConstructor,
  type WindowContents,
  type WindowLike,
} from './window';

/** How often idle sessions are swept; the idle lock itself is a setting in minutes. */
export const SWEEP_INTERVAL_MS = 30_000;

/** The part of Electron's `app` the lifecycle uses. */
export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  getPath(name: 'appData'): string;
  setPath(name: 'userData', path: string): void;
  whenReady(): Promise<unknown>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WindowContents) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface DesktopDependencies<W extends WindowLike> {
  app: AppLike;
  BrowserWindow: WindowConstructor<W>;
  ipcMain: IpcMainLike;
  session: { defaultSession: SessionLike };
  createKedang(options: KedangOptions): Kedang;
  /** Builds the Host once the window getter exists (native dialogs in the product). */
  createHost(getWindow: () => W | null): Host;
  /** Asks whether to close a window with unsaved changes (a native message box in the product). */
  confirmDiscard?: (window: W) => boolean;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** out/main, where the bundle lives; preload and renderer are its siblings. */
  mainDir: string;
  setInterval(fn: () => void, ms: number): { unref?(): void };
  clearInterval(timer: unknown): void;
}

/**
 * The data folder: `--data-dir=` on the command line, then KEDANG_DATA_DIR,
 * then `<appData>/Kedang` — the same default the CLI computes (data-dir.ts),
 * set as Electron's userData explicitly so it never depends on productName.
 */
export function desktopDataDir(app: Pick<AppLike, 'getPath'>, argv: readonly string[], env: NodeJS.ProcessEnv): string {
  return dataDirFromArgv(argv) ?? env[DATA_DIR_ENV] ?? join(app.getPath('appData'), DATA_FOLDER_NAME);
}

/**
 * Starts the desktop app: one instance per user (a second launch focuses the
 * first window), one window, one Kedang, the IPC handler, the idle sweep,
 * and an orderly close of the archive before the process quits.
 * Returns false when another instance already runs (this one quits).
 */
export function startDesktop<W extends WindowLike>(deps: DesktopDependencies<W>): boolean {
  const { app } = deps;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  const dataDir = desktopDataDir(app, deps.argv, deps.env);
  app.setPath('userData', join(app.getPath('appData'), DATA_FOLDER_NAME));

  let window: W | null = null;
  const getWindow = (): W | null => (window && !window.isDestroyed() ? window : null);
  const kedang = deps.createKedang({ dataDir, host: deps.createHost(getWindow) });
  const renderer = rendererLocation(
    join(deps.mainDir, '../renderer/index.html'),
    deps.env['ELECTRON_RENDERER_URL'],
    app.isPackaged,
  );

  registerKedangIpc({
    ipcMain: deps.ipcMain,
    kedang,
    isOwnUrl: (url) => isOwnRendererUrl(renderer, url),
    isOwnContents: (contents: SenderContents) => getWindow()?.webContents === contents,
  });

  // Any web contents, not just our window's, gets the same lockdown.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

  app.on('second-instance', () => {
    const current = getWindow();
    if (!current) return;
    if (current.isMinimized()) current.restore();
    current.focus();
  });

  const sweep = deps.setInterval(() => {
    kedang.sweepIdle().catch(() => undefined);
  }, SWEEP_INTERVAL_MS);
  sweep.unref?.();

  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Hold the quit until the archive is closed and the key wiped.
    event.preventDefault();
    deps.clearInterval(sweep);
    kedang
      .close()
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    window = createMainWindow({
      BrowserWindow: deps.BrowserWindow,
      session: deps.session,
      isPackaged: app.isPackaged,
      preloadPath: join(deps.mainDir, '../preload/index.js'),
      renderer,
      ...(deps.confirmDiscard ? { confirmDiscard: deps.confirmDiscard } : {}),
    });
  });
  return true;
}
