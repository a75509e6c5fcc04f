import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardContent } from '../../src-shared/cards/card';
import { foldText } from '../../src-shared/cards/normalize';
import { matchExpression } from '../../src-shared/cards/search-terms';
import { describeLogDetail } from '../../src-shared/log-details';
import { searchFields } from '../../src-main/cards/search-index';
import { generateDemoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { openDemoOffice, type DemoOffice } from '../../src-main/demo/demo-office';
import { newConnection, type Connection } from '../../src-main/router/connection';
import { ADMIN, loggedIn, makeFixture, TEST_KDF, userWithRole, type Fixture } from '../support/office-fixture';

const CUSTODIAN_PW = 'dangan-Pass-2026';
const MANAGER_PW = 'jingli-Pass-2026';

/** The demo loader writes through the card records in batches, as the real import does. */
describe('loading demo cards', () => {
  let fixture: Fixture;
  let demo: DemoOffice;
  let custodian: Connection;
  const cards = generateDemoCards({ count: 250, seed: 'loader', reps: ['yewu1'] });

  beforeAll(async () => {
    fixture = await makeFixture();
    const admin = await loggedIn(fixture, ADMIN.username, ADMIN.password);
    await userWithRole(fixture, admin, 'dangan', ['custodian'], CUSTODIAN_PW);
    await userWithRole(fixture, admin, 'jingli', ['manager'], MANAGER_PW);
    await userWithRole(fixture, admin, 'yewu1', ['rep']);
    await userWithRole(fixture, admin, 'shenji', ['auditor'], 'shenji-Pass-2026');
    await fixture.kedang.close();
    demo = openDemoOffice(fixture.dir, { kdf: TEST_KDF, clock: fixture.clock.now });
    custodian = newConnection('demo-test');
    await demo.call(custodian, 'auth.login', { username: 'dangan', password: CUSTODIAN_PW });
  });
  afterAll(async () => {
    await demo.close();
    await fixture.cleanup();
  });

  const db = () => demo.office.requireArchive().db;
  const count = async (table: 'customers' | 'card_versions') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes every card with its first version, in batches of one transaction and one log row each', async () => {
    const progress: number[] = [];
    const result = await loadDemoCards(demo.callOf(custodian), cards, {
      batchSize: 100,
      onBatch: (n) => progress.push(n),
    });
    expect(result).toMatchObject({ created: 250, batches: 3 });
    expect(progress).toEqual([100, 200, 250]);
    expect(await count('customers')).toBe(250);
    expect(await count('card_versions')).toBe(250);

    const rows = await db().selectFrom('customers').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(cards.map((c) => c.basic.name));
    expect(rows[0]!.code).toBe('KH000001');
    expect(rows.every((r) => r.version === 1 && r.status === 'active' && r.created_by === 'dangan')).toBe(true);
    const versions = await db().selectFrom('card_versions').selectAll().execute();
    expect(versions.every((v) => v.version === 1 && v.kind === 'import' && v.by_username === 'dangan')).toBe(true);

    // Verification is stamped by the loading custodian, never taken from the cards.
    const first = JSON.parse(versions.find((v) => v.customer_id === rows[0]!.id)!.content) as CardContent;
    for (const key of Object.keys(first.sources) as (keyof CardContent['sources'])[]) {
      const s = first.sources[key];
      expect(s.verifiedBy).toBe(s.verified ? 'dangan' : null);
      expect(s.verified).toBe(cards[0]!.sources[key].verified);
    }

    const log = await db()
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'card_import')
      .orderBy('seq')
      .execute();
    expect(log.map((l) => [l.username, l.target, l.outcome])).toEqual(
      Array(3).fill(['dangan', 'demo-data', 'success']),
    );
    expect(log.map((l) => describeLogDetail(l.detail, 'en'))).toEqual([
      'demo-data: 100 created, 0 updated, 0 skipped, 0 rejected',
      'demo-data: 100 created, 0 updated, 0 skipped, 0 rejected',
      'demo-data: 50 created, 0 updated, 0 skipped, 0 rejected',
    ]);
    // No card data in the log.
    for (const l of log) expect(l.detail).not.toContain(cards[0]!.basic.name);
  });

  it('adds the demo regions and routes to the dictionaries', async () => {
    const entries = await db()
      .selectFrom('dictionary_entries')
      .selectAll()
      .where('axis', 'in', ['region', 'route'])
      .execute();
    expect(entries.filter((e) => e.axis === 'region').map((e) => e.label)).toContain('华北区');
    expect(entries.filter((e) => e.axis === 'route').length).toBeGreaterThanOrEqual(40);
    expect(entries.find((e) => e.axis === 'region' && e.code === '330100')).toMatchObject({
      parent_code: 'HD',
      label: '杭州市',
    });
    expect(entries.find((e) => e.axis === 'route' && e.label === '杭州线')).toMatchObject({ parent_code: '330100' });
  });

  it('indexes every card so that two-character fragments, phone digits and pinyin initials find it', async () => {
    const matching = async (query: string) =>
      (
        await sql<{ rowid: number }>`SELECT rowid FROM card_search WHERE card_search MATCH ${matchExpression(query)}`
          .execute(db())
          .then((r) => r.rows)
      )
        .map((r) => r.rowid)
        .sort((a, b) => a - b);
    const rows = await db().selectFrom('card_versions').select(['customer_id', 'content']).execute();
    const fields = rows.map((r) => ({
      id: r.customer_id,
      text: searchFields(JSON.parse(r.content) as CardContent).map(foldText),
    }));
    const expected = (query: string) =>
      fields
        .filter((f) => f.text.some((t) => t.includes(foldText(query))))
        .map((f) => f.id)
        .sort((a, b) => a - b);

    const phone = cards
      .find((c) => /^0\d+-\d+$/.test(c.basic.phone))!
      .basic.phone.split('-')[1]!
      .slice(1, 6);
    for (const query of ['华信', '宏达', '科技', '有限公司', phone, 'KH000123', 'bj']) {
      const found = await matching(query);
      expect(found, query).toEqual(expected(query));
    }
    expect((await matching('华信')).length).toBeGreaterThan(3);
  });

  it('refuses a role without the import permission, and logs the refusal', async () => {
    const manager = newConnection('demo-test');
    await demo.call(manager, 'auth.login', { username: 'jingli', password: MANAGER_PW });
    await expect(loadDemoCards(demo.callOf(manager), cards.slice(0, 5))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('customers')).toBe(250);
    const denied = await db()
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'access_denied')
      .where('username', '=', 'jingli')
      .execute();
    expect(denied).toHaveLength(1);
    await demo.call(manager, 'auth.logout', {});
  });

  it('refuses a batch naming a rep or a classification the archive does not know, writing none of it', async () => {
    const strangers = generateDemoCards({ count: 20, seed: 'strangers', reps: ['nobody'] });
    await expect(loadDemoCards(demo.callOf(custodian), strangers, { batchSize: 50 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'classification.assignedRep': 'unknownValue' },
    });
    const odd = generateDemoCards({ count: 3, seed: 'odd', reps: [] });
    odd[2]!.classification.grade = 'Z';
    await expect(loadDemoCards(demo.callOf(custodian), odd)).rejects.toMatchObject({
      fields: { 'classification.grade': 'unknownValue' },
    });
    const broken = generateDemoCards({ count: 1, seed: 'broken', reps: [] });
    const valid = cards.find((c) => c.basic.creditCode !== '')!.basic.creditCode;
    broken[0]!.basic.creditCode = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    await expect(loadDemoCards(demo.callOf(custodian), broken)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await count('customers')).toBe(250);
    expect(await count('card_versions')).toBe(250);
  });

  it('leaves an access log that verifies', async () => {
    await demo.call(custodian, 'auth.logout', {});
    await demo.close();
    const auditor = fixture.connection();
    await fixture.reopen();
    await fixture.ok(auditor, 'auth.login', { username: 'shenji', password: 'shenji-Pass-2026' });
    const verification = await fixture.ok(auditor, 'accessLog.verify', {});
    expect(verification).toMatchObject({ ok: true, firstBadSeq: null });
    expect(verification.checkedRows).toBeGreaterThan(10);
  });
});
