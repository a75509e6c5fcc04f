import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { kyselyOver } from '../../src-main/archive/open-archive';
import { openCipherDatabase } from '../../src-main/store/cipher-database';
import { migrate } from '../../src-main/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/store/migrations';

const now = () => new Date('2026-11-27T00:00:00Z');

describe('migrations', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function freshDb() {
    dir = mkdtempSync(join(tmpdir(), 'kedang-migrate-'));
    const raw = openCipherDatabase(join(dir, 'm.kedang'), randomBytes(32), { create: true });
    return { raw, db: kyselyOver(raw) as unknown as Kysely<unknown> };
  }

  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 foundation: creates the tables, the append-only log triggers, and records itself', async () => {
    const { raw, db } = freshDb();
    expect(await migrate(db, now, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const tables = (
      raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'access_log',
        'archive_meta',
        'backups',
        'log_verifications',
        'settings',
        'user_roles',
        'users',
      ]),
    );
    raw
      .prepare("INSERT INTO access_log (seq, at, action, outcome, hash) VALUES (1, 'x', 'login', 'success', 'h')")
      .run();
    expect(() => raw.prepare("UPDATE access_log SET hash = 'y'").run()).toThrow(/cannot be changed/);
    expect(() => raw.prepare('DELETE FROM access_log').run()).toThrow(/cannot be deleted/);
    expect(() => raw.prepare("INSERT INTO user_roles VALUES (1, 'superuser')").run()).toThrow();
    const applied = raw.prepare('SELECT version, name FROM schema_migrations').all();
    expect(applied).toEqual([{ version: 1, name: 'foundation' }]);
    // Running again changes nothing.
    expect(await migrate(db, now, MIGRATIONS.slice(0, 1))).toEqual({ from: 1, to: 1 });
    await db.destroy();
  });

  it('0002 archive cards: seeds the dictionaries, keeps versions append-only, indexes bigrams', async () => {
    const { raw, db } = freshDb();
    await migrate(db, now, MIGRATIONS.slice(0, 1));
    expect(await migrate(db, now, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    const business = raw
      .prepare("SELECT label FROM dictionary_entries WHERE axis = 'businessType' ORDER BY sort_order")
      .all() as Array<{ label: string }>;
    expect(business.map((b) => b.label)).toEqual(['批发店', '零售商', '代理店', '特约店', '连锁店', '专营店']);
    raw
      .prepare(
        `INSERT INTO customers (id, code, name, name_sort, short_name, credit_code, phone, address, contact, status,
          nature, ownership, business_type, location_type, grade, credit_grade, industry, region, route, route_order,
          assigned_rep, credit_limit, unverified, name_key, phone_key, version, created_at, created_by, updated_at,
          updated_by, merged_into)
         VALUES (1, 'KH1', '华信', 'huaxin', '', '', '', '', '', 'active', '', '', '', '', '', '', '', '', '', NULL,
          '', NULL, 5, '华信', '', 1, 'x', 'u', 'x', 'u', NULL)`,
      )
      .run();
    expect(() => raw.prepare("INSERT INTO customers (code) VALUES ('kh1')").run()).toThrow();
    raw.prepare("INSERT INTO card_versions VALUES (1, 1, 'x', 'u', 'U', 'create', '', '[]', '{}')").run();
    expect(() => raw.prepare("UPDATE card_versions SET note = 'y'").run()).toThrow(/cannot be changed/);
    expect(() => raw.prepare('DELETE FROM card_versions').run()).toThrow(/cannot be deleted/);
    raw.prepare("INSERT INTO card_search (rowid, terms) VALUES (1, '华信 信')").run();
    expect(raw.prepare(`SELECT rowid FROM card_search WHERE card_search MATCH '"华信"'`).all()).toEqual([{ rowid: 1 }]);
    expect(() => raw.prepare("INSERT INTO customers (id, status) VALUES (2, 'deleted')").run()).toThrow();
    await db.destroy();
  });

  it('refuses a database newer than the code, untouched', async () => {
    const { raw, db } = freshDb();
    await migrate(db, now);
    await sql`INSERT INTO schema_migrations VALUES (${LATEST_SCHEMA_VERSION + 1}, 'future', 'x')`.execute(db);
    const before = raw.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
    await expect(migrate(db, now)).rejects.toMatchObject({ code: 'ARCHIVE_TOO_NEW' });
    expect(raw.prepare('SELECT count(*) AS n FROM sqlite_schema').get()).toEqual(before);
    await db.destroy();
  });

  it('rolls a failing migration back whole', async () => {
    const { raw, db } = freshDb();
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        async up(trx: Kysely<unknown>) {
          await sql`CREATE TABLE half_done (x)`.execute(trx);
          await sql`SELECT * FROM no_such_table`.execute(trx);
        },
      },
    ];
    await expect(migrate(db, now, broken)).rejects.toThrow();
    expect(raw.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    expect(raw.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST_SCHEMA_VERSION });
    await db.destroy();
  });
});
