import { errorMessage, type ErrorCode, type Result } from '../../src-shared/errors';
import type { Kedang } from '../kedang';
import { newConnection, type Connection } from '../router/connection';

/** The one IPC channel of the application; the contract channel travels as its first argument. */
export const INVOKE_CHANNEL = 'kedang:invoke';

/** The part of an Electron WebContents the IPC glue uses. */
export interface SenderContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The part of Electron's IpcMainInvokeEvent the glue uses. `senderFrame` is null once the frame navigated away. */
export interface InvokeEvent {
  readonly sender: SenderContents;
  readonly senderFrame: { readonly url: string } | null | undefined;
}

/** The part of Electron's ipcMain the glue uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface KedangIpcOptions {
  ipcMain: IpcMainLike;
  kedang: Pick<Kedang, 'handle' | 'disconnect'>;
  /** True when the frame URL is our own UI (see isOwnRendererUrl). */
  isOwnUrl(url: string): boolean;
  /** True when these web contents belong to our window, not some other (e.g. a devtools or stray) web contents. */
  isOwnContents(contents: SenderContents): boolean;
  /** Device name for the access log. */
  device?: string;
}

/** Longest contract channel name accepted before the router sees it; real names are short. */
const MAX_CHANNEL_LENGTH = 100;

/**
 * Registers the application's only `ipcMain.handle`. Each call is checked
 * against our own frame URL and window before it reaches the router; a
 * foreign caller gets a FORBIDDEN result, never an exception, and the router
 * is not called. One Connection is kept per web contents, so two windows
 * (or a reloaded one that kept its contents) never share a login by accident
 * and a closed window's session is dropped with it.
 */
export function registerKedangIpc(options: KedangIpcOptions): { connections: ReadonlyMap<number, Connection> } {
  const { ipcMain, kedang, isOwnUrl, isOwnContents } = options;
  const device = options.device ?? 'desktop';
  const connections = new Map<number, Connection>();

  const connectionFor = (contents: SenderContents): Connection => {
    let connection = connections.get(contents.id);
    if (!connection) {
      connection = newConnection(device);
      connections.set(contents.id, connection);
      const id = contents.id;
      const opened = connection;
      contents.once('destroyed', () => {
        connections.delete(id);
        // A closed window logs its user out, so the key does not wait for the idle sweep.
        void kedang.disconnect(opened).catch(() => undefined);
      });
    }
    return connection;
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event: InvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    try {
      const sender = event?.sender;
      const frameUrl = event?.senderFrame?.url;
      if (!sender || typeof frameUrl !== 'string' || !isOwnUrl(frameUrl) || !isOwnContents(sender)) {
        return failure('FORBIDDEN', connections.get(sender?.id ?? -1)?.language ?? 'zh');
      }
      const connection = connectionFor(sender);
      const [channel, input] = args;
      if (typeof channel !== 'string' || channel.length > MAX_CHANNEL_LENGTH) {
        return failure('UNKNOWN_CHANNEL', connection.language);
      }
      return await kedang.handle(connection, channel, input);
    } catch {
      // The router returns typed errors itself; this only guards the glue so a
      // renderer never sees a rejected promise with internals in its message.
      return failure('INTERNAL', 'zh');
    }
  });

  return { connections };
}

function failure(code: ErrorCode, language: Connection['language']): Result<never> {
  return { ok: false, error: { code, message: errorMessage(code, language) } };
}
