import type { BrowserWindowConstructorOptions } from 'electron';
import type { InvokeEvent, IpcMainLike } from '../../src-main/electron/ipc';
import type { SessionLike, WindowContents, WindowLike } from '../../src-main/electron/window';

type Listener = (...args: never[]) => unknown;

/** A web contents that records its listeners and can be destroyed. */
export class FakeContents implements WindowContents {
  static nextId = 1;
  readonly id = FakeContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a preventable event; returns whether some listener prevented it. */
  emitPreventable(event: string, url = ''): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (e: { preventDefault(): void }, url: string) => void)(
        { preventDefault: () => (prevented = true) },
        url,
      );
    }
    return prevented;
  }
  destroy(): void {
    for (const listener of this.listeners.get('destroyed') ?? []) (listener as () => void)();
  }
}

/** A BrowserWindow stand-in that remembers its options and what it loaded. */
export class FakeWindow implements WindowLike {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  loaded: { file?: string; url?: string } = {};
  shown = false;
  focused = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }
  async loadFile(path: string): Promise<void> {
    this.loaded.file = path;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.url = url;
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    listener();
    return this;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** A session recording its header listener and permission handler. */
export function fakeSession(): SessionLike & {
  headersListener: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | null;
  permissionHandler: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null;
} {
  const session = {
    headersListener: null as never,
    permissionHandler: null as never,
    webRequest: {
      onHeadersReceived(listener: never) {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: never) {
      session.permissionHandler = handler;
    },
  };
  return session;
}

/** An ipcMain that records every handle() registration. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  handleCalls = 0;
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    this.handleCalls++;
    this.handlers.set(channel, listener);
  }
}
