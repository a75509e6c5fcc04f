import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src-main/router/connection';
import type { CardContent } from '../../src-shared/cards/card';
import type { InputOf } from '../../src-shared/contracts';
import {
  classificationOffice,
  classifiedCard,
  snapshot,
  type ClassificationOffice,
} from '../classification/classification-office';

/**
 * Visit reports from the rep's submission through the custodian's review
 * into the card (method 三.1 ①), through the router with real sessions.
 * The test clock stands at 2026-11-27 09:00 UTC (a Friday).
 */

const NOW = '2026-11-27T09:00:00.000Z';

describe('visit reports through the router', () => {
  let o: ClassificationOffice;
  let keeper: Connection;
  let wang: Connection;
  let li: Connection;
  let checker: Connection;
  let wangCard: number;
  let liCard: number;

  beforeAll(async () => {
    o = await classificationOffice();
    keeper = await o.login('keeper');
    wang = await o.login('rep.wang');
    li = await o.login('rep.li');
    checker = await o.login('checker');
    const card = (name: string, rep: string, change: (c: CardContent) => void = () => {}) => {
      const content = classifiedCard(name, { assignedRep: rep });
      change(content);
      return o.ok(keeper, 'cards.create', { content, acceptDuplicates: true });
    };
    wangCard = (
      await card('福州海峡贸易有限公司', 'rep.wang', (c) => {
        c.basic.phone = '0591-1111111';
        c.sources.basic = { source: 'customer_form', verified: true, verifiedBy: null, verifiedAt: null };
        c.sources.characteristics = { source: 'agency', verified: true, verifiedBy: null, verifiedAt: null };
      })
    ).id;
    liCard = (await card('厦门鹭岛商行', 'rep.li')).id;
  });
  afterAll(async () => o?.close());

  const submit = (as: Connection, input: Partial<InputOf<'visits.submit'>>) =>
    o.ok(as, 'visits.submit', {
      subject: 'customer',
      visitOn: '2026-11-26',
      period: 'daily',
      urgency: 'routine',
      findings: '客户计划扩大仓库',
      ...input,
    });
  const logRows = async (action: string) =>
    (await o.ok(checker, 'accessLog.query', { filter: { action: action as never }, offset: 0, limit: 500 })).rows;
  const card = (id: number) => o.ok(keeper, 'cards.get', { id });

  it('accepted and edited changes go into the card as one version naming the report; rejected ones do not', async () => {
    const before = await card(wangCard);
    const report = await submit(wang, {
      customerId: wangCard,
      changes: [
        { path: 'basic.phone', value: ' 0591-2222222 ' },
        { path: 'trading.creditLimit', value: 50000 },
        { path: 'characteristics.salesCapacity', value: '销售团队十二人' },
      ],
    });
    expect(report).toMatchObject({
      number: `BF${String(report.id).padStart(6, '0')}`,
      status: 'pending',
      subject: 'customer',
      customer: { id: wangCard, code: before.content.basic.code, name: '福州海峡贸易有限公司' },
      repUsername: 'rep.wang',
      changeCount: 3,
      appliedCount: 0,
      cardVersion: null,
      submittedAt: NOW,
    });
    // Values are stored as the card would store them; `before` is the card's value at submission.
    expect(report.changes).toEqual([
      {
        path: 'basic.phone',
        proposed: '0591-2222222',
        before: '0591-1111111',
        decision: 'pending',
        applied: null,
        reason: '',
      },
      { path: 'trading.creditLimit', proposed: 50000, before: null, decision: 'pending', applied: null, reason: '' },
      {
        path: 'characteristics.salesCapacity',
        proposed: '销售团队十二人',
        before: '',
        decision: 'pending',
        applied: null,
        reason: '',
      },
    ]);
    const lastVisit = await o
      .db()
      .selectFrom('customers')
      .select('last_visit_on')
      .where('id', '=', wangCard)
      .executeTakeFirstOrThrow();
    expect(lastVisit.last_visit_on).toBe('2026-11-26');

    const reviewed = await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [
        { path: 'basic.phone', decision: 'accept' },
        { path: 'trading.creditLimit', decision: 'edit', value: 80000 },
        { path: 'characteristics.salesCapacity', decision: 'reject', reason: '与实际不符' },
      ],
    });
    expect(reviewed).toMatchObject({
      status: 'closed',
      reviewedAt: NOW,
      reviewedBy: 'keeper',
      cardVersion: before.version + 1,
      appliedCount: 2,
    });
    expect(reviewed.changes.map((c) => [c.decision, c.applied, c.reason])).toEqual([
      ['accepted', '0591-2222222', ''],
      ['edited', 80000, ''],
      ['rejected', null, '与实际不符'],
    ]);

    const after = await card(wangCard);
    expect(after.version).toBe(before.version + 1);
    expect(after.content.basic.phone).toBe('0591-2222222');
    expect(after.content.trading.creditLimit).toBe(80000);
    expect(after.content.characteristics).toEqual(before.content.characteristics);
    // New data from a rep is not verified data: the sections it landed in are the rep's and unverified.
    expect(after.content.sources.basic).toEqual({
      source: 'rep_visit',
      verified: false,
      verifiedBy: null,
      verifiedAt: null,
    });
    expect(after.content.sources.trading).toEqual({
      source: 'rep_visit',
      verified: false,
      verifiedBy: null,
      verifiedAt: null,
    });
    expect(after.content.sources.characteristics).toEqual(before.content.sources.characteristics);

    const history = await o.ok(keeper, 'cards.history', { id: wangCard });
    expect(history[0]).toMatchObject({ version: before.version + 1, kind: 'visit', note: report.number, by: 'keeper' });
  });

  it('with verify, the sections the values land in are verified by the reviewer now', async () => {
    const before = await card(wangCard);
    const report = await submit(wang, {
      customerId: wangCard,
      changes: [{ path: 'basic.email', value: 'hx@example.com' }],
    });
    o.fixture.clock.advanceMinutes(5);
    await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [{ path: 'basic.email', decision: 'accept' }],
      verify: true,
    });
    const after = await card(wangCard);
    expect(after.version).toBe(before.version + 1);
    expect(after.content.basic.email).toBe('hx@example.com');
    expect(after.content.sources.basic).toEqual({
      source: 'rep_visit',
      verified: true,
      verifiedBy: 'keeper',
      verifiedAt: '2026-11-27T09:05:00.000Z',
    });
    expect(after.content.sources.trading).toEqual(before.content.sources.trading);
  });

  it('rejected changes leave the card untouched: same version, same content, no card_edit row', async () => {
    const before = await card(wangCard);
    const edits = (await logRows('card_edit')).length;
    const report = await submit(wang, {
      customerId: wangCard,
      changes: [
        { path: 'basic.phone', value: '0591-9999999' },
        { path: 'basic.employees', value: 40 },
      ],
    });
    const reviewed = await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [
        { path: 'basic.employees', decision: 'reject', reason: '人数未核实' },
        { path: 'basic.phone', decision: 'reject', reason: '号码已停用' },
      ],
      note: '全部不采纳',
    });
    expect(reviewed).toMatchObject({ status: 'closed', cardVersion: null, appliedCount: 0, reviewNote: '全部不采纳' });
    const after = await card(wangCard);
    expect(after.version).toBe(before.version);
    expect(after.content).toEqual(before.content);
    expect((await logRows('card_edit')).length).toBe(edits);
  });

  it('a report without changes closes without a card version', async () => {
    const before = await card(wangCard);
    const report = await submit(wang, { customerId: wangCard });
    const reviewed = await o.ok(keeper, 'visits.review', { id: report.id, decisions: [] });
    expect(reviewed).toMatchObject({ status: 'closed', cardVersion: null, changeCount: 0 });
    expect((await card(wangCard)).version).toBe(before.version);
  });

  it('a prospect report becomes a prospect card with its history; without the name it cannot', async () => {
    const report = await submit(wang, {
      subject: 'prospect',
      prospectName: '福清新开元建材店',
      urgency: 'urgent',
      changes: [{ path: 'basic.address', value: '福清市音西街道 8 号' }],
    });
    expect(report.customer).toBeNull();
    // The name is proposed as the card's name; nothing is "before" a card that does not exist.
    expect(report.changes.map((c) => [c.path, c.proposed, c.before])).toEqual([
      ['basic.name', '福清新开元建材店', null],
      ['basic.address', '福清市音西街道 8 号', null],
    ]);

    const untouched = await snapshot(o.db());
    const noName = await o.call(keeper, 'visits.review', {
      id: report.id,
      decisions: [
        { path: 'basic.name', decision: 'reject', reason: '名称待确认' },
        { path: 'basic.address', decision: 'accept' },
      ],
    });
    expect(noName.ok ? 'OK' : noName.error.code).toBe('PROSPECT_NEEDS_NAME');
    expect(await snapshot(o.db())).toBe(untouched);

    const reviewed = await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [
        { path: 'basic.name', decision: 'edit', value: '福清市新开元建材商行' },
        { path: 'basic.address', decision: 'accept' },
      ],
    });
    expect(reviewed.cardVersion).toBe(1);
    expect(reviewed.customer).toMatchObject({ name: '福清市新开元建材商行' });
    const created = await card(reviewed.customer!.id);
    expect(created.content.basic).toMatchObject({ name: '福清市新开元建材商行', address: '福清市音西街道 8 号' });
    expect(created.content.classification.assignedRep).toBe('rep.wang');
    expect(created.content.sources.basic).toEqual({
      source: 'rep_visit',
      verified: false,
      verifiedBy: null,
      verifiedAt: null,
    });
    const row = await o
      .db()
      .selectFrom('customers')
      .select(['prospect', 'prospect_origin', 'last_visit_on'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ prospect: 1, prospect_origin: 'rep_visit', last_visit_on: '2026-11-26' });
    const history = await o.ok(keeper, 'cards.history', { id: created.id });
    expect(history.map((h) => [h.version, h.kind, h.note])).toEqual([[1, 'visit', report.number]]);
    // The rep sees the new card (it is theirs) and the report about it.
    const forCard = await o.ok(wang, 'visits.forCard', { customerId: created.id });
    expect(forCard.rows.map((r) => r.number)).toEqual([report.number]);
    const creates = await logRows('card_create');
    expect(creates.find((r) => r.target === created.content.basic.code)).toBeDefined();
  });

  it('a prospect report whose changes are all rejected closes without a card', async () => {
    const cards = await o
      .db()
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const report = await submit(wang, { subject: 'prospect', prospectName: '路边小店' });
    const reviewed = await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [{ path: 'basic.name', decision: 'reject', reason: '规模太小' }],
    });
    expect(reviewed).toMatchObject({ status: 'closed', customer: null, cardVersion: null });
    const after = await o
      .db()
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(cards.n);
  });

  it('refuses a second review, incomplete decisions, bad edits and rejections without reason, writing nothing', async () => {
    const report = await submit(wang, {
      customerId: wangCard,
      changes: [
        { path: 'basic.fax', value: '0591-3333333' },
        { path: 'trading.paymentTermsDays', value: 30 },
      ],
    });
    const untouched = await snapshot(o.db());
    const fails = async (input: InputOf<'visits.review'>) => {
      const result = await o.call(keeper, 'visits.review', input);
      return result.ok ? 'OK' : { code: result.error.code, fields: result.error.fields };
    };
    const fax = { path: 'basic.fax', decision: 'accept' } as const;
    expect(await fails({ id: report.id, decisions: [fax] })).toMatchObject({ code: 'REPORT_DECISIONS_INCOMPLETE' });
    expect(await fails({ id: report.id, decisions: [fax, fax] })).toMatchObject({
      code: 'REPORT_DECISIONS_INCOMPLETE',
    });
    expect(
      await fails({
        id: report.id,
        decisions: [
          fax,
          { path: 'trading.paymentTermsDays', decision: 'accept' },
          { path: 'basic.email', decision: 'accept' },
        ],
      }),
    ).toMatchObject({ code: 'REPORT_DECISIONS_INCOMPLETE' });
    expect(
      await fails({
        id: report.id,
        decisions: [
          { path: 'basic.fax', decision: 'reject' },
          { path: 'trading.paymentTermsDays', decision: 'edit', value: 30.5 },
        ],
      }),
    ).toEqual({
      code: 'INVALID_INPUT',
      fields: { 'decisions.0.reason': 'required', 'decisions.1.value': 'notAWholeNumber' },
    });
    expect(
      await fails({
        id: report.id,
        decisions: [fax, { path: 'trading.paymentTermsDays', decision: 'edit', value: '三十' }],
      }),
    ).toEqual({ code: 'INVALID_INPUT', fields: { 'decisions.1.value': 'notANumber' } });
    expect(await fails({ id: 999_999, decisions: [] })).toMatchObject({ code: 'REPORT_NOT_FOUND' });
    expect(await snapshot(o.db())).toBe(untouched);

    await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [fax, { path: 'trading.paymentTermsDays', decision: 'edit', value: null }],
    });
    expect(
      await fails({ id: report.id, decisions: [fax, { path: 'trading.paymentTermsDays', decision: 'accept' }] }),
    ).toMatchObject({
      code: 'REPORT_CLOSED',
    });
  });

  it('refuses bad submissions field by field and writes nothing', async () => {
    const untouched = await snapshot(o.db());
    const reports = await o
      .db()
      .selectFrom('visit_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const fields = async (input: Partial<InputOf<'visits.submit'>>) => {
      const result = await o.call(wang, 'visits.submit', {
        subject: 'customer',
        visitOn: '2026-11-26',
        period: 'daily',
        urgency: 'routine',
        findings: '内容',
        ...input,
      });
      return result.ok ? 'OK' : result.error.fields;
    };
    expect(
      await fields({
        customerId: wangCard,
        changes: [
          { path: 'trading.creditLimit', value: 'abc' },
          { path: 'basic.founded', value: '2026-02-30' },
          { path: 'basic.creditCode', value: '91350100M000100Y44' },
          { path: 'basic.name', value: '' },
        ],
      }),
    ).toEqual({
      'changes.0.value': 'notANumber',
      'changes.1.value': 'invalidDate',
      'changes.2.value': 'invalidCreditCode',
      'changes.3.value': 'required',
    });
    expect(
      await fields({
        customerId: wangCard,
        changes: [
          { path: 'basic.phone', value: '1' },
          { path: 'basic.phone', value: '2' },
        ],
      }),
    ).toEqual({ 'changes.1.path': 'tooMany' });
    expect(await fields({ customerId: wangCard, visitOn: '2026-11-28' })).toEqual({ visitOn: 'outOfRange' });
    expect(await fields({})).toEqual({ customerId: 'required' });
    expect(await fields({ subject: 'prospect' })).toEqual({ prospectName: 'required' });
    expect(await fields({ subject: 'prospect', prospectName: '某店', customerId: wangCard })).toEqual({
      customerId: 'unknownValue',
    });
    expect(await fields({ subject: 'general', changes: [{ path: 'basic.phone', value: '1' }] })).toEqual({
      changes: 'tooMany',
    });
    // A path that is not proposable is refused by the contract itself.
    const code = await o.fails(wang, 'visits.submit', {
      subject: 'customer',
      customerId: wangCard,
      visitOn: '2026-11-26',
      period: 'daily',
      urgency: 'routine',
      findings: '内容',
      changes: [{ path: 'classification.grade', value: 'A' }],
    });
    expect(code).toBe('INVALID_INPUT');
    expect(await snapshot(o.db())).toBe(untouched);
    const after = await o
      .db()
      .selectFrom('visit_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(reports.n);
  });

  it('keeps reps to their own cards and reports; only a reviewer reviews', async () => {
    expect(
      await o.fails(wang, 'visits.submit', {
        subject: 'customer',
        customerId: liCard,
        visitOn: '2026-11-26',
        period: 'daily',
        urgency: 'routine',
        findings: '越权',
      }),
    ).toBe('CARD_NOT_FOUND');
    const liReport = await submit(li, {
      customerId: liCard,
      changes: [{ path: 'basic.phone', value: '0592-5555555' }],
    });
    expect(await o.fails(wang, 'visits.get', { id: liReport.id })).toBe('REPORT_NOT_FOUND');
    expect(await o.fails(wang, 'visits.forCard', { customerId: liCard })).toBe('CARD_NOT_FOUND');
    expect(
      await o.fails(wang, 'visits.review', {
        id: liReport.id,
        decisions: [{ path: 'basic.phone', decision: 'accept' }],
      }),
    ).toBe('FORBIDDEN');
    expect(
      await o.fails(li, 'visits.review', { id: liReport.id, decisions: [{ path: 'basic.phone', decision: 'accept' }] }),
    ).toBe('FORBIDDEN');
    expect(await o.fails(wang, 'visits.inbox', {})).toBe('FORBIDDEN');
    const own = await o.ok(li, 'visits.get', { id: liReport.id });
    expect(own.number).toBe(liReport.number);
    // The card's value now is the reviewer's to see: the card may have gone to another rep since.
    expect(own.changes.map((c) => c.current)).toEqual([undefined]);
    expect((await o.ok(keeper, 'visits.get', { id: liReport.id })).changes.map((c) => c.current)).toEqual(['']);
    const mine = await o.ok(li, 'visits.mine', {});
    expect(mine.rows.every((r) => r.repUsername === 'rep.li')).toBe(true);
    expect(mine.total).toBe(1);
  });

  it('orders the inbox urgent first then oldest, counts pending and urgent, and lists the rep’s reports newest visit first', async () => {
    // Close whatever earlier tests left pending, so the inbox holds exactly this test's reports.
    const open = await o.ok(keeper, 'visits.inbox', { limit: 200 });
    for (const row of open.rows) {
      const report = await o.ok(keeper, 'visits.get', { id: row.id });
      await o.ok(keeper, 'visits.review', {
        id: row.id,
        decisions: report.changes.map((c) => ({ path: c.path, decision: 'reject' as const, reason: '测试清理' })),
      });
    }
    const at = (minutes: number) => o.fixture.clock.advanceMinutes(minutes);
    const a = await submit(wang, { subject: 'general', visitOn: '2026-11-20', findings: '市场日报 A' });
    at(1);
    const b = await submit(li, { subject: 'general', visitOn: '2026-11-25', urgency: 'urgent', findings: '紧急 B' });
    at(1);
    const c = await submit(wang, {
      subject: 'general',
      visitOn: '2026-11-24',
      urgency: 'periodic',
      findings: '定期 C',
    });
    at(1);
    const d = await submit(wang, { subject: 'general', visitOn: '2026-11-24', urgency: 'urgent', findings: '紧急 D' });

    const inbox = await o.ok(keeper, 'visits.inbox', {});
    expect(inbox.rows.map((r) => r.id)).toEqual([b.id, d.id, a.id, c.id]);
    expect([inbox.total, inbox.pending, inbox.urgent]).toEqual([4, 4, 2]);
    const urgent = await o.ok(keeper, 'visits.inbox', { urgency: 'urgent', rep: 'rep.wang' });
    expect(urgent.rows.map((r) => r.id)).toEqual([d.id]);
    // The counts are the whole inbox's, whatever the filter.
    expect([urgent.total, urgent.pending, urgent.urgent]).toEqual([1, 4, 2]);
    const paged = await o.ok(keeper, 'visits.inbox', { offset: 1, limit: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual([d.id, a.id]);
    expect(paged.total).toBe(4);

    const mine = await o.ok(wang, 'visits.mine', { status: 'pending' });
    expect(mine.rows.map((r) => r.id)).toEqual([d.id, c.id, a.id]);

    at(1);
    await o.ok(keeper, 'visits.review', { id: c.id, decisions: [] });
    at(1);
    await o.ok(keeper, 'visits.review', { id: a.id, decisions: [] });
    const closed = await o.ok(keeper, 'visits.inbox', { status: 'closed', limit: 2 });
    expect(closed.rows.map((r) => r.id)).toEqual([a.id, c.id]);
    const after = await o.ok(keeper, 'visits.inbox', {});
    expect([after.pending, after.urgent]).toEqual([2, 2]);
  });

  it('shows the reviewer the card’s value now, and applies a review to the card a reported card was merged into', async () => {
    const kept = await o.ok(keeper, 'cards.create', {
      content: classifiedCard('泉州合并后公司', { assignedRep: 'rep.wang' }),
      acceptDuplicates: true,
    });
    const gone = await o.ok(keeper, 'cards.create', {
      content: classifiedCard('泉州合并前公司', { assignedRep: 'rep.wang' }),
      acceptDuplicates: true,
    });
    const report = await submit(wang, {
      customerId: gone.id,
      changes: [{ path: 'trading.creditStatus', value: '良好' }],
    });
    await o.ok(keeper, 'cards.merge', {
      keepId: kept.id,
      keepVersion: kept.version,
      mergeId: gone.id,
      mergeVersion: gone.version,
    });
    const merged = await card(kept.id);
    // The kept card carries the merged card's visit: in its overview and in its last visit.
    const overview = await o.ok(keeper, 'cards.overview', { id: kept.id });
    expect(overview.visits).toMatchObject({ total: 1, pending: 1, lastVisitOn: '2026-11-26' });
    expect(overview.visits.recent.map((r) => r.id)).toEqual([report.id]);
    // No new report on a card that is gone.
    expect(
      await o.fails(wang, 'visits.submit', {
        subject: 'customer',
        customerId: gone.id,
        visitOn: '2026-11-26',
        period: 'daily',
        urgency: 'routine',
        findings: '合并后',
      }),
    ).toBe('CARD_MERGED');
    const opened = await o.ok(keeper, 'visits.get', { id: report.id });
    expect(opened.changes[0]).toMatchObject({ before: '', current: merged.content.trading.creditStatus });
    const reviewed = await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [{ path: 'trading.creditStatus', decision: 'accept' }],
    });
    const after = await card(kept.id);
    expect(after.version).toBe(merged.version + 1);
    expect(after.content.trading.creditStatus).toBe('良好');
    expect(reviewed.customer?.id).toBe(kept.id);
    expect(reviewed.cardVersion).toBe(after.version);
    // The kept card lists the reports about the card merged into it.
    const forCard = await o.ok(keeper, 'visits.forCard', { customerId: kept.id });
    expect(forCard.rows.map((r) => r.id)).toContain(report.id);
  });

  it('logs submission, view and review with the report number, the card change with the card code, and no proposed value', async () => {
    const before = await card(wangCard);
    const report = await submit(wang, {
      customerId: wangCard,
      changes: [{ path: 'trading.problems', value: '日志不应出现的独特内容甲' }],
    });
    await o.ok(keeper, 'visits.get', { id: report.id });
    await o.ok(keeper, 'visits.review', {
      id: report.id,
      decisions: [{ path: 'trading.problems', decision: 'edit', value: '日志不应出现的独特内容乙' }],
    });
    const submitted = (await logRows('visit_submit')).find((r) => r.target === report.number);
    expect(submitted).toMatchObject({ username: 'rep.wang', outcome: 'success' });
    const viewed = (await logRows('visit_view')).filter((r) => r.target === report.number);
    expect(viewed.map((r) => r.username)).toEqual(['keeper']);
    const review = (await logRows('visit_review')).find((r) => r.target === report.number);
    expect(review).toMatchObject({ username: 'keeper' });
    const edit = (await logRows('card_edit')).find(
      (r) => r.target === before.content.basic.code && r.at === review!.at,
    );
    expect(edit).toBeDefined();

    const stored = await o.db().selectFrom('access_log').select(['action', 'target', 'detail']).execute();
    const mine = stored.filter((r) => r.target === report.number || r.target === before.content.basic.code);
    const byAction = new Map(mine.map((r) => [r.action, r.detail]));
    expect(JSON.parse(byAction.get('visit_submit')!)).toEqual([['reportChanges', { count: 1 }]]);
    expect(JSON.parse(byAction.get('visit_review')!)).toEqual([
      ['reportDecided', { accepted: 0, edited: 1, rejected: 0 }],
      ['cardVersion', { version: before.version + 1 }],
    ]);
    expect(JSON.parse(byAction.get('card_edit')!)).toEqual([
      ['cardVersion', { version: before.version + 1 }],
      // Only the field: the trading section was already the rep's and unverified since the first review.
      ['fieldsChanged', { count: 1 }],
      ['reportNumber', { number: report.number }],
    ]);
    // Neither the proposal nor the edit appears anywhere in the log.
    for (const row of stored) {
      expect(`${row.target} ${row.detail}`).not.toMatch(/独特内容/);
    }
  });
});
