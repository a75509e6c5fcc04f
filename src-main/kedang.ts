import type { Result } from '../src-shared/errors';
import { archiveLocation } from './archive/location';
import { endSession } from './auth/auth-service';
import { DESIGN_KDF, type KdfCost } from './keyring/key-slots';
import { Office } from './office';
import type { Connection, Host } from './router/connection';
import { route } from './router/router';

export interface KedangOptions {
  /** Folder holding archive.kedang and archive.keyring. */
  dataDir: string;
  host: Host;
  /** Injected clock for tests (idle lock, lockout). */
  clock?: () => Date;
  /** scrypt cost for new key slots; tests use a cheap one, the product the DESIGN's N=2^17. */
  kdf?: KdfCost;
}

export interface Kedang {
  readonly dataDir: string;
  /** The single entry every transport calls: validate → authorize → service → access log → result. */
  handle(connection: Connection, channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Ends the connection's session, if any (a window closed); the last one closes the archive. */
  disconnect(connection: Connection): Promise<void>;
  /** Ends sessions idle past the setting; transports call it on a timer. */
  sweepIdle(): Promise<void>;
  /** Ends every session and closes the archive, wiping the key from memory. */
  close(): Promise<void>;
}

/**
 * One running Kedang over one data folder. Calls are handled one at a
 * time: the archive is a single SQLite file and every call is short, so a
 * queue keeps the lock-and-key state simple and each call's view consistent.
 */
export function createKedang(options: KedangOptions): Kedang {
  const office = new Office(
    archiveLocation(options.dataDir),
    options.host,
    options.kdf ?? DESIGN_KDF,
    options.clock ?? (() => new Date()),
  );
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }
  return {
    dataDir: options.dataDir,
    handle: (connection, channel, input) => serial(() => route(office, connection, channel, input)),
    disconnect: (connection) =>
      serial(async () => {
        const session = connection.sessionId ? office.sessions.get(connection.sessionId) : undefined;
        if (session) await endSession(office, { connection }, session, 'logout', 'windowClosed');
        connection.sessionId = null;
      }),
    sweepIdle: () =>
      serial(async () => {
        for (const session of [...office.sessions.values()]) {
          if (office.isIdle(session)) {
            await endSession(
              office,
              { connection: { sessionId: null, language: 'zh', device: 'idle-timer' } },
              session,
              'session_locked',
            );
          }
        }
      }),
    close: () =>
      serial(async () => {
        office.sessions.clear();
        await office.closeIfIdle();
      }),
  };
}
