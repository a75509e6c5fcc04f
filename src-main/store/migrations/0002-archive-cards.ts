import { sql, type Kysely } from 'kysely';
import { CLASSIFICATION_AXES } from '../../../src-shared/cards/card';
import { DEFAULT_DICTIONARIES } from '../../../src-shared/cards/dictionaries';

/**
 * Archive cards: the card with its list columns, every version (append-only),
 * the search index, print copy numbers and the classification dictionaries
 * seeded with the method document's values.
 * Frozen once landed: later changes go into new numbered migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE dictionary_entries (
    axis TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    label_en TEXT NOT NULL DEFAULT '',
    parent_code TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    PRIMARY KEY (axis, code)
  )`.execute(db);
  for (const axis of CLASSIFICATION_AXES) {
    let order = 0;
    for (const [code, label, labelEn] of DEFAULT_DICTIONARIES[axis]) {
      order += 1;
      await sql`INSERT INTO dictionary_entries (axis, code, label, label_en, sort_order)
        VALUES (${axis}, ${code}, ${label}, ${labelEn}, ${order})`.execute(db);
    }
  }

  // One row per card with its list columns: copies of the current version's content, kept small
  // so that counting, filtering and sorting 100,000 cards reads few pages. The content itself is
  // the current row of card_versions. name_sort is the name's pinyin, so names sort as people expect.
  await sql`CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    short_name TEXT NOT NULL,
    credit_code TEXT NOT NULL,
    phone TEXT NOT NULL,
    address TEXT NOT NULL,
    contact TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'archived', 'merged')),
    nature TEXT NOT NULL,
    ownership TEXT NOT NULL,
    business_type TEXT NOT NULL,
    location_type TEXT NOT NULL,
    grade TEXT NOT NULL,
    credit_grade TEXT NOT NULL,
    industry TEXT NOT NULL,
    region TEXT NOT NULL,
    route TEXT NOT NULL,
    route_order INTEGER,
    assigned_rep TEXT NOT NULL COLLATE NOCASE,
    credit_limit REAL,
    unverified INTEGER NOT NULL,
    name_key TEXT NOT NULL,
    phone_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    merged_into INTEGER REFERENCES customers(id)
  )`.execute(db);
  // One index per column the list sorts by: the rowid ends every index, so ORDER BY column, id walks it,
  // and scrolling through 100,000 cards sorted by grade reads pages in order instead of sorting them all.
  for (const column of [
    'name_sort',
    'updated_at',
    'short_name',
    'credit_code',
    'phone',
    'address',
    'contact',
    'status',
    'nature',
    'ownership',
    'business_type',
    'location_type',
    'grade',
    'credit_grade',
    'industry',
    'region',
    'route',
    'route_order',
    'credit_limit',
    'unverified',
  ]) {
    await sql.raw(`CREATE INDEX customers_by_${column} ON customers(${column})`).execute(db);
  }
  await sql`CREATE INDEX customers_phone_key ON customers(phone_key) WHERE phone_key <> ''`.execute(db);
  await sql`CREATE INDEX customers_name_key ON customers(name_key)`.execute(db);
  await sql`CREATE INDEX customers_assigned_rep ON customers(assigned_rep)`.execute(db);

  // Every save is a version; versions are never changed or removed.
  await sql`CREATE TABLE card_versions (
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_username TEXT NOT NULL,
    by_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    changes TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (customer_id, version)
  )`.execute(db);
  await sql`CREATE TRIGGER card_versions_no_update BEFORE UPDATE ON card_versions
    BEGIN SELECT RAISE(ABORT, 'card versions cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER card_versions_no_delete BEFORE DELETE ON card_versions
    BEGIN SELECT RAISE(ABORT, 'card versions cannot be deleted'); END`.execute(db);

  await sql`CREATE TABLE card_prints (
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    copy_no INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_username TEXT NOT NULL,
    PRIMARY KEY (customer_id, copy_no)
  )`.execute(db);

  // Bigram search index (src-shared/cards/search-terms.ts); rowid = customers.id.
  await sql`CREATE VIRTUAL TABLE card_search USING fts5(
    terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  )`.execute(db);
}
