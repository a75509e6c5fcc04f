import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { InputOf } from '../../src-shared/contracts';
import { describeLogDetail } from '../../src-shared/log-details';
import type { Connection } from '../../src-main/router/connection';
import { classificationOffice, classifiedCard, snapshot, type ClassificationOffice } from './classification-office';

type EntryInput = InputOf<'classification.saveEntry'>;
const entry = (
  axis: EntryInput['axis'],
  code: string,
  label: string,
  parentCode: string | null = null,
): EntryInput => ({
  create: true,
  axis,
  code,
  label,
  labelEn: '',
  parentCode,
  active: true,
});

describe('dictionaries, the region tree and routes (administrator)', () => {
  let co: ClassificationOffice;
  let admin: Connection;
  let keeper: Connection;

  beforeAll(async () => {
    co = await classificationOffice();
    admin = await co.login('admin');
    keeper = await co.login('keeper');
  });
  afterAll(async () => co?.close());

  const find = (list: DictionaryEntry[], axis: string, code: string) =>
    list.find((e) => e.axis === axis && e.code === code);
  const logRows = async (action: string) =>
    (await co.db().selectFrom('access_log').selectAll().where('action', '=', action).orderBy('seq').execute()).map(
      (r) => ({ target: r.target, username: r.username, text: describeLogDetail(r.detail, 'zh') }),
    );

  it('builds a region tree with routes, each change one dictionary_change log row', async () => {
    await co.ok(admin, 'classification.saveEntry', entry('region', 'HD', '华东区'));
    await co.ok(admin, 'classification.saveEntry', entry('region', 'SH', '上海', 'HD'));
    await co.ok(admin, 'classification.saveEntry', entry('region', 'PD', '浦东新区', 'SH'));
    await co.ok(admin, 'classification.saveEntry', entry('region', 'XH', '徐汇区', 'SH'));
    await co.ok(admin, 'classification.saveEntry', entry('region', 'BJ', '北京'));
    await co.ok(admin, 'classification.saveEntry', entry('route', 'PD-1', '浦东一线', 'PD'));
    const list = await co.ok(admin, 'classification.saveEntry', entry('route', 'PD-2', '浦东二线', 'PD'));
    expect(find(list, 'region', 'PD')).toMatchObject({ parentCode: 'SH', sortOrder: 1, active: true });
    expect(find(list, 'region', 'XH')).toMatchObject({ parentCode: 'SH', sortOrder: 2 });
    expect(find(list, 'route', 'PD-2')).toMatchObject({ parentCode: 'PD', sortOrder: 2, label: '浦东二线' });
    const rows = await logRows('dictionary_change');
    expect(rows).toHaveLength(7);
    expect(rows[2]).toEqual({
      target: 'region/PD',
      username: 'admin',
      text: '区域：新增 PD（浦东新区）；上级 — → 上海',
    });
    expect(rows[5]!.text).toBe('路线：新增 PD-1（浦东一线）；上级 — → 浦东新区');
  });

  it('changes label, parent and active state; the code stays; an unchanged save writes nothing', async () => {
    const before = (await logRows('dictionary_change')).length;
    const list = await co.ok(admin, 'classification.saveEntry', {
      ...entry('region', 'XH', '徐汇', 'HD'),
      create: false,
      labelEn: 'Xuhui',
      active: false,
    });
    expect(find(list, 'region', 'XH')).toMatchObject({
      label: '徐汇',
      labelEn: 'Xuhui',
      parentCode: 'HD',
      active: false,
    });
    const rows = await logRows('dictionary_change');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.text).toBe(
      '区域：修改 XH；名称 徐汇区 → 徐汇；英文名称 — → Xuhui；上级 上海 → 华东区；停用（已有的卡保留此值，不再供新选）',
    );
    expect(
      describeLogDetail(
        (await co.db().selectFrom('access_log').select('detail').orderBy('seq', 'desc').executeTakeFirstOrThrow())
          .detail,
        'en',
      ),
    ).toBe(
      'Region: XH changed; label 徐汇区 → 徐汇; English label — → Xuhui; parent 上海 → 华东区; deactivated (kept on cards, no longer offered)',
    );
    await co.ok(admin, 'classification.saveEntry', {
      ...entry('region', 'XH', '徐汇', 'HD'),
      create: false,
      labelEn: 'Xuhui',
      active: false,
    });
    expect(await logRows('dictionary_change')).toHaveLength(before + 1);
  });

  it('refuses every invalid change with a clear code, and changes nothing', async () => {
    const card = await co.ok(keeper, 'cards.create', {
      content: classifiedCard('上海浦东华信商行', { grade: 'A', region: 'PD', route: 'PD-1', routeOrder: 1 }),
    });
    expect(card.id).toBeGreaterThan(0);
    const before = await snapshot(co.db());
    const cases: [string, () => Promise<string>][] = [
      ['code taken', () => co.fails(admin, 'classification.saveEntry', entry('grade', 'A', '甲级'))],
      ['code taken, other case', () => co.fails(admin, 'classification.saveEntry', entry('grade', 'a', '甲级'))],
      [
        'update unknown',
        () => co.fails(admin, 'classification.saveEntry', { ...entry('grade', 'Z', 'Z 级'), create: false }),
      ],
      ['region under unknown', () => co.fails(admin, 'classification.saveEntry', entry('region', 'NJ', '南京', 'JS'))],
      [
        'region under a route',
        () => co.fails(admin, 'classification.saveEntry', entry('region', 'NJ', '南京', 'PD-1')),
      ],
      [
        'region under itself',
        () => co.fails(admin, 'classification.saveEntry', { ...entry('region', 'SH', '上海', 'SH'), create: false }),
      ],
      [
        'region under its descendant',
        () => co.fails(admin, 'classification.saveEntry', { ...entry('region', 'HD', '华东区', 'PD'), create: false }),
      ],
      ['route without region', () => co.fails(admin, 'classification.saveEntry', entry('route', 'R9', '九线'))],
      ['route under a route', () => co.fails(admin, 'classification.saveEntry', entry('route', 'R9', '九线', 'PD-1'))],
      ['grade with a parent', () => co.fails(admin, 'classification.saveEntry', entry('grade', 'E', 'E 级', 'HD'))],
      [
        'route with cards moved',
        () =>
          co.fails(admin, 'classification.saveEntry', { ...entry('route', 'PD-1', '浦东一线', 'BJ'), create: false }),
      ],
      ['delete unknown', () => co.fails(admin, 'classification.deleteEntry', { axis: 'grade', code: 'Z' })],
      ['delete a grade a card uses', () => co.fails(admin, 'classification.deleteEntry', { axis: 'grade', code: 'A' })],
      [
        'delete a region a card uses',
        () => co.fails(admin, 'classification.deleteEntry', { axis: 'region', code: 'PD' }),
      ],
      [
        'delete a region with sub-regions',
        () => co.fails(admin, 'classification.deleteEntry', { axis: 'region', code: 'HD' }),
      ],
      [
        'delete a route a card uses',
        () => co.fails(admin, 'classification.deleteEntry', { axis: 'route', code: 'PD-1' }),
      ],
      [
        'reorder with one missing',
        () =>
          co.fails(admin, 'classification.reorderEntries', { axis: 'grade', parentCode: null, codes: ['D', 'C', 'B'] }),
      ],
      [
        'reorder with one twice',
        () =>
          co.fails(admin, 'classification.reorderEntries', {
            axis: 'grade',
            parentCode: null,
            codes: ['D', 'C', 'B', 'B'],
          }),
      ],
      [
        'reorder with a stranger',
        () =>
          co.fails(admin, 'classification.reorderEntries', {
            axis: 'route',
            parentCode: 'PD',
            codes: ['PD-2', 'PD-1', 'X'],
          }),
      ],
      [
        'reorder routes without a region',
        () => co.fails(admin, 'classification.reorderEntries', { axis: 'route', parentCode: null, codes: ['PD-1'] }),
      ],
    ];
    const codes: Record<string, string> = {};
    for (const [name, run] of cases) codes[name] = await run();
    expect(codes).toEqual({
      'code taken': 'ENTRY_CODE_TAKEN',
      'code taken, other case': 'ENTRY_CODE_TAKEN',
      'update unknown': 'ENTRY_NOT_FOUND',
      'region under unknown': 'ENTRY_PARENT_INVALID',
      'region under a route': 'ENTRY_PARENT_INVALID',
      'region under itself': 'ENTRY_PARENT_INVALID',
      'region under its descendant': 'ENTRY_PARENT_INVALID',
      'route without region': 'ENTRY_PARENT_INVALID',
      'route under a route': 'ENTRY_PARENT_INVALID',
      'grade with a parent': 'ENTRY_PARENT_INVALID',
      'route with cards moved': 'ROUTE_HAS_CARDS',
      'delete unknown': 'ENTRY_NOT_FOUND',
      'delete a grade a card uses': 'ENTRY_IN_USE',
      'delete a region a card uses': 'ENTRY_IN_USE',
      'delete a region with sub-regions': 'ENTRY_IN_USE',
      'delete a route a card uses': 'ENTRY_IN_USE',
      'reorder with one missing': 'INVALID_INPUT',
      'reorder with one twice': 'INVALID_INPUT',
      'reorder with a stranger': 'INVALID_INPUT',
      'reorder routes without a region': 'ENTRY_PARENT_INVALID',
    });
    expect(await snapshot(co.db())).toBe(before);
    const message = await co.call(admin, 'classification.deleteEntry', { axis: 'grade', code: 'A' });
    expect(message.ok ? null : message.error).toMatchObject({ facts: { cards: 1, children: 0 } });
    expect(message.ok ? '' : message.error.message).toContain('可以停用它');
  });

  it('only the administrator changes dictionaries', async () => {
    for (const user of ['keeper', 'boss', 'rep.wang', 'checker'] as const) {
      const connection = await co.login(user);
      expect(await co.fails(connection, 'classification.saveEntry', entry('industry', 'mining', '采矿业'))).toBe(
        'FORBIDDEN',
      );
      expect(await co.fails(connection, 'classification.deleteEntry', { axis: 'grade', code: 'D' })).toBe('FORBIDDEN');
      expect(
        await co.fails(connection, 'classification.reorderEntries', { axis: 'grade', parentCode: null, codes: ['A'] }),
      ).toBe('FORBIDDEN');
      // Labels are for everyone who is logged in.
      expect((await co.ok(connection, 'classification.dictionaries', {})).length).toBeGreaterThan(30);
    }
    expect(
      await co.db().selectFrom('dictionary_entries').select('code').where('code', '=', 'mining').execute(),
    ).toEqual([]);
  });

  it('reorders the children of one parent and numbers them 1…n', async () => {
    const list = await co.ok(admin, 'classification.reorderEntries', {
      axis: 'grade',
      parentCode: null,
      codes: ['D', 'C', 'B', 'A'],
    });
    expect(list.filter((e) => e.axis === 'grade').map((e) => [e.code, e.sortOrder])).toEqual([
      ['D', 1],
      ['C', 2],
      ['B', 3],
      ['A', 4],
    ]);
    const routes = await co.ok(admin, 'classification.reorderEntries', {
      axis: 'route',
      parentCode: 'PD',
      codes: ['PD-2', 'PD-1'],
    });
    expect(routes.filter((e) => e.axis === 'route').map((e) => e.code)).toEqual(['PD-2', 'PD-1']);
    const rows = await logRows('dictionary_change');
    expect(rows.slice(-2).map((r) => r.text)).toEqual(['客户等级：4 项重新排序', '路线：浦东新区 下 2 项重新排序']);
  });

  it('a deactivated entry stays valid on the cards that have it but is not offered for new choices', async () => {
    const onD = await co.ok(keeper, 'cards.create', { content: classifiedCard('杭州西湖百货商店', { grade: 'D' }) });
    await co.ok(admin, 'classification.saveEntry', { ...entry('grade', 'D', 'D 级'), create: false, active: false });
    // The card keeps D and can still be edited.
    const edited = await co.ok(keeper, 'cards.update', {
      id: onD.id,
      expectedVersion: onD.version,
      content: { ...onD.content, basic: { ...onD.content.basic, phone: '0571-8765 4321' } },
    });
    expect(edited.content.classification.grade).toBe('D');
    // A new card, or a bulk change, cannot choose it.
    const fresh = await co.call(keeper, 'cards.create', { content: classifiedCard('杭州新客户商行', { grade: 'D' }) });
    expect(fresh.ok ? null : fresh.error.fields).toEqual({ 'content.classification.grade': 'unknownValue' });
    const bulk = await co.call(keeper, 'classification.reassign', {
      query: '',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      ids: [onD.id],
      axis: 'grade',
      value: 'D',
    });
    expect(bulk.ok ? null : bulk.error).toMatchObject({ code: 'INVALID_INPUT', fields: { value: 'unknownValue' } });
  });

  it('deletes an entry nothing uses, and moves a region or an empty route', async () => {
    await co.ok(admin, 'classification.saveEntry', entry('industry', 'mining', '采矿业'));
    const list = await co.ok(admin, 'classification.deleteEntry', { axis: 'industry', code: 'mining' });
    expect(find(list, 'industry', 'mining')).toBeUndefined();
    expect((await logRows('dictionary_change')).at(-1)!.text).toBe('行业：删除 mining（采矿业）');
    const moved = await co.ok(admin, 'classification.saveEntry', {
      ...entry('route', 'PD-2', '浦东二线', 'XH'),
      create: false,
    });
    expect(find(moved, 'route', 'PD-2')).toMatchObject({ parentCode: 'XH', sortOrder: 1 });
    const region = await co.ok(admin, 'classification.saveEntry', {
      ...entry('region', 'SH', '上海', null),
      create: false,
    });
    expect(find(region, 'region', 'SH')).toMatchObject({ parentCode: null });
  });
});
