import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFICATION_RULES } from '../../src-shared/classification/derived';
import type { CardDto } from '../../src-shared/contracts/cards';
import { describeLogDetail } from '../../src-shared/log-details';
import { DERIVED_AS_OF_KEY, recomputeDerived } from '../../src-main/classification/derived-classes';
import type { Connection } from '../../src-main/router/connection';
import {
  addSales,
  classificationOffice,
  classifiedCard,
  snapshot,
  type ClassificationOffice,
} from './classification-office';

describe('classification rules, derived classes and their overrides', () => {
  let co: ClassificationOffice;
  let admin: Connection;
  let keeper: Connection;
  let boss: Connection;
  let wang: Connection;
  let checker: Connection;
  let newCustomer: CardDto;
  let oldCustomer: CardDto;

  beforeAll(async () => {
    co = await classificationOffice();
    admin = await co.login('admin');
    keeper = await co.login('keeper');
    boss = await co.login('boss');
    wang = await co.login('rep.wang');
    checker = await co.login('checker');
    newCustomer = await co.ok(keeper, 'cards.create', {
      content: classifiedCard('苏州新源贸易有限公司', { assignedRep: 'rep.wang' }),
    });
    oldCustomer = await co.ok(keeper, 'cards.create', {
      content: classifiedCard('无锡老字号百货商店', { assignedRep: 'rep.li' }),
    });
    await addSales(co.db(), [
      { customerId: newCustomer.id, soldOn: '2026-06-01', cents: 500_00 },
      { customerId: oldCustomer.id, soldOn: '2024-01-10', cents: 900_00 },
      { customerId: oldCustomer.id, soldOn: '2026-10-01', cents: 2_000_00 },
    ]);
    await recomputeDerived(co.db(), '2026-11-27');
  });
  afterAll(async () => co?.close());

  const row = (id: number) =>
    co.db().selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const logTexts = async (action: string) =>
    (await co.db().selectFrom('access_log').selectAll().where('action', '=', action).orderBy('seq').execute()).map(
      (r) => ({ target: r.target, text: describeLogDetail(r.detail, 'zh') }),
    );

  it('shows the rules to those who classify or analyse, and only the administrator changes them', async () => {
    for (const connection of [admin, keeper, boss]) {
      expect(await co.ok(connection, 'classification.rules', {})).toEqual(DEFAULT_CLASSIFICATION_RULES);
    }
    expect(await co.fails(wang, 'classification.rules', {})).toBe('FORBIDDEN');
    expect(await co.fails(checker, 'classification.rules', {})).toBe('FORBIDDEN');
    for (const connection of [keeper, boss, wang, checker]) {
      expect(
        await co.fails(connection, 'classification.saveRules', {
          rules: { ...DEFAULT_CLASSIFICATION_RULES, newMonths: 3 },
        }),
      ).toBe('FORBIDDEN');
    }
    const before = await snapshot(co.db());
    const invalid = await co.call(admin, 'classification.saveRules', {
      rules: { ...DEFAULT_CLASSIFICATION_RULES, keyPercent: 90, generalPercent: 20 },
    });
    expect(invalid.ok ? null : invalid.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'rules.generalPercent': 'TIER_SUM' },
    });
    expect(await snapshot(co.db())).toBe(before);
  });

  it('saving the rules recomputes every customer at once and logs what changed', async () => {
    expect((await row(newCustomer.id)).lifecycle).toBe('new');
    const saved = await co.ok(admin, 'classification.saveRules', {
      rules: { ...DEFAULT_CLASSIFICATION_RULES, newMonths: 3, keyPercent: 70, generalPercent: 20 },
    });
    expect(saved).toMatchObject({ newMonths: 3, keyPercent: 70, generalPercent: 20 });
    // First sale on 1 June is more than 3 months before 27 November: no longer new.
    expect((await row(newCustomer.id)).lifecycle).toBe('active');
    expect(await logTexts('rules_change')).toEqual([
      {
        target: 'classification_rules',
        text: '新客户期限 12 → 3 个月；主力客户比例 80% → 70%；一般客户比例 15% → 20%；派生分类已重新计算（截至 2026-11-27）',
      },
    ]);
    // The same rules again change nothing and log nothing.
    await co.ok(admin, 'classification.saveRules', { rules: saved });
    expect(await logTexts('rules_change')).toHaveLength(1);
    // The credit terms table alone does not touch the derived classes.
    const asOf = () =>
      co.db().selectFrom('settings').select('value').where('key', '=', DERIVED_AS_OF_KEY).executeTakeFirst();
    await recomputeDerived(co.db(), '2026-11-20');
    await co.ok(admin, 'classification.saveRules', { rules: { ...saved, creditTerms: saved.creditTerms.slice(1) } });
    expect((await logTexts('rules_change')).at(-1)!.text).toBe('信用等级交易条件表已修改（5 行 → 4 行）');
    expect((await asOf())?.value).toBe('2026-11-20');
    await recomputeDerived(co.db(), '2026-11-27');
  });

  it('an override is recorded with its note, takes effect at once, survives recomputes, and makes no card version', async () => {
    const tierBefore = (await row(newCustomer.id)).volume_tier_derived;
    expect(tierBefore).not.toBe('key');
    const versionsBefore = await co
      .db()
      .selectFrom('card_versions')
      .select('version')
      .where('customer_id', '=', newCustomer.id)
      .execute();
    const dto = await co.ok(keeper, 'classification.setOverride', {
      id: newCustomer.id,
      axis: 'volumeTier',
      value: 'key',
      note: '已签年度框架协议',
    });
    expect(dto).toMatchObject({
      volumeTier: 'key',
      volumeTierDerived: tierBefore,
      volumeTierOverride: 'key',
      lifecycleOverride: null,
      firstSaleOn: '2026-06-01',
      lastSaleOn: '2026-06-01',
      sales12mCents: 500_00,
    });
    expect(dto.overrides).toEqual([
      { axis: 'volumeTier', value: 'key', note: '已签年度框架协议', at: expect.any(String), by: 'keeper' },
    ]);
    expect(await row(newCustomer.id)).toMatchObject({ volume_tier: 'key', volume_tier_override: 'key' });
    // The list finds it among the key customers.
    const keyCards = await co.ok(keeper, 'cards.search', {
      query: '',
      filters: { volumeTier: ['key'] },
      sort: { column: 'name', direction: 'asc' },
      offset: 0,
      limit: 50,
    });
    expect(keyCards.rows.map((r) => r.id)).toContain(newCustomer.id);
    expect(await logTexts('class_override')).toEqual([
      { target: newCustomer.content.basic.code, text: '客户层级手工设为 主力客户：已签年度框架协议' },
    ]);
    // Recomputes keep it: the rules change back, and a new day.
    await co.ok(admin, 'classification.saveRules', { rules: DEFAULT_CLASSIFICATION_RULES });
    await recomputeDerived(co.db(), '2026-12-01');
    expect(await row(newCustomer.id)).toMatchObject({ volume_tier: 'key', volume_tier_override: 'key' });
    // Setting the override in force again changes nothing.
    await co.ok(keeper, 'classification.setOverride', {
      id: newCustomer.id,
      axis: 'volumeTier',
      value: 'key',
      note: '再次',
    });
    expect(await logTexts('class_override')).toHaveLength(1);
    // Removing it: recorded with '' and the derived class applies again.
    const removed = await co.ok(keeper, 'classification.setOverride', {
      id: newCustomer.id,
      axis: 'volumeTier',
      value: null,
      note: '协议已终止',
    });
    expect(removed).toMatchObject({ volumeTier: removed.volumeTierDerived, volumeTierOverride: null });
    expect(removed.overrides.map((o) => [o.value, o.note])).toEqual([
      ['', '协议已终止'],
      ['key', '已签年度框架协议'],
    ]);
    expect((await logTexts('class_override')).at(-1)!.text).toBe('取消客户层级的手工设定：协议已终止');
    const lifecycle = await co.ok(keeper, 'classification.setOverride', {
      id: oldCustomer.id,
      axis: 'lifecycle',
      value: 'lapsed',
      note: '客户已转向竞争对手',
    });
    expect(lifecycle).toMatchObject({ lifecycle: 'lapsed', lifecycleDerived: 'active', lifecycleOverride: 'lapsed' });
    expect(
      describeLogDetail(
        (
          await co
            .db()
            .selectFrom('access_log')
            .select('detail')
            .where('action', '=', 'class_override')
            .orderBy('seq', 'desc')
            .executeTakeFirstOrThrow()
        ).detail,
        'en',
      ),
    ).toBe('lifecycle set by hand to lapsed: 客户已转向竞争对手');
    const versionsAfter = await co
      .db()
      .selectFrom('card_versions')
      .select('version')
      .where('customer_id', '=', newCustomer.id)
      .execute();
    expect(versionsAfter).toEqual(versionsBefore);
  });

  it('refuses overrides on missing or merged cards and from roles that do not write cards; nothing changes', async () => {
    const spare = await co.ok(keeper, 'cards.create', { content: classifiedCard('常州并入测试商行') });
    await co.ok(keeper, 'cards.merge', {
      keepId: oldCustomer.id,
      keepVersion: (await row(oldCustomer.id)).version,
      mergeId: spare.id,
      mergeVersion: spare.version,
    });
    const before = await snapshot(co.db());
    const override = { axis: 'lifecycle' as const, value: 'active' as const, note: '测试' };
    expect(await co.fails(keeper, 'classification.setOverride', { ...override, id: 999_999 })).toBe('CARD_NOT_FOUND');
    expect(await co.fails(keeper, 'classification.setOverride', { ...override, id: spare.id })).toBe('CARD_MERGED');
    expect(await co.fails(keeper, 'classification.setOverride', { ...override, id: spare.id, note: '   ' })).toBe(
      'INVALID_INPUT',
    );
    expect(await snapshot(co.db())).toBe(before);
    for (const connection of [boss, wang, admin, checker]) {
      expect(await co.fails(connection, 'classification.setOverride', { ...override, id: newCustomer.id })).toBe(
        'FORBIDDEN',
      );
    }
    expect((await row(newCustomer.id)).lifecycle_override).toBe('');
  });

  it('reads derived classes within the reader’s scope', async () => {
    expect((await co.ok(wang, 'classification.derived', { id: newCustomer.id })).firstSaleOn).toBe('2026-06-01');
    expect(await co.fails(wang, 'classification.derived', { id: oldCustomer.id })).toBe('CARD_NOT_FOUND');
    expect(await co.fails(wang, 'classification.derived', { id: 999_999 })).toBe('CARD_NOT_FOUND');
    expect((await co.ok(boss, 'classification.derived', { id: oldCustomer.id })).overrides).toHaveLength(1);
    expect(await co.fails(admin, 'classification.derived', { id: oldCustomer.id })).toBe('FORBIDDEN');
    expect(await co.fails(checker, 'classification.derived', { id: oldCustomer.id })).toBe('FORBIDDEN');
  });

  it('recomputes at the first unlock of each calendar day, not at every login', async () => {
    const card = await co.ok(keeper, 'cards.create', { content: classifiedCard('南通一年前客户商行') });
    await addSales(co.db(), [{ customerId: card.id, soldOn: '2025-11-28', cents: 300_00 }]);
    await recomputeDerived(co.db(), '2026-11-27');
    expect(await row(card.id)).toMatchObject({ lifecycle: 'new', sales_12m_cents: 300_00 });
    const relock = async (at: Date) => {
      co.office.sessions.clear();
      await co.office.closeIfIdle();
      co.fixture.clock.time = at;
      keeper = await co.login('keeper');
    };
    // The next day the window has moved past its only sale.
    await relock(new Date(2026, 10, 28, 8, 30));
    expect(await row(card.id)).toMatchObject({ lifecycle: 'lapsed', sales_12m_cents: 0 });
    const asOf = await co
      .db()
      .selectFrom('settings')
      .select('value')
      .where('key', '=', DERIVED_AS_OF_KEY)
      .executeTakeFirst();
    expect(asOf?.value).toBe('2026-11-28');
    // A line arrives without a recompute; later logins the same day do not recompute...
    await addSales(co.db(), [{ customerId: card.id, soldOn: '2026-11-28', cents: 80_00 }]);
    await relock(new Date(2026, 10, 28, 17, 45));
    expect(await row(card.id)).toMatchObject({ lifecycle: 'lapsed', sales_12m_cents: 0 });
    // ...the first one of the next day does.
    await relock(new Date(2026, 10, 29, 7, 55));
    expect(await row(card.id)).toMatchObject({
      lifecycle: 'active',
      sales_12m_cents: 80_00,
      last_sale_on: '2026-11-28',
    });
  });
});
