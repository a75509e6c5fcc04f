import { describe, expect, it } from 'vitest';
import type { Kedang, KedangOptions } from '../../src-main/kedang';
import { desktopDataDir, startDesktop, type AppLike } from '../../src-main/electron/lifecycle';
import { FakeIpcMain, FakeWindow, fakeSession } from './fakes';

type Handler = (...args: never[]) => void;

function fakeApp(lock = true) {
  const handlers = new Map<string, Handler>();
  const app = {
    isPackaged: true,
    quits: 0,
    userData: '',
    requestSingleInstanceLock: () => lock,
    getPath: () => '/home/u/.config',
    setPath: (_name: string, path: string) => void (app.userData = path),
    whenReady: () => Promise.resolve(),
    on: (event: string, handler: Handler) => void handlers.set(event, handler),
    quit: () => void app.quits++,
    exit: () => undefined,
  };
  return { app: app as typeof app & AppLike, handlers };
}

function start(lock = true, argv: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const { app, handlers } = fakeApp(lock);
  const opened: KedangOptions[] = [];
  const state = { closed: 0, swept: 0 };
  const kedang: Kedang = {
    dataDir: '',
    handle: async () => ({ ok: true, value: null }),
    disconnect: async () => undefined,
    sweepIdle: async () => void state.swept++,
    close: async () => void state.closed++,
  };
  let tick: (() => void) | null = null;
  FakeWindow.created = [];
  const ipcMain = new FakeIpcMain();
  const started = startDesktop({
    app,
    BrowserWindow: FakeWindow,
    ipcMain,
    session: { defaultSession: fakeSession() },
    createKedang: (options) => (opened.push(options), kedang),
    createHost: () => ({ chooseFile: async () => null, print: async () => false }),
    argv,
    env,
    mainDir: '/app/out/main',
    setInterval: (fn) => ((tick = fn), {}),
    clearInterval: () => undefined,
  });
  return { started, app, handlers, opened, state, ipcMain, tick: () => tick?.() };
}

describe('desktop lifecycle', () => {
  it('quits at once when another instance holds the lock, opening nothing', () => {
    const run = start(false);
    expect(run.started).toBe(false);
    expect(run.app.quits).toBe(1);
    expect(run.opened).toHaveLength(0);
    expect(run.ipcMain.handleCalls).toBe(0);
  });

  it('opens one window with the built renderer and focuses it on a second launch', async () => {
    const run = start();
    await Promise.resolve();
    await Promise.resolve();
    expect(FakeWindow.created).toHaveLength(1);
    const window = FakeWindow.created[0]!;
    expect(window.loaded.file).toBe('/app/out/renderer/index.html');
    expect(window.options.webPreferences?.preload).toBe('/app/out/preload/index.js');
    run.handlers.get('second-instance')!();
    expect(window.focused).toBe(true);
    expect(run.ipcMain.handleCalls).toBe(1);
  });

  it('sweeps idle sessions on the timer and closes the archive before quitting', async () => {
    const run = start();
    run.tick();
    expect(run.state.swept).toBe(1);
    let prevented = false;
    run.handlers.get('before-quit')!({ preventDefault: () => (prevented = true) } as never);
    expect(prevented).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(run.state.closed).toBe(1);
    expect(run.app.quits).toBe(1);
    // The second before-quit (from our own app.quit()) goes through.
    let again = false;
    run.handlers.get('before-quit')!({ preventDefault: () => (again = true) } as never);
    expect(again).toBe(false);
  });

  it('takes the data folder from --data-dir=, then KEDANG_DATA_DIR, then <appData>/Kedang', () => {
    const app = { getPath: () => '/home/u/.config' };
    expect(desktopDataDir(app, ['electron', '.', '--data-dir=/srv/a'], { KEDANG_DATA_DIR: '/srv/b' })).toBe('/srv/a');
    expect(desktopDataDir(app, ['electron', '.'], { KEDANG_DATA_DIR: '/srv/b' })).toBe('/srv/b');
    expect(desktopDataDir(app, ['electron', '.'], {})).toBe('/home/u/.config/Kedang');
    expect(start(true, [], {}).opened[0]!.dataDir).toBe('/home/u/.config/Kedang');
  });
});
