import { randomUUID } from 'node:crypto';
import { inTransaction } from './store/transaction';
import { withLogDetail } from '../src-shared/log-details';
import type { Transaction } from 'kysely';
import type { Role } from '../src-shared/roles';
import { appendLogRow, type LogEntry, type LogHead } from './access-log/append';
import { recomputeDerivedIfDue } from './classification/derived-classes';
import { headMac } from './access-log/chain';
import { checkHeadAtOpen } from './access-log/verify';
import type { ArchiveLocation } from './archive/location';
import { openArchive, type OpenArchive } from './archive/open-archive';
import { KedangError } from './errors';
import { readKeyring, updateKeyring, type Keyring } from './keyring/keyring-file';
import type { KdfCost } from './keyring/key-slots';
import type { Connection, Host } from './router/connection';
import type { ArchiveSchema } from './store/schema';

/** A logged-in user in one connection. */
export interface Session {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  lastActivity: Date;
  /**
   * When a print was last prepared (and logged) by a service such as
   * `cards.print`; `app.print` only prints while one is pending, so a forged
   * call cannot print without its log rows.
   */
  pendingPrintAt?: Date;
}

/** What one log row says about who did it; filled from the session. */
export type LogEvent = Omit<LogEntry, 'at' | 'userId' | 'username' | 'role' | 'device'>;

/**
 * The state of one running Kedang: where the archive is, whether it is
 * unlocked, and who is logged in. The archive stays unlocked only while at
 * least one session exists; the last logout or idle lock closes it and
 * wipes the key.
 */
export class Office {
  archive: OpenArchive | null = null;
  readonly sessions = new Map<string, Session>();
  idleLockMinutes = 10;
  private integrityCheckedAt: Date | null = null;

  constructor(
    readonly location: ArchiveLocation,
    readonly host: Host,
    readonly kdf: KdfCost,
    readonly clock: () => Date,
  ) {}

  now(): Date {
    return this.clock();
  }

  readKeyring(): Keyring {
    return readKeyring(this.location.keyringPath);
  }

  updateKeyring(change: (keyring: Keyring) => void): Keyring {
    return updateKeyring(this.location.keyringPath, change);
  }

  requireArchive(): OpenArchive {
    if (!this.archive) throw new KedangError('NOT_LOGGED_IN');
    return this.archive;
  }

  /**
   * Unlocks the archive with a key from a slot, or checks that an already
   * open archive has that same key. Failed logins kept in the keyring while
   * the archive was closed are flushed into the log now, and a rollback
   * found at open is remembered as an alarm before anything is appended.
   */
  async unlock(key: Buffer): Promise<OpenArchive> {
    if (this.archive) {
      if (!this.archive.key.equals(key)) throw new KedangError('ARCHIVE_UNREADABLE');
      return this.archive;
    }
    const keyring = this.readKeyring();
    const checkIntegrity = this.integrityCheckDue();
    const archive = await openArchive(this.location.archivePath, key, keyring.archiveId, this.clock, {
      checkIntegrity,
    });
    if (checkIntegrity) this.integrityCheckedAt = this.now();
    try {
      const alarm = checkHeadAtOpen(archive.raw, archive.logKey, keyring);
      if (alarm && !keyring.logAlarm) {
        this.updateKeyring((k) => {
          k.logAlarm = { at: this.now().toISOString(), ...alarm };
        });
      }
      this.archive = archive;
      await this.loadSettings();
      await this.recomputeDerivedIfDue();
      await this.flushPendingFailedLogins();
      return archive;
    } catch (error) {
      this.archive = null;
      await archive.close();
      throw error;
    }
  }

  /**
   * The full integrity check (quick_check reads every page) runs at the first
   * unlock of this process and then once a day: at 100,000 cards it takes
   * seconds, too long for every login. Between checks a damaged or altered
   * page is still refused when it is read (each page carries its own MAC).
   */
  private integrityCheckDue(): boolean {
    const last = this.integrityCheckedAt;
    return last === null || this.now().getTime() - last.getTime() >= 24 * 60 * 60 * 1000;
  }

  private async loadSettings(): Promise<void> {
    const row = await this.requireArchive()
      .db.selectFrom('settings')
      .select('value')
      .where('key', '=', 'idle_lock_minutes')
      .executeTakeFirst();
    const minutes = Number(row?.value ?? 10);
    this.idleLockMinutes = Number.isInteger(minutes) && minutes > 0 ? minutes : 10;
  }

  /**
   * Lifecycle and volume tier move on with the calendar (a customer lapses without any new data),
   * so the first unlock of each calendar day recomputes them; the day is kept in the archive, so
   * later logins, restarts and CLI runs that day do not repeat it. A failure does not stop the
   * login: the classes of the last recompute stay until the next unlock or sales import.
   */
  private async recomputeDerivedIfDue(): Promise<void> {
    try {
      await recomputeDerivedIfDue(this.requireArchive().db, this.now());
    } catch (error) {
      console.warn(`kedang: derived classes not recomputed at unlock: ${(error as Error).name}`);
    }
  }

  private async flushPendingFailedLogins(): Promise<void> {
    const pending = this.readKeyring().pendingFailedLogins;
    if (pending.length === 0) return;
    await this.transaction(async (trx, log) => {
      for (const attempt of pending) {
        await log(trx, {
          at: new Date(attempt.at),
          userId: null,
          username: attempt.username,
          role: null,
          action: 'login_failed',
          target: attempt.username,
          outcome: 'failure',
          device: attempt.device,
          detail: withLogDetail(attempt.reason, ['recordedWhileLocked']),
        });
      }
    });
    this.updateKeyring((k) => {
      k.pendingFailedLogins = k.pendingFailedLogins.filter(
        (p) => !pending.some((q) => q.at === p.at && q.username === p.username),
      );
    });
  }

  /** Closes the archive when nobody is logged in any more. */
  async closeIfIdle(): Promise<void> {
    if (this.sessions.size === 0 && this.archive) {
      const archive = this.archive;
      this.archive = null;
      await archive.close();
    }
  }

  /**
   * Runs work in one transaction with a log function that appends chained
   * rows in that same transaction. After the commit, the new head is kept
   * in the keyring (outside the database) so a rollback can be detected.
   */
  async transaction<T>(
    work: (
      trx: Transaction<ArchiveSchema>,
      log: (trx: Transaction<ArchiveSchema>, entry: LogEntry) => Promise<LogHead>,
    ) => Promise<T>,
  ): Promise<T> {
    const archive = this.requireArchive();
    let head: LogHead | null = null;
    const log = async (trx: Transaction<ArchiveSchema>, entry: LogEntry) => {
      head = await appendLogRow(trx, archive.logKey, entry);
      return head;
    };
    const result = await inTransaction(archive.db, (trx) => work(trx, log));
    if (head) {
      try {
        this.keepHead(head);
      } catch (error) {
        // The change is committed and must be reported as saved. A head that lags the
        // database still verifies (the chain continues past it); only a head ahead of it fails.
        console.warn(`kedang: access-log head not kept outside the database: ${(error as Error).name}`);
      }
    }
    return result;
  }

  private keepHead(head: LogHead): void {
    const archive = this.requireArchive();
    this.updateKeyring((k) => {
      if (k.logHead && k.logHead.seq >= head.seq) return;
      k.logHead = { ...head, mac: headMac(archive.logKey, head.seq, head.hash) };
    });
  }

  /** The log entry for an event by the session's user (or by nobody, for pre-login events). */
  entry(connection: Connection, session: Session | null, event: LogEvent): LogEntry {
    return {
      at: this.now(),
      userId: session?.userId ?? null,
      username: session?.username ?? null,
      role: session ? session.roles.join(',') : null,
      device: connection.device,
      ...event,
    };
  }

  /** Appends one row on its own (for events with no other change, like a denied call). */
  async logAlone(connection: Connection, session: Session | null, event: LogEvent): Promise<void> {
    await this.transaction((trx, log) => log(trx, this.entry(connection, session, event)));
  }

  startSession(user: Omit<Session, 'id' | 'lastActivity'>): Session {
    const session: Session = { ...user, id: randomUUID(), lastActivity: this.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  isIdle(session: Session): boolean {
    return this.now().getTime() - session.lastActivity.getTime() > this.idleLockMinutes * 60_000;
  }
}
