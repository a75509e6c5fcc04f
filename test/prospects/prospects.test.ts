import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPerson, type CardContent } from '../../src-shared/cards/card';
import type { CardDto } from '../../src-shared/contracts/cards';
import { describeLogDetail } from '../../src-shared/log-details';
import type { Connection } from '../../src-main/router/connection';
import {
  addSales,
  classificationOffice,
  classifiedCard,
  snapshot,
  type ClassificationOffice,
} from '../classification/classification-office';

const withPhone = (card: CardContent, phone: string): CardContent => ({ ...card, basic: { ...card.basic, phone } });
const withContact = (card: CardContent, name: string): CardContent => ({
  ...card,
  people: [{ ...emptyPerson('contact'), name }],
});

describe('potential customers', () => {
  let co: ClassificationOffice;
  let keeper: Connection;
  let wang: Connection;
  let li: Connection;
  let boss: Connection;
  let first: CardDto;
  let second: CardDto;

  beforeAll(async () => {
    co = await classificationOffice();
    keeper = await co.login('keeper');
    wang = await co.login('rep.wang');
    li = await co.login('rep.li');
    boss = await co.login('boss');
  });
  afterAll(async () => co?.close());

  const logRows = async (action: string) =>
    (await co.db().selectFrom('access_log').selectAll().where('action', '=', action).orderBy('seq').execute()).map(
      (r) => [r.target, describeLogDetail(r.detail, 'zh')],
    );

  it('creates a prospect as a card: version 1, card_create and prospect_change in the log', async () => {
    first = await co.ok(keeper, 'prospects.create', {
      content: classifiedCard('常州恒达五金有限公司', { assignedRep: 'rep.wang' }),
      prospect: { origin: 'exhibition', originNote: '2026 春季五金展', nextStep: '寄样品', nextStepOn: '2026-12-05' },
    });
    expect(first.version).toBe(1);
    expect(first.prospect).toEqual({
      origin: 'exhibition',
      originNote: '2026 春季五金展',
      nextStep: '寄样品',
      nextStepOn: '2026-12-05',
    });
    expect(first.convertedAt).toBeNull();
    second = await co.ok(keeper, 'prospects.create', {
      content: withContact(
        withPhone(classifiedCard('南通海晨纺织厂', { assignedRep: 'rep.li' }), '0513-8765 4321'),
        '顾海晨',
      ),
      prospect: { origin: 'referral', originNote: '', nextStep: '', nextStepOn: null },
    });
    expect(await logRows('card_create')).toEqual([
      [first.content.basic.code, '第 1 版'],
      [second.content.basic.code, '第 1 版'],
    ]);
    expect(await logRows('prospect_change')).toEqual([
      [first.content.basic.code, '新建潜在客户'],
      [second.content.basic.code, '新建潜在客户'],
    ]);
    // A likely duplicate is refused as on cards.create, and nothing is written.
    const before = await snapshot(co.db());
    expect(
      await co.fails(keeper, 'prospects.create', {
        content: classifiedCard('常州恒达五金有限公司'),
        prospect: { origin: 'inquiry', originNote: '', nextStep: '', nextStepOn: null },
      }),
    ).toBe('DUPLICATE_SUSPECTED');
    expect(await snapshot(co.db())).toBe(before);
    expect(
      await co.fails(wang, 'prospects.create', {
        content: classifiedCard('某公司'),
        prospect: { origin: 'inquiry', originNote: '', nextStep: '', nextStepOn: null },
      }),
    ).toBe('FORBIDDEN');
  });

  it('lists prospects by next step (none last), in the reader’s scope, with search and filters', async () => {
    const all = await co.ok(keeper, 'prospects.list', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => [r.name, r.origin, r.nextStepOn, r.assignedRep, r.version])).toEqual([
      ['常州恒达五金有限公司', 'exhibition', '2026-12-05', 'rep.wang', 1],
      ['南通海晨纺织厂', 'referral', null, 'rep.li', 1],
    ]);
    expect((await co.ok(boss, 'prospects.list', { query: '8765' })).rows.map((r) => r.name)).toEqual([
      '南通海晨纺织厂',
    ]);
    expect((await co.ok(boss, 'prospects.list', { query: '五金' })).rows.map((r) => r.name)).toEqual([
      '常州恒达五金有限公司',
    ]);
    // The contact's name finds the prospect too, as the search box promises.
    expect((await co.ok(boss, 'prospects.list', { query: '顾海' })).rows.map((r) => [r.name, r.contact])).toEqual([
      ['南通海晨纺织厂', '顾海晨'],
    ]);
    expect((await co.ok(boss, 'prospects.list', { query: '%' })).total).toBe(0);
    expect((await co.ok(boss, 'prospects.list', { origin: 'referral' })).rows.map((r) => r.id)).toEqual([second.id]);
    expect((await co.ok(boss, 'prospects.list', { rep: 'rep.wang' })).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await co.ok(wang, 'prospects.list', {})).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await co.ok(li, 'prospects.list', {})).rows.map((r) => r.id)).toEqual([second.id]);
    expect((await co.ok(li, 'prospects.list', { rep: 'rep.wang' })).total).toBe(0);
  });

  it('saves the next step, and marks a card as a prospect only while it has no sales', async () => {
    const saved = await co.ok(keeper, 'prospects.save', {
      id: second.id,
      prospect: { origin: 'referral', originNote: '王总介绍', nextStep: '上门拜访', nextStepOn: '2026-12-01' },
    });
    expect([saved.originNote, saved.nextStep, saved.nextStepOn, saved.version]).toEqual([
      '王总介绍',
      '上门拜访',
      '2026-12-01',
      1,
    ]);
    expect((await co.ok(keeper, 'prospects.list', {})).rows.map((r) => r.id)).toEqual([second.id, first.id]);

    const buyer = await co.ok(keeper, 'cards.create', { content: classifiedCard('无锡老客户商行') });
    const fresh = await co.ok(keeper, 'cards.create', { content: classifiedCard('扬州新线索商店') });
    await addSales(co.db(), [{ customerId: buyer.id, soldOn: '2026-10-01', cents: 100_00 }]);
    const before = await snapshot(co.db());
    const info = { origin: 'rep_visit' as const, originNote: '', nextStep: '', nextStepOn: null };
    expect(await co.fails(keeper, 'prospects.save', { id: buyer.id, prospect: info })).toBe('CARD_HAS_SALES');
    expect(await snapshot(co.db())).toBe(before);
    const marked = await co.ok(keeper, 'prospects.save', { id: fresh.id, prospect: info });
    expect([marked.id, marked.origin, marked.version]).toEqual([fresh.id, 'rep_visit', 1]);
    expect(await logRows('prospect_change')).toEqual([
      [first.content.basic.code, '新建潜在客户'],
      [second.content.basic.code, '新建潜在客户'],
      [second.content.basic.code, '潜在客户的来源和下一步已修改'],
      [fresh.content.basic.code, '标为潜在客户'],
    ]);
    expect(await co.fails(wang, 'prospects.save', { id: first.id, prospect: info })).toBe('FORBIDDEN');
  });

  it('converts a prospect: same id, code and history, a convert version, then no longer a prospect', async () => {
    expect(await co.fails(keeper, 'prospects.convert', { id: first.id, expectedVersion: 2 })).toBe('CARD_CHANGED');
    co.fixture.clock.advanceMinutes(5);
    const converted = await co.ok(keeper, 'prospects.convert', { id: first.id, expectedVersion: 1 });
    expect([converted.id, converted.content.basic.code, converted.version]).toEqual([
      first.id,
      first.content.basic.code,
      2,
    ]);
    expect(converted.prospect).toBeNull();
    expect(converted.convertedAt).toBe(co.fixture.clock.now().toISOString());
    expect(converted.content).toEqual(first.content);
    const history = await co.ok(keeper, 'cards.history', { id: first.id });
    expect(history.map((v) => [v.cardId, v.version, v.kind])).toEqual([
      [first.id, 2, 'convert'],
      [first.id, 1, 'create'],
    ]);
    expect(history[0]!.changes).toEqual([]);
    expect(await logRows('prospect_convert')).toEqual([[first.content.basic.code, '潜在客户转为客户；第 2 版']]);
    expect((await co.ok(keeper, 'prospects.list', {})).rows.map((r) => r.id)).not.toContain(first.id);
    expect(await co.fails(keeper, 'prospects.convert', { id: first.id, expectedVersion: 2 })).toBe('NOT_A_PROSPECT');
    expect(await co.fails(keeper, 'prospects.convert', { id: 999_999, expectedVersion: 1 })).toBe('CARD_NOT_FOUND');
    // The rep still opens the same card.
    expect((await co.ok(wang, 'cards.get', { id: first.id })).version).toBe(2);
  });
});
