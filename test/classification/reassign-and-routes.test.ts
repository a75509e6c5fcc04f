import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardFilters, CardQuery } from '../../src-shared/contracts/cards';
import type { InputOf } from '../../src-shared/contracts';
import { describeLogDetail } from '../../src-shared/log-details';
import type { Connection } from '../../src-main/router/connection';
import { classificationOffice, classifiedCard, snapshot, type ClassificationOffice } from './classification-office';

const BY_NAME: CardQuery['sort'] = { column: 'name', direction: 'asc' };

describe('reassigning classes in bulk, routes and route sheets', () => {
  let co: ClassificationOffice;
  let admin: Connection;
  let keeper: Connection;
  let boss: Connection;
  let wang: Connection;
  let li: Connection;
  /** Twelve grade-B cards 甲…癸, 子 and 丑 in Shanghai, in list order. */
  let cards: { id: number; name: string }[];

  beforeAll(async () => {
    co = await classificationOffice();
    admin = await co.login('admin');
    keeper = await co.login('keeper');
    boss = await co.login('boss');
    wang = await co.login('rep.wang');
    li = await co.login('rep.li');
    const entry = (axis: 'region' | 'route', code: string, label: string, parentCode: string | null) =>
      co.ok(admin, 'classification.saveEntry', {
        create: true,
        axis,
        code,
        label,
        labelEn: '',
        parentCode,
        active: true,
      });
    await entry('region', 'HD', '华东区', null);
    await entry('region', 'SH', '上海', 'HD');
    await entry('region', 'PD', '浦东新区', 'SH');
    await entry('region', 'BJ', '北京', null);
    await entry('route', 'PD-1', '浦东一线', 'PD');
    await entry('route', 'BJ-1', '北京一线', 'BJ');
    for (const [i, word] of ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '丑'].entries()) {
      await co.ok(keeper, 'cards.create', {
        content: classifiedCard(`上海${word}号五金商行`, {
          grade: 'B',
          region: 'SH',
          assignedRep: i < 6 ? 'rep.li' : '',
        }),
        acceptDuplicates: true,
      });
    }
    // In list order (names sort by pinyin: 丙 bing, 丑 chou, 丁 ding, …).
    cards = (
      await co.ok(keeper, 'cards.search', { query: '', filters: {}, sort: BY_NAME, offset: 0, limit: 50 })
    ).rows.map((r) => ({ id: r.id, name: r.name }));
    expect(cards[0]!.name).toBe('上海丙号五金商行');
  });
  afterAll(async () => co?.close());

  const reassign = (
    input: Partial<InputOf<'classification.reassign'>> & Pick<InputOf<'classification.reassign'>, 'axis' | 'value'>,
  ) => co.call(keeper, 'classification.reassign', { query: '', filters: {}, sort: BY_NAME, ...input });
  const search = async (filters: CardFilters, as = keeper) =>
    (await co.ok(as, 'cards.search', { query: '', filters, sort: BY_NAME, offset: 0, limit: 500 })).rows;
  const row = (id: number) =>
    co.db().selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lastLog = async (action: string) => {
    const r = await co
      .db()
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    return r && { target: r.target, text: describeLogDetail(r.detail, 'zh') };
  };
  const versionCount = async () =>
    Number(
      (
        await co
          .db()
          .selectFrom('card_versions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sets one class of the chosen cards of a query, each with a new version, its history and its index terms', async () => {
    const chosen = cards.slice(0, 5).map((c) => c.id);
    const result = await reassign({ filters: { grade: ['B'] }, ids: chosen, axis: 'grade', value: 'A' });
    expect(result.ok ? result.value : result.error).toEqual({ changed: 5, unchanged: 0 });
    const history = await co.ok(keeper, 'cards.history', { id: chosen[0]! });
    expect(history[0]).toMatchObject({
      version: 2,
      kind: 'reclassify',
      by: 'keeper',
      note: '批量改类：客户等级 → A 级',
      changes: [{ path: 'classification.grade', from: 'B', to: 'A' }],
    });
    // The list columns and the search index follow: by the new value it is found, by the old it is not.
    expect((await search({ grade: ['A'] })).map((r) => r.id).sort()).toEqual([...chosen].sort());
    expect((await search({ grade: ['B'] })).map((r) => r.id)).not.toContain(chosen[0]);
    expect((await row(chosen[0]!)).grade).toBe('A');
    expect(await lastLog('card_reclassify')).toEqual({
      target: 'grade/A',
      text: '客户等级 改为 A 级：5 张卡已改，0 张原已如此',
    });
    // The whole query, without a selection: the five already A are counted as unchanged, without versions.
    const versions = await versionCount();
    const all = await reassign({ filters: { region: ['HD'] }, axis: 'grade', value: 'A' });
    expect(all.ok ? all.value : all.error).toEqual({ changed: 7, unchanged: 5 });
    expect(await versionCount()).toBe(versions + 7);
    const again = await reassign({ filters: { region: ['HD'] }, axis: 'grade', value: 'A' });
    expect(again.ok ? again.value : again.error).toEqual({ changed: 0, unchanged: 12 });
    expect(await versionCount()).toBe(versions + 7);
    expect((await lastLog('card_reclassify'))!.text).toBe('客户等级 改为 A 级：7 张卡已改，5 张原已如此');
  });

  it('refuses an unknown or inactive value, a non-rep, and chosen cards the query no longer holds; nothing changes', async () => {
    await co.ok(admin, 'classification.saveEntry', {
      create: false,
      axis: 'grade',
      code: 'D',
      label: 'D 级',
      labelEn: 'Grade D',
      parentCode: null,
      active: false,
    });
    const before = await snapshot(co.db());
    const invalid = async (input: Parameters<typeof reassign>[0]) => {
      const r = await reassign(input);
      return r.ok ? 'OK' : `${r.error.code} ${JSON.stringify(r.error.fields ?? r.error.facts ?? {})}`;
    };
    const value = 'INVALID_INPUT {"value":"unknownValue"}';
    expect(await invalid({ axis: 'grade', value: 'Z' })).toBe(value);
    expect(await invalid({ axis: 'grade', value: 'D' })).toBe(value);
    expect(await invalid({ axis: 'route', value: 'SH' })).toBe(value);
    expect(await invalid({ axis: 'assignedRep', value: 'keeper' })).toBe(value);
    expect(await invalid({ axis: 'assignedRep', value: 'nobody' })).toBe(value);
    expect(await invalid({ filters: { grade: ['C'] }, ids: [cards[0]!.id], axis: 'grade', value: 'B' })).toBe(
      'CARD_CHANGED {"count":1}',
    );
    expect(await invalid({ ids: [999_999], axis: 'grade', value: 'B' })).toBe('CARD_CHANGED {"count":1}');
    expect(await snapshot(co.db())).toBe(before);
    for (const connection of [boss, wang, admin]) {
      expect(
        await co.fails(connection, 'classification.reassign', {
          query: '',
          filters: {},
          sort: BY_NAME,
          axis: 'grade',
          value: 'B',
        }),
      ).toBe('FORBIDDEN');
    }
  });

  it('a route assignment appends the cards in list order, sets their region, and a route sheet lists them', async () => {
    // One card is on the route already, at position 1.
    const first = cards[11]!;
    expect((await reassign({ ids: [first.id], axis: 'route', value: 'PD-1' })).ok).toBe(true);
    const three = cards.slice(0, 3).map((c) => c.id);
    const result = await reassign({
      filters: { grade: ['A'] },
      ids: [three[2]!, three[0]!, three[1]!],
      axis: 'route',
      value: 'PD-1',
    });
    expect(result.ok ? result.value : result.error).toEqual({ changed: 3, unchanged: 0 });
    for (const [n, id] of three.entries()) {
      expect(await row(id)).toMatchObject({ route: 'PD-1', route_order: n + 2, region: 'PD' });
    }
    const history = await co.ok(keeper, 'cards.history', { id: three[0]! });
    expect(history[0]!.changes.map((c) => c.path).sort()).toEqual([
      'classification.region',
      'classification.route',
      'classification.routeOrder',
    ]);
    const route = await co.ok(boss, 'classification.route', { route: 'PD-1' });
    expect(route.route).toMatchObject({ code: 'PD-1', label: '浦东一线', parentCode: 'PD' });
    expect(route.regionPath.map((r) => r.label)).toEqual(['华东区', '上海', '浦东新区']);
    expect(route.stops.map((s) => [s.id, s.routeOrder])).toEqual([
      [first.id, 1],
      [three[0], 2],
      [three[1], 3],
      [three[2], 4],
    ]);
    expect(route.stops[0]).toMatchObject({
      name: first.name,
      lastVisitOn: null,
      version: (await row(first.id)).version,
    });
    // Filed under 浦东新区, they are in 上海 and 华东区 too.
    expect((await search({ region: ['HD'], route: ['PD-1'] })).length).toBe(4);
  });

  it('clearing a route clears the route order; a region of another route takes the card off its route', async () => {
    const [a, b] = cards.slice(0, 2).map((c) => c.id);
    expect((await reassign({ ids: [a!], axis: 'route', value: '' })).ok).toBe(true);
    expect(await row(a!)).toMatchObject({ route: '', route_order: null, region: 'PD' });
    expect((await lastLog('card_reclassify'))!.text).toBe('清空 路线：1 张卡已改，0 张原已为空');
    expect((await reassign({ ids: [b!], axis: 'region', value: 'BJ' })).ok).toBe(true);
    expect(await row(b!)).toMatchObject({ route: '', route_order: null, region: 'BJ' });
    // Back onto the route: at its end.
    expect((await reassign({ ids: [a!], axis: 'route', value: 'PD-1' })).ok).toBe(true);
    expect(await row(a!)).toMatchObject({ route: 'PD-1', route_order: 5, region: 'PD' });
  });

  it('a route under a city serves the districts below it: their cards keep their district', async () => {
    const entry = (axis: 'region' | 'route', code: string, label: string, parentCode: string) =>
      co.ok(admin, 'classification.saveEntry', {
        create: true,
        axis,
        code,
        label,
        labelEn: '',
        parentCode,
        active: true,
      });
    await entry('region', 'JA', '静安区', 'SH');
    await entry('route', 'SH-1', '上海城区线', 'SH');
    const c = cards[9]!.id;
    expect((await reassign({ ids: [c], axis: 'region', value: 'PD' })).ok).toBe(true);
    expect((await reassign({ ids: [c], axis: 'route', value: 'SH-1' })).ok).toBe(true);
    expect(await row(c)).toMatchObject({ route: 'SH-1', region: 'PD' });
    // Another district of the same city stays on the city's route; another city leaves it.
    expect((await reassign({ ids: [c], axis: 'region', value: 'JA' })).ok).toBe(true);
    expect(await row(c)).toMatchObject({ route: 'SH-1', region: 'JA' });
    expect((await reassign({ ids: [c], axis: 'region', value: 'BJ' })).ok).toBe(true);
    expect(await row(c)).toMatchObject({ route: '', route_order: null, region: 'BJ' });
    // A card outside the route's region is filed under it when put on the route.
    expect((await reassign({ ids: [c], axis: 'route', value: 'SH-1' })).ok).toBe(true);
    expect(await row(c)).toMatchObject({ route: 'SH-1', region: 'SH' });
  });

  it('a rep assignment changes what each rep sees, in the list and on the route', async () => {
    const onRoute = (await co.ok(keeper, 'classification.route', { route: 'PD-1' })).stops.map((s) => s.id);
    const liBefore = (await search({}, li)).map((r) => r.id);
    // User names compare without case; the card keeps the user's own spelling.
    expect((await reassign({ ids: onRoute.slice(0, 2), axis: 'assignedRep', value: 'Rep.Wang' })).ok).toBe(true);
    expect((await row(onRoute[0]!)).assigned_rep).toBe('rep.wang');
    expect((await search({}, wang)).map((r) => r.id).sort()).toEqual(onRoute.slice(0, 2).sort());
    expect((await search({}, li)).map((r) => r.id)).toEqual(liBefore.filter((id) => !onRoute.slice(0, 2).includes(id)));
    const wangsRoute = await co.ok(wang, 'classification.route', { route: 'PD-1' });
    expect(wangsRoute.stops.map((s) => s.id)).toEqual(onRoute.slice(0, 2));
    expect((await lastLog('card_reclassify'))!.text).toBe('负责业务员 改为 rep.wang：2 张卡已改，0 张原已如此');
  });

  it('reorders a route: positions 1…n, versions only for moved cards, refused when the route changed', async () => {
    const route = await co.ok(keeper, 'classification.route', { route: 'PD-1' });
    expect(route.stops.map((s) => s.routeOrder)).toEqual([1, 4, 5]);
    const stops = route.stops.map((s) => ({ id: s.id, version: s.version }));
    // The same order closes the gaps: the first keeps its place and its version.
    let versions = await versionCount();
    const closed = await co.ok(keeper, 'classification.reorderRoute', { route: 'PD-1', stops });
    expect(closed.stops.map((s) => s.routeOrder)).toEqual([1, 2, 3]);
    expect(await versionCount()).toBe(versions + 2);
    expect(closed.stops[0]!.version).toBe(stops[0]!.version);
    expect(await lastLog('card_reclassify')).toEqual({
      target: 'route/PD-1',
      text: '路线 浦东一线 重排路序：3 个客户，2 张卡位置改变',
    });
    const [s0, s1, s2] = closed.stops.map((s) => ({ id: s.id, version: s.version }));
    versions = await versionCount();
    const reordered = await co.ok(keeper, 'classification.reorderRoute', { route: 'PD-1', stops: [s2!, s1!, s0!] });
    expect(reordered.stops.map((s) => [s.id, s.routeOrder])).toEqual([
      [s2!.id, 1],
      [s1!.id, 2],
      [s0!.id, 3],
    ]);
    expect(await versionCount()).toBe(versions + 2);
    expect((await co.ok(keeper, 'cards.history', { id: s2!.id }))[0]).toMatchObject({
      kind: 'reclassify',
      note: '路线 浦东一线 重排路序',
      changes: [{ path: 'classification.routeOrder', from: 3, to: 1 }],
    });

    const current = reordered.stops.map((s) => ({ id: s.id, version: s.version }));
    // Someone edits a card on the route meanwhile: the list read before is stale.
    const edited = await co.ok(keeper, 'cards.get', { id: current[2]!.id });
    await co.ok(keeper, 'cards.update', {
      id: edited.id,
      expectedVersion: edited.version,
      content: { ...edited.content, basic: { ...edited.content.basic, phone: '021-5888 1234' } },
    });
    const before = await snapshot(co.db());
    const reorder = (stops: { id: number; version: number }[], routeCode = 'PD-1') =>
      co.fails(keeper, 'classification.reorderRoute', { route: routeCode, stops });
    expect(await reorder([...current].reverse())).toBe('CARD_CHANGED');
    const fresh = (await co.ok(keeper, 'classification.route', { route: 'PD-1' })).stops.map((s) => ({
      id: s.id,
      version: s.version,
    }));
    expect(await reorder(fresh.slice(1))).toBe('CARD_CHANGED');
    expect(await reorder([...fresh, fresh[0]!])).toBe('CARD_CHANGED');
    expect(await reorder([...fresh.slice(1), { id: cards[5]!.id, version: 1 }])).toBe('CARD_CHANGED');
    expect(await reorder([], 'NO-SUCH')).toBe('ROUTE_NOT_FOUND');
    expect(await snapshot(co.db())).toBe(before);
    expect(await co.fails(boss, 'classification.reorderRoute', { route: 'PD-1', stops: fresh })).toBe('FORBIDDEN');
    expect(await co.fails(wang, 'classification.reorderRoute', { route: 'PD-1', stops: fresh })).toBe('FORBIDDEN');
    // With the current versions it goes through.
    const done = await co.ok(keeper, 'classification.reorderRoute', { route: 'PD-1', stops: [...fresh].reverse() });
    expect(done.stops.map((s) => s.id)).toEqual([...fresh].reverse().map((s) => s.id));
  });

  it('prints a route sheet as a logged print; reps cannot print, and unknown routes are not found', async () => {
    expect(await co.fails(boss, 'app.print', { mode: 'dialog' })).toBe('FORBIDDEN');
    const sheet = await co.ok(boss, 'classification.printRoute', { route: 'PD-1' });
    expect(sheet).toMatchObject({ printedBy: 'boss', printedAt: co.fixture.clock.now().toISOString() });
    expect(sheet.stops).toHaveLength(3);
    expect(sheet.regionPath.map((r) => r.code)).toEqual(['HD', 'SH', 'PD']);
    expect(await lastLog('route_print')).toEqual({ target: 'route/PD-1', text: '路线单 浦东一线：3 个客户' });
    expect(await co.ok(boss, 'app.print', { mode: 'dialog' })).toEqual({ printed: true, path: null });
    expect(co.printRequests).toEqual([{ kind: 'dialog' }]);
    expect(await co.fails(wang, 'classification.printRoute', { route: 'PD-1' })).toBe('FORBIDDEN');
    expect(await co.fails(boss, 'classification.printRoute', { route: 'NO-SUCH' })).toBe('ROUTE_NOT_FOUND');
    expect(await co.fails(boss, 'classification.route', { route: 'NO-SUCH' })).toBe('ROUTE_NOT_FOUND');
    expect(await co.fails(admin, 'classification.route', { route: 'PD-1' })).toBe('FORBIDDEN');
    // An empty route prints as an empty sheet (the route exists).
    expect((await co.ok(keeper, 'classification.printRoute', { route: 'BJ-1' })).stops).toEqual([]);
    // A rep reads only their own stops.
    const lis = await co.db().selectFrom('customers').select('id').where('assigned_rep', '=', 'rep.li').execute();
    const liStops = sheet.stops.filter((s) => lis.some((l) => l.id === s.id)).map((s) => s.id);
    expect(liStops.length).toBeGreaterThan(0);
    expect((await co.ok(li, 'classification.route', { route: 'PD-1' })).stops.map((s) => s.id)).toEqual(liStops);
  });
});
