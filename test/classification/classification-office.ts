import { sql, type Kysely } from 'kysely';
import type { CardContent } from '../../src-shared/cards/card';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { Result } from '../../src-shared/errors';
import { archiveLocation } from '../../src-main/archive/location';
import { Office } from '../../src-main/office';
import { newConnection, type Connection, type Host, type PrintRequest } from '../../src-main/router/connection';
import { route } from '../../src-main/router/router';
import type { ArchiveSchema } from '../../src-main/store/schema';
import { ADMIN, makeFixture, TEST_KDF, userWithRole, type Fixture } from '../support/office-fixture';
import { namedCard } from '../support/card-samples';

/** Passwords of the users every classification test office has. */
export const USERS = {
  admin: ADMIN.password,
  keeper: 'keeper-Pass-2026',
  boss: 'boss-Pass-2026',
  'rep.wang': 'rep.wang-Pass-2026',
  'rep.li': 'rep.li-Pass-2026',
  checker: 'checker-Pass-2026',
} as const;
export type TestUser = keyof typeof USERS;

/**
 * An archive with one user per role (two reps), served by an Office the test also reaches
 * directly: the router for calls, the database for sales lines (they come from the ERP import,
 * another engineer's channel) and for checking what was written.
 */
export interface ClassificationOffice {
  fixture: Fixture;
  office: Office;
  printRequests: PrintRequest[];
  db(): Kysely<ArchiveSchema>;
  login(user: TestUser, device?: string): Promise<Connection>;
  call<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  ok<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** The error code of a call that must fail. */
  fails<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<string>;
  close(): Promise<void>;
}

export async function classificationOffice(): Promise<ClassificationOffice> {
  const fixture = await makeFixture();
  const admin = newConnection('setup');
  await fixture.ok(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await userWithRole(fixture, admin, 'keeper', ['custodian'], USERS.keeper);
  await userWithRole(fixture, admin, 'boss', ['manager'], USERS.boss);
  await userWithRole(fixture, admin, 'rep.wang', ['rep'], USERS['rep.wang']);
  await userWithRole(fixture, admin, 'rep.li', ['rep'], USERS['rep.li']);
  await userWithRole(fixture, admin, 'checker', ['auditor'], USERS.checker);
  await fixture.kedang.close();

  const printRequests: PrintRequest[] = [];
  const host: Host = {
    chooseFile: async () => null,
    print: async (request) => {
      printRequests.push(request);
      return true;
    },
  };
  const office = new Office(archiveLocation(fixture.dir), host, TEST_KDF, fixture.clock.now);
  const call = <C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>) =>
    route(office, connection, channel, input) as Promise<Result<OutputOf<C>>>;
  const self: ClassificationOffice = {
    fixture,
    office,
    printRequests,
    db: () => office.requireArchive().db,
    async login(user, device = 'test') {
      const connection = newConnection(device);
      const result = await call(connection, 'auth.login', { username: user, password: USERS[user] });
      if (!result.ok) throw new Error(`login ${user}: ${result.error.code}`);
      return connection;
    },
    call,
    async ok(connection, channel, input) {
      const result = await call(connection, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async fails(connection, channel, input) {
      const result = await call(connection, channel, input);
      if (result.ok) throw new Error(`${channel} should have failed`);
      return result.error.code;
    },
    async close() {
      office.sessions.clear();
      await office.closeIfIdle();
      await fixture.cleanup();
    },
  };
  return self;
}

/** A card with a name and some classification. */
export function classifiedCard(name: string, classification: Partial<CardContent['classification']> = {}): CardContent {
  const card = namedCard(name);
  return { ...card, classification: { ...card.classification, ...classification } };
}

/** Sales lines as the ERP import writes them (one product, one import row for all of them). */
export async function addSales(
  db: Kysely<ArchiveSchema>,
  lines: readonly { customerId: number; soldOn: string; cents: number }[],
): Promise<void> {
  const at = '2026-11-27T09:00:00.000Z';
  let product = await db.selectFrom('products').select('id').where('code', '=', 'P-TEST').executeTakeFirst();
  product ??= await db
    .insertInto('products')
    .values({ code: 'P-TEST', name: '测试商品', category: '测试', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = `test-${Math.random().toString(16).slice(2)}`;
  const imported = await db
    .insertInto('sales_imports')
    .values({
      kind: 'sales',
      file_name: 'test.csv',
      file_hash: hash,
      lines: lines.length,
      amount_cents: lines.reduce((s, l) => s + l.cents, 0),
      first_date: null,
      last_date: null,
      at,
      by_username: 'keeper',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < lines.length; i += 500) {
    await db
      .insertInto('sales_lines')
      .values(
        lines.slice(i, i + 500).map((l) => ({
          customer_id: l.customerId,
          product_id: product.id,
          sold_on: l.soldOn,
          quantity: 1,
          amount_cents: l.cents,
          doc_ref: '',
          import_id: imported.id,
        })),
      )
      .execute();
  }
}

/** Everything a refused call must leave as it was: dictionaries, cards, versions, index, overrides, settings, log. */
export async function snapshot(db: Kysely<ArchiveSchema>): Promise<string> {
  const count = async (table: string) =>
    Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n);
  return JSON.stringify({
    dictionaries: await db.selectFrom('dictionary_entries').selectAll().orderBy('axis').orderBy('code').execute(),
    customers: await db.selectFrom('customers').selectAll().orderBy('id').execute(),
    versions: await count('card_versions'),
    overrides: await count('class_overrides'),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
    log: await count('access_log'),
    index: (await sql<{ terms: string }>`SELECT count(*) AS terms FROM card_search`.execute(db)).rows,
  });
}
