import { sql, type Kysely } from 'kysely';

/**
 * The foundation: archive identity, settings, users and roles, the
 * append-only access log, verification and backup records.
 * Frozen once landed: later changes go into new numbered migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    password_changed_at TEXT
  )`.execute(db);
  await sql`CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'custodian', 'manager', 'rep', 'auditor')),
    PRIMARY KEY (user_id, role)
  )`.execute(db);
  await sql`CREATE TABLE access_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    username TEXT,
    role TEXT,
    action TEXT NOT NULL,
    target TEXT,
    outcome TEXT NOT NULL,
    device TEXT,
    detail TEXT,
    hash TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX access_log_at ON access_log(at)`.execute(db);
  await sql`CREATE INDEX access_log_user ON access_log(username)`.execute(db);
  // The log is append-only: SQLite itself refuses to change or remove a row.
  await sql`CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'access log rows cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'access log rows cannot be deleted'); END`.execute(db);
  await sql`CREATE TABLE log_verifications (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    by_user_id INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    checked_rows INTEGER NOT NULL,
    first_bad_seq INTEGER,
    problem TEXT,
    last_seq INTEGER NOT NULL,
    head_seq INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE backups (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    by_user_id INTEGER NOT NULL
  )`.execute(db);
}
