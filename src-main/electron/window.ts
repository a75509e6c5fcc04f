import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './csp';
import type { SenderContents } from './ipc';
import type { RendererLocation } from './renderer-location';

/** The part of Electron's WebContents the window factory uses. */
export interface WindowContents extends SenderContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's BrowserWindow the factory and main.ts use. */
export interface WindowLike {
  readonly webContents: WindowContents;
  loadFile(path: string): Promise<void>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export type WindowConstructor<W extends WindowLike = WindowLike> = new (options: BrowserWindowConstructorOptions) => W;

type HeadersListener = (
  details: { responseHeaders?: Record<string, string | string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

/** The part of Electron's Session the window factory uses. */
export interface SessionLike {
  webRequest: { onHeadersReceived(listener: HeadersListener): void };
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

export interface MainWindowOptions<W extends WindowLike> {
  BrowserWindow: WindowConstructor<W>;
  session: { defaultSession: SessionLike };
  /** app.isPackaged: devtools are off in a packaged build. */
  isPackaged: boolean;
  preloadPath: string;
  renderer: RendererLocation;
  title?: string;
  /**
   * Asked when the page refuses to unload (a card form with unsaved
   * changes sets beforeunload): true closes anyway. Without it Electron
   * would keep the window open without a word.
   */
  confirmDiscard?: (window: W) => boolean;
}

/**
 * Denies every navigation, redirect, popup and webview. The UI is a single
 * page that routes internally; any attempt to leave it (a pasted link, a
 * rogue anchor, window.open) is refused without opening anything, not even
 * in the system browser.
 */
export function lockDownContents(contents: WindowContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Sets our CSP on every response of the default session and refuses every
 * permission request (camera, notifications, geolocation…): an archive
 * office UI needs none.
 */
export function secureSession(session: SessionLike, renderer: RendererLocation): void {
  const policy = renderer.kind === 'dev' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** The web preferences of our window; exported so the tests read exactly what the window gets. */
export function secureWebPreferences(
  preloadPath: string,
  isPackaged: boolean,
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

/**
 * Creates the one application window: hardened web preferences, no way to
 * navigate or open windows, the CSP header on the session, and our UI
 * loaded from the build (or the dev server while developing).
 */
export function createMainWindow<W extends WindowLike>(options: MainWindowOptions<W>): W {
  secureSession(options.session.defaultSession, options.renderer);
  const window = new options.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: options.title ?? '客档 Kedang',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  });
  lockDownContents(window.webContents);
  const confirmDiscard = options.confirmDiscard;
  if (confirmDiscard) {
    window.webContents.on('will-prevent-unload', (event) => {
      // preventDefault here means: ignore the page's objection and unload.
      if (confirmDiscard(window)) event.preventDefault();
    });
  }
  window.once('ready-to-show', () => window.show());
  // Load errors surface as a blank window with devtools in development; in
  // the product there is nothing else to load, so they are not retried.
  const loading =
    options.renderer.kind === 'dev'
      ? window.loadURL(options.renderer.url)
      : window.loadFile(options.renderer.indexHtml);
  loading.catch(() => undefined);
  return window;
}
