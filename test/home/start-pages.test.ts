import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardContent } from '../../src-shared/cards/card';
import type { CardDto } from '../../src-shared/contracts/cards';
import type { Connection } from '../../src-main/router/connection';
import { disciplineOf } from '../../src-main/visits/schedules-service';
import {
  addSales,
  classificationOffice,
  classifiedCard,
  type ClassificationOffice,
} from '../classification/classification-office';

/**
 * The start pages and a card's consolidated view on a small fixed office
 * (today 2026-11-27), every figure computed by hand in the comments.
 */

const TODAY = '2026-11-27';

function withTrading(card: CardContent, creditLimit: number | null, paymentTermsDays: number | null): CardContent {
  return { ...card, trading: { ...card.trading, creditLimit, paymentTermsDays } };
}

async function addReceipts(
  co: ClassificationOffice,
  lines: readonly { customerId: number; receivedOn: string; cents: number }[],
): Promise<void> {
  const db = co.db();
  const imported = await db
    .insertInto('sales_imports')
    .values({
      kind: 'receipts',
      file_name: 'receipts.csv',
      file_hash: `receipts-${lines.length}`,
      lines: lines.length,
      amount_cents: lines.reduce((s, l) => s + l.cents, 0),
      first_date: null,
      last_date: null,
      at: `${TODAY}T08:00:00.000Z`,
      by_username: 'keeper',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('receipts')
    .values(
      lines.map((l) => ({
        customer_id: l.customerId,
        received_on: l.receivedOn,
        amount_cents: l.cents,
        doc_ref: '',
        import_id: imported.id,
      })),
    )
    .execute();
}

describe('start pages and the card overview', () => {
  let co: ClassificationOffice;
  let admin: Connection;
  let keeper: Connection;
  let boss: Connection;
  let wang: Connection;
  let li: Connection;
  let checker: Connection;
  let x: CardDto;
  let y: CardDto;
  let z: CardDto;
  let prospect: CardDto;
  const reportIds: Record<string, number> = {};

  beforeAll(async () => {
    co = await classificationOffice();
    admin = await co.login('admin');
    keeper = await co.login('keeper');
    boss = await co.login('boss');
    wang = await co.login('rep.wang');
    li = await co.login('rep.li');
    checker = await co.login('checker');
    const db = co.db();
    await db
      .insertInto('dictionary_entries')
      .values([
        { axis: 'region', code: 'SZ', label: '苏州', label_en: 'Suzhou', parent_code: null, sort_order: 1, active: 1 },
        { axis: 'route', code: 'L1', label: '一号线', label_en: 'Line 1', parent_code: 'SZ', sort_order: 1, active: 1 },
      ])
      .execute();
    const tick = () => co.fixture.clock.advanceMinutes(1);
    // X: grade A on route L1, limit 1,000 元 (100,000 cents), 30 days' terms; Z is merged into it later.
    x = await co.ok(keeper, 'cards.create', {
      content: withTrading(
        classifiedCard('苏州东吴电器商行', { grade: 'A', route: 'L1', assignedRep: 'rep.wang' }),
        1000,
        30,
      ),
    });
    tick();
    // Y: limit 100 元 (10,000 cents).
    y = await co.ok(keeper, 'cards.create', {
      content: withTrading(classifiedCard('无锡太湖百货公司', { grade: 'B', assignedRep: 'rep.li' }), 100, null),
    });
    tick();
    z = await co.ok(keeper, 'cards.create', {
      content: classifiedCard('苏州东吴电器（旧卡）', { assignedRep: 'rep.wang' }),
    });
    tick();
    prospect = await co.ok(keeper, 'prospects.create', {
      content: classifiedCard('吴江新港建材店', { route: 'L1', assignedRep: 'rep.wang' }),
      prospect: { origin: 'rep_visit', originNote: '', nextStep: '报价', nextStepOn: '2026-12-02' },
    });
    tick();
    await addSales(db, [
      { customerId: x.id, soldOn: '2025-10-15', cents: 50_000 },
      { customerId: x.id, soldOn: '2025-12-01', cents: 20_000 },
      { customerId: x.id, soldOn: '2026-09-10', cents: 30_000 },
      { customerId: x.id, soldOn: '2026-10-20', cents: -5_000 },
      { customerId: x.id, soldOn: '2026-11-01', cents: 40_000 },
      // Dated after today: left out of every figure.
      { customerId: x.id, soldOn: '2026-12-05', cents: 99_999 },
      { customerId: y.id, soldOn: '2026-06-01', cents: 50_000 },
      { customerId: z.id, soldOn: '2026-03-03', cents: 10_000 },
    ]);
    await addReceipts(co, [
      { customerId: x.id, receivedOn: '2026-01-10', cents: 60_000 },
      { customerId: x.id, receivedOn: '2026-12-01', cents: 10_000 },
    ]);
    x = await co.ok(keeper, 'cards.merge', { keepId: x.id, keepVersion: 1, mergeId: z.id, mergeVersion: 1 });
    tick();
    await co.ok(keeper, 'upkeep.markReviewed', { id: x.id, note: '' });
    tick();

    const report = async (
      name: string,
      values: {
        rep: string;
        customerId: number;
        visitOn: string;
        urgency: string;
        status: string;
        submittedAt: string;
      },
    ) => {
      const row = await db
        .insertInto('visit_reports')
        .values({
          rep_username: values.rep,
          rep_name: values.rep,
          subject: 'customer',
          customer_id: values.customerId,
          prospect_name: '',
          visit_on: values.visitOn,
          period: 'daily',
          urgency: values.urgency,
          findings: '拜访记录',
          status: values.status,
          submitted_at: values.submittedAt,
          reviewed_at: values.status === 'closed' ? values.submittedAt : null,
          reviewed_by: values.status === 'closed' ? 'keeper' : null,
          review_note: '',
          card_version: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      reportIds[name] = row.id;
    };
    await report('routine', {
      rep: 'rep.wang',
      customerId: x.id,
      visitOn: '2026-11-19',
      urgency: 'routine',
      status: 'pending',
      submittedAt: '2026-11-20T09:00:00.000Z',
    });
    await report('urgent', {
      rep: 'rep.li',
      customerId: y.id,
      visitOn: '2026-11-25',
      urgency: 'urgent',
      status: 'pending',
      submittedAt: '2026-11-25T09:00:00.000Z',
    });
    await report('old', {
      rep: 'rep.li',
      customerId: y.id,
      visitOn: '2026-10-29',
      urgency: 'routine',
      status: 'pending',
      submittedAt: '2026-10-29T12:00:00.000Z',
    });
    await report('closed', {
      rep: 'rep.wang',
      customerId: x.id,
      visitOn: '2026-11-10',
      urgency: 'periodic',
      status: 'closed',
      submittedAt: '2026-10-28T12:00:00.000Z',
    });
    // What the visit report service keeps on the card.
    await db.updateTable('customers').set({ last_visit_on: '2026-11-19' }).where('id', '=', x.id).execute();
    await db
      .insertInto('rep_schedules')
      .values({
        username: 'rep.wang',
        period: 'daily',
        since: '2026-11-01',
        set_at: '2026-11-01T00:00:00Z',
        set_by: 'keeper',
      })
      .execute();
  });
  afterAll(async () => co?.close());

  it('gives the custodian the inbox, needs attention, recent changes and overdue reports', async () => {
    const start = await co.ok(keeper, 'home.custodian', {});
    expect([start.inbox.pending, start.inbox.urgent]).toEqual([3, 1]);
    // Urgent first, then the oldest submitted.
    expect(start.inbox.oldest.map((r) => r.id)).toEqual([reportIds.urgent, reportIds.old, reportIds.routine]);
    expect(start.attention).toEqual(await co.ok(keeper, 'upkeep.needsAttention', { limit: 5 }));

    // The ten latest versions of any card, read the slow way for comparison.
    const all = await co
      .db()
      .selectFrom('card_versions as v')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .select(['v.customer_id', 'v.version', 'v.kind', 'c.code'])
      .orderBy('v.at', 'desc')
      .orderBy('v.customer_id', 'desc')
      .orderBy('v.version', 'desc')
      .execute();
    expect(start.recentChanges.map((c) => [c.cardId, c.version, c.kind, c.code])).toEqual(
      all.slice(0, 10).map((v) => [v.customer_id, v.version, v.kind, v.code]),
    );
    expect(start.recentChanges.find((c) => c.cardId === x.id)).toMatchObject({
      version: 2,
      kind: 'merge',
      note: z.content.basic.code,
      changes: expect.any(Number),
    });

    const discipline = await disciplineOf(co.db(), { from: '2026-10-01', to: TODAY }, TODAY);
    expect(discipline.overdue.length).toBeGreaterThan(0);
    expect(start.overdueReports).toBe(discipline.overdue.length);
  });

  it('gives a rep their customers, prospects, route, reports and overdue ones', async () => {
    const start = await co.ok(wang, 'home.rep', {});
    expect([start.myCustomers, start.myProspects]).toEqual([1, 1]);
    expect(start.routes).toEqual([{ code: 'L1', label: '一号线', region: '苏州', stops: 2 }]);
    expect(start.recentReports.map((r) => r.id)).toEqual([reportIds.routine, reportIds.closed]);
    expect(start.pendingReports).toBe(1);
    expect(start.attention).toEqual((await co.ok(wang, 'upkeep.needsAttention', {})).counts);
    expect(start.overdue).toEqual(
      (await disciplineOf(co.db(), { from: '2026-10-01', to: TODAY }, TODAY, 'rep.wang')).overdue,
    );
    const other = await co.ok(li, 'home.rep', {});
    expect([other.myCustomers, other.myProspects, other.routes, other.pendingReports]).toEqual([1, 0, [], 2]);
  });

  it('gives the manager the key figures of the last twelve months', async () => {
    const start = await co.ok(boss, 'home.manager', {});
    expect(start).toEqual({
      asOf: TODAY,
      period: { from: '2025-11-28', to: TODAY },
      // X and Y (Z is merged, the prospect counts apart).
      activeCards: 2,
      prospects: 1,
      tradingCustomers: 2,
      // X 20,000 + 30,000 − 5,000 + 40,000, Z 10,000, Y 50,000.
      salesCents: 145_000,
      // X's 50,000 of 2025-10-15.
      previousSalesCents: 50_000,
      // As of today: X with Z sold 145,000 and received 60,000; Y owes 50,000.
      outstandingCents: 85_000 + 50_000,
      // Y owes 50,000 over its 10,000; X's 85,000 is within 100,000.
      overLimitCustomers: 1,
      // Submitted 2026-10-29 to today; the one of 2026-10-28 is 30 days old.
      visitReports30d: 3,
    });
  });

  it('shows the consolidated view of a card beside its archive data', async () => {
    const overview = await co.ok(wang, 'cards.overview', { id: x.id });
    expect(overview.sales).toEqual({
      // From 2025-11-28: 20,000 + 30,000 − 5,000 + 40,000 + Z's 10,000.
      last12mCents: 95_000,
      thisYearCents: 75_000,
      lastYearCents: 70_000,
      totalCents: 145_000,
      lines: 6,
      firstSaleOn: '2025-10-15',
      lastSaleOn: '2026-11-01',
    });
    expect(overview.credit).toEqual({
      limitCents: 100_000,
      receivedCents: 60_000,
      outstandingCents: 85_000,
      availableCents: 15_000,
      overLimit: false,
      paymentTermsDays: 30,
      // Newest sales first: 40,000 (26 days), nothing 31–60 (the return is no sale), 30,000 (78 days), the rest.
      ageing: [
        { bucket: '0-30', cents: 40_000 },
        { bucket: '31-60', cents: 0 },
        { bucket: '61-90', cents: 30_000 },
        { bucket: '90+', cents: 15_000 },
      ],
    });
    expect(overview.visits.total).toBe(2);
    expect(overview.visits.pending).toBe(1);
    expect(overview.visits.lastVisitOn).toBe('2026-11-19');
    expect(overview.visits.recent.map((r) => r.id)).toEqual([reportIds.routine, reportIds.closed]);
    expect(overview.upkeep.cycleMonths).toBe(3);
    expect(overview.upkeep.reviewDueOn).toBe('2027-02-27');
    expect(overview.upkeep.lastReview).toMatchObject({ reviewedOn: TODAY, byName: 'keeper' });
    const unverified = (
      await co.db().selectFrom('customers').select('unverified').where('id', '=', x.id).executeTakeFirstOrThrow()
    ).unverified;
    expect(overview.upkeep.reasons).toEqual(unverified > 0 ? ['unverified'] : []);
    expect(overview.prospect).toBeNull();
    expect(overview.asOf).toBe(TODAY);

    const p = await co.ok(keeper, 'cards.overview', { id: prospect.id });
    expect(p.prospect).toMatchObject({
      id: prospect.id,
      origin: 'rep_visit',
      nextStep: '报价',
      nextStepOn: '2026-12-02',
    });
    expect(p.sales.lines).toBe(0);
    expect(p.credit).toMatchObject({ limitCents: null, availableCents: null, overLimit: false, outstandingCents: 0 });
    const over = await co.ok(boss, 'cards.overview', { id: y.id });
    expect([over.credit.outstandingCents, over.credit.availableCents, over.credit.overLimit]).toEqual([
      50_000,
      -40_000,
      true,
    ]);

    // A rep's scope: another rep's card does not exist for them.
    expect(await co.fails(li, 'cards.overview', { id: x.id })).toBe('CARD_NOT_FOUND');
  });

  it('gives the administrator users, backup and storage, and no card content', async () => {
    await co.ok(admin, 'users.create', {
      username: 'temp.rep',
      displayName: '临时业务员',
      roles: ['rep'],
      temporaryPassword: 'Temporary-1234',
      allowDutyOverlap: false,
    });
    const gone = await co.ok(admin, 'users.create', {
      username: 'gone.auditor',
      displayName: '离职审计',
      roles: ['auditor'],
      temporaryPassword: 'Temporary-1234',
      allowDutyOverlap: false,
    });
    await co.ok(admin, 'users.setActive', { id: gone.id, active: false });
    const me = await co.db().selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    await co
      .db()
      .insertInto('backups')
      .values({ at: '2026-11-20T08:00:00.000Z', path: '/backups/kedang.kedang', bytes: 4096, by_user_id: me.id })
      .execute();
    const start = await co.ok(admin, 'home.admin', {});
    expect(start.users).toEqual({
      active: 7,
      inactive: 1,
      byRole: { admin: 1, custodian: 1, manager: 1, rep: 3, auditor: 1 },
      mustChangePassword: 1,
    });
    expect(start.lastBackup).toEqual({
      at: '2026-11-20T08:00:00.000Z',
      path: '/backups/kedang.kedang',
      bytes: 4096,
      by: 'admin',
    });
    expect(start.daysSinceBackup).toBe(7);
    expect(start.storage.archiveBytes).toBeGreaterThan(0);
    expect(start.storage.keyringBytes).toBeGreaterThan(0);
    expect(start.storage.freeBytes).toBeGreaterThan(0);
    const text = JSON.stringify(start);
    for (const card of [x, y, prospect]) expect(text).not.toContain(card.content.basic.name);
  });

  it('logs neither a start page nor the overview (opening the card is the logged view)', async () => {
    const rows = async () =>
      Number(
        (
          await co
            .db()
            .selectFrom('access_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = await rows();
    await co.ok(keeper, 'home.custodian', {});
    await co.ok(wang, 'home.rep', {});
    await co.ok(boss, 'home.manager', {});
    await co.ok(admin, 'home.admin', {});
    await co.ok(wang, 'cards.overview', { id: x.id });
    expect(await rows()).toBe(before);
  });

  it('lets each role open only its own start page', async () => {
    expect(await co.fails(wang, 'home.custodian', {})).toBe('FORBIDDEN');
    expect(await co.fails(boss, 'home.rep', {})).toBe('FORBIDDEN');
    expect(await co.fails(wang, 'home.manager', {})).toBe('FORBIDDEN');
    expect(await co.fails(keeper, 'home.admin', {})).toBe('FORBIDDEN');
    expect(await co.fails(checker, 'home.manager', {})).toBe('FORBIDDEN');
    expect(await co.fails(admin, 'cards.overview', { id: x.id })).toBe('FORBIDDEN');
    expect(await co.fails(checker, 'cards.overview', { id: x.id })).toBe('FORBIDDEN');
  });
});
