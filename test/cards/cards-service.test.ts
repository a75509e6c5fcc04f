import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardContent } from '../../src-shared/cards/card';
import type { CardQuery } from '../../src-shared/contracts/cards';
import type { Connection } from '../../src-main/router/connection';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { fullCard, namedCard, withoutStamps } from '../support/card-samples';

const QUERY: CardQuery = { query: '', filters: {}, sort: { column: 'name', direction: 'asc' } };

describe('archive cards through the router', () => {
  let fx: Fixture;
  let admin: Connection;
  let custodian: Connection;
  let manager: Connection;
  let rep: Connection;
  let auditor: Connection;

  beforeAll(async () => {
    fx = await makeFixture();
    admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    custodian = await userWithRole(fx, admin, 'keeper', ['custodian']);
    manager = await userWithRole(fx, admin, 'boss', ['manager']);
    rep = await userWithRole(fx, admin, 'rep.wang', ['rep']);
    await userWithRole(fx, admin, 'rep.li', ['rep']);
    auditor = await userWithRole(fx, admin, 'checker', ['auditor']);
  });
  afterAll(async () => fx?.cleanup());

  const create = (content: CardContent, acceptDuplicates = false) =>
    fx.ok(custodian, 'cards.create', { content, acceptDuplicates });
  const search = (query: string, filters: CardQuery['filters'] = {}, as = custodian) =>
    fx.ok(as, 'cards.search', { ...QUERY, query, filters, offset: 0, limit: 100 });
  const logRows = async (action: string) =>
    (await fx.ok(auditor, 'accessLog.query', { filter: { action: action as never }, offset: 0, limit: 500 })).rows;

  it('saves and reloads every field unchanged, Chinese text and empty values included', async () => {
    const content = fullCard();
    const created = await create(content);
    expect(created.version).toBe(1);
    const revealed = await fx.ok(custodian, 'cards.reveal', { id: created.id });
    expect(withoutStamps(revealed.content)).toEqual(withoutStamps(content));
    // Verified sections carry who and when, set by the main process.
    expect(revealed.content.sources.basic).toMatchObject({ verified: true, verifiedBy: 'keeper' });
    expect(revealed.content.sources.people.verifiedBy).toBeNull();
    const empty = await create(namedCard('个体户陈记杂货'));
    const reloaded = await fx.ok(custodian, 'cards.reveal', { id: empty.id });
    expect(reloaded.content.basic).toMatchObject({
      name: '个体户陈记杂货',
      shortName: '',
      employees: null,
      founded: '',
    });
    expect(reloaded.content.basic.code).toMatch(/^KH\d{6}$/);
  });

  it('validates in the main process: a bad credit code, date or unknown dictionary value changes nothing', async () => {
    const before = (await search('')).total;
    const badCode = await fx.call(custodian, 'cards.create', {
      content: fullCard({ code: 'BAD1', creditCode: '91350100M000100Y44' }),
    });
    expect(badCode.ok ? 'OK' : badCode.error.fields).toMatchObject({ 'content.basic.creditCode': 'invalidCreditCode' });
    const badDate = namedCard('日期错误公司', { founded: '2023-02-30' });
    const dateResult = await fx.call(custodian, 'cards.create', { content: badDate });
    expect(dateResult.ok ? 'OK' : dateResult.error.fields).toMatchObject({ 'content.basic.founded': 'invalidDate' });
    const unknownGrade = namedCard('等级错误公司');
    unknownGrade.classification.grade = 'Z';
    const gradeResult = await fx.call(custodian, 'cards.create', { content: unknownGrade });
    expect(gradeResult.ok ? 'OK' : gradeResult.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'content.classification.grade': 'unknownValue' },
    });
    expect((await search('')).total).toBe(before);
  });

  it('finds cards by 2-character fragments, longer fragments, pinyin initials, codes and phone fragments', async () => {
    await create(
      namedCard('上海华信电子有限公司', { shortName: '沪华信', phone: '021-6234 5678', code: 'SH-HX' }),
      true,
    );
    await create(namedCard('广州信华贸易有限公司', { phone: '020-87654321' }));
    const names = async (q: string) => (await search(q)).rows.map((r) => r.name).sort();
    expect(await names('华信')).toEqual(['上海华信电子有限公司', '北京华信科技有限公司']);
    expect(await names('华信电子')).toEqual(['上海华信电子有限公司']);
    expect(await names('bjhx')).toEqual(['北京华信科技有限公司']);
    expect(await names('shhxdz')).toEqual(['上海华信电子有限公司']);
    expect(await names('BJHX')).toEqual(['北京华信科技有限公司']);
    expect(await names('sh-hx')).toEqual(['上海华信电子有限公司']);
    expect(await names('6234')).toEqual(['上海华信电子有限公司']);
    expect(await names('8765')).toEqual(['广州信华贸易有限公司']);
    // Full-width digits and letters are folded like half-width ones.
    expect(await names('８８２１')).toEqual(['北京华信科技有限公司']);
    expect(await names('ＢＪＨＸ')).toEqual(['北京华信科技有限公司']);
    // A person's name finds the card; two words must both match.
    expect(await names('王建国')).toEqual(['北京华信科技有限公司']);
    expect(await names('华信 上海')).toEqual(['上海华信电子有限公司']);
    // A fragment across two fields is not a match.
    expect(await names('司华')).toEqual([]);
    expect(await names('不存在的客户')).toEqual([]);
  });

  it('combines filters with the search box (AND across filters, OR within one)', async () => {
    const a = namedCard('杭州华信五金商行');
    a.classification.grade = 'B';
    a.classification.nature = 'individual';
    await create(a);
    const b = namedCard('杭州华信建材有限公司');
    b.classification.grade = 'A';
    b.classification.nature = 'company';
    await create(b);
    const names = async (q: string, f: CardQuery['filters']) => (await search(q, f)).rows.map((r) => r.name).sort();
    expect(await names('杭州', { grade: ['B'] })).toEqual(['杭州华信五金商行']);
    expect(await names('杭州', { grade: ['A', 'B'] })).toEqual(['杭州华信五金商行', '杭州华信建材有限公司']);
    expect(await names('华信', { grade: ['A'], nature: ['company'] })).toEqual([
      '北京华信科技有限公司',
      '杭州华信建材有限公司',
    ]);
    expect(await names('华信', { unverifiedOnly: true, grade: ['A'] })).toEqual([
      '北京华信科技有限公司',
      '杭州华信建材有限公司',
    ]);
    const sorted = await fx.ok(custodian, 'cards.search', {
      query: '杭州',
      filters: {},
      sort: { column: 'name', direction: 'desc' },
      offset: 0,
      limit: 1,
    });
    expect(sorted.total).toBe(2);
    expect(sorted.rows.map((r) => r.name)).toEqual(['杭州华信五金商行']);
  });

  it('logs views and reveals; managers get personal notes masked and may not reveal them', async () => {
    const { rows } = await search('北京华信');
    const id = rows[0]!.id;
    const seen = await fx.ok(manager, 'cards.get', { id });
    expect(seen.personalMasked).toBe(true);
    expect(seen.content.people[0]).toMatchObject({ name: '王建国', character: '', hobbies: '', age: null });
    const refused = await fx.call(manager, 'cards.reveal', { id });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
    const refusedEdit = await fx.call(manager, 'cards.update', { id, expectedVersion: 1, content: fullCard() });
    expect(refusedEdit.ok ? 'OK' : refusedEdit.error.code).toBe('FORBIDDEN');
    const revealed = await fx.ok(custodian, 'cards.reveal', { id });
    expect(revealed.content.people[0]!.character).toBe('稳重，重信誉');
    expect((await logRows('card_view')).some((r) => r.username === 'boss' && r.target === 'HX0001')).toBe(true);
    expect((await logRows('card_reveal')).some((r) => r.username === 'keeper' && r.target === 'HX0001')).toBe(true);
    const log = JSON.stringify(await logRows('card_reveal'));
    expect(log).not.toContain('稳重');
  });

  it('shows reps only the cards assigned to them', async () => {
    const mine = namedCard('南京华信文具店');
    mine.classification.assignedRep = 'rep.wang';
    const created = await create(mine);
    const theirs = namedCard('南京华信印刷厂');
    theirs.classification.assignedRep = 'rep.li';
    const other = await create(theirs);
    const found = await search('南京', {}, rep);
    expect(found.rows.map((r) => r.name)).toEqual(['南京华信文具店']);
    expect((await search('', {}, rep)).total).toBe(1);
    expect((await fx.ok(rep, 'cards.get', { id: created.id })).content.basic.name).toBe('南京华信文具店');
    const refused = await fx.call(rep, 'cards.get', { id: other.id });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('CARD_NOT_FOUND');
    const unknownRep = namedCard('无此业务员公司');
    unknownRep.classification.assignedRep = 'keeper';
    const bad = await fx.call(custodian, 'cards.create', { content: unknownRep });
    expect(bad.ok ? 'OK' : bad.error.fields).toMatchObject({ 'content.classification.assignedRep': 'unknownValue' });
  });

  it('keeps every save as a version with a field diff; views as of a date; restores as a new version', async () => {
    // Small steps only: a jump longer than the idle lock would end the sessions.
    const createdAt = fx.clock.now();
    const created = await create(namedCard('成都蜀信商贸有限公司', { phone: '028-1111 2222' }));
    fx.clock.advanceMinutes(4);
    const v1 = await fx.ok(custodian, 'cards.reveal', { id: created.id });
    const edited = structuredClone(v1.content);
    edited.basic.phone = '028-3333 4444';
    edited.trading.creditLimit = 80000;
    const v2 = await fx.ok(custodian, 'cards.update', { id: created.id, expectedVersion: 1, content: edited });
    expect(v2.version).toBe(2);
    // Someone else's save in between is refused, and nothing is written.
    const stale = await fx.call(custodian, 'cards.update', { id: created.id, expectedVersion: 1, content: v1.content });
    expect(stale.ok ? 'OK' : stale.error.code).toBe('CARD_CHANGED');
    // A save without changes writes no version.
    const same = await fx.ok(custodian, 'cards.update', { id: created.id, expectedVersion: 2, content: edited });
    expect(same.version).toBe(2);

    const history = await fx.ok(manager, 'cards.history', { id: created.id });
    expect(history.map((h) => [h.version, h.kind, h.by])).toEqual([
      [2, 'edit', 'keeper'],
      [1, 'create', 'keeper'],
    ]);
    expect(history[0]!.changes).toEqual([
      { path: 'basic.phone', from: '028-1111 2222', to: '028-3333 4444' },
      { path: 'trading.creditLimit', from: null, to: 80000 },
    ]);
    const between = new Date(createdAt.getTime() + 2 * 60_000);
    const asOfBetween = await fx.ok(manager, 'cards.versionAt', { id: created.id, at: between.toISOString() });
    expect(asOfBetween.version).toBe(1);
    const before = new Date(createdAt.getTime() - 60_000).toISOString();
    const beforeCreation = await fx.ok(manager, 'cards.versionAt', { id: created.id, at: before });
    expect(beforeCreation.version).toBeNull();
    const old = await fx.ok(manager, 'cards.get', { id: created.id, version: 1 });
    expect(old).toMatchObject({ version: 1, latestVersion: 2 });
    expect(old.content.basic.phone).toBe('028-1111 2222');

    fx.clock.advanceMinutes(4);
    const restored = await fx.ok(custodian, 'cards.restore', { id: created.id, expectedVersion: 2, version: 1 });
    expect(restored.version).toBe(3);
    expect(restored.content.basic.phone).toBe('028-1111 2222');
    expect(restored.content.trading.creditLimit).toBeNull();
    const after = await fx.ok(custodian, 'cards.history', { id: created.id });
    expect(after[0]).toMatchObject({ version: 3, kind: 'restore', note: '1' });
    // The old number no longer finds it; the restored one does.
    expect((await search('3333')).rows.map((r) => r.id)).not.toContain(created.id);
    expect((await search('1111 2222')).rows.map((r) => r.id)).toContain(created.id);
  });

  it('masks personal notes in the history for everyone', async () => {
    const { rows } = await search('北京华信');
    const id = rows[0]!.id;
    const card = await fx.ok(custodian, 'cards.reveal', { id });
    const edited = structuredClone(card.content);
    edited.people[0]!.hobbies = '围棋';
    await fx.ok(custodian, 'cards.update', { id, expectedVersion: card.version, content: edited });
    const history = await fx.ok(custodian, 'cards.history', { id });
    expect(history[0]!.changes).toEqual([{ path: 'people.0.hobbies', from: null, to: null, masked: true }]);
  });

  it('warns of likely duplicates by credit code, phone, or name without legal-form words', async () => {
    const dup = (name: string, creditCode = '', phone = '') =>
      fx.ok(custodian, 'cards.findDuplicates', { name, creditCode, phone });
    expect((await dup('北京华信科技（集团）股份有限公司'))[0]).toMatchObject({ code: 'HX0001', reasons: ['name'] });
    expect((await dup('北京 华信科技 有限公司'))[0]?.code).toBe('HX0001');
    expect((await dup('全新客户', '91350100m000100y43'))[0]).toMatchObject({ reasons: ['creditCode'] });
    expect((await dup('全新客户', '', '(010)88213456'))[0]).toMatchObject({ code: 'HX0001', reasons: ['phone'] });
    expect(await dup('北京华信物流有限公司')).toEqual([]);
    const refused = await fx.call(custodian, 'cards.create', { content: namedCard('北京华信科技股份有限公司') });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('DUPLICATE_SUSPECTED');
    const accepted = await create(namedCard('北京华信科技股份有限公司'), true);
    expect(accepted.version).toBe(1);
    expect((await logRows('card_create')).some((r) => r.detail?.includes('已确认不是重复客户'))).toBe(true);
  });

  it('merges two cards: kept values win, gaps are filled, people joined, both histories kept', async () => {
    const keep = await create(namedCard('武汉长信商贸有限公司', { phone: '027-5555 6666' }));
    const otherContent = namedCard('武汉长信商贸', { phone: '027-0000 0000', address: '武汉市江汉区解放大道 1 号' });
    otherContent.people.push({ ...fullCard().people[2]!, name: '赵敏' });
    const other = await create(otherContent, true);
    const merged = await fx.ok(custodian, 'cards.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: other.id,
      mergeVersion: 1,
    });
    expect(merged.version).toBe(2);
    expect(merged.content.basic).toMatchObject({ phone: '027-5555 6666', address: '武汉市江汉区解放大道 1 号' });
    expect(merged.content.people.map((p) => p.name)).toEqual(['赵敏']);
    const gone = await fx.ok(custodian, 'cards.get', { id: other.id });
    expect(gone).toMatchObject({ status: 'merged', mergedInto: { id: keep.id } });
    const again = await fx.call(custodian, 'cards.update', { id: other.id, expectedVersion: 2, content: otherContent });
    expect(again.ok ? 'OK' : again.error.code).toBe('CARD_MERGED');
    const history = await fx.ok(custodian, 'cards.history', { id: keep.id });
    expect(history.map((h) => [h.cardId, h.version, h.kind])).toEqual(
      expect.arrayContaining([
        [keep.id, 2, 'merge'],
        [keep.id, 1, 'create'],
        [other.id, 2, 'merged_into'],
        [other.id, 1, 'create'],
      ]),
    );
    expect((await search('武汉长信', { status: ['active'] })).rows.map((r) => r.id)).toEqual([keep.id]);
    const self = await fx.call(custodian, 'cards.merge', {
      keepId: keep.id,
      keepVersion: 2,
      mergeId: keep.id,
      mergeVersion: 2,
    });
    expect(self.ok ? 'OK' : self.error.code).toBe('MERGE_SAME_CARD');
    expect((await logRows('card_merge')).some((r) => r.target === keep.content.basic.code)).toBe(true);
  });

  it('archives (停用) a customer and keeps the card; verifies a section with who and when', async () => {
    const created = await create(namedCard('西安秦信百货商店'));
    const archived = await fx.ok(custodian, 'cards.setArchived', {
      id: created.id,
      expectedVersion: 1,
      archived: true,
    });
    expect(archived).toMatchObject({ status: 'archived', version: 2 });
    expect((await search('秦信', { status: ['active'] })).total).toBe(0);
    expect((await search('秦信', { status: ['archived'] })).total).toBe(1);
    fx.clock.advanceMinutes(1);
    const verifiedAt = fx.clock.now().toISOString();
    const verified = await fx.ok(custodian, 'cards.verifySection', {
      id: created.id,
      expectedVersion: 2,
      section: 'trading',
    });
    expect(verified.content.sources.trading).toEqual({
      source: 'rep_visit',
      verified: true,
      verifiedBy: 'keeper',
      verifiedAt,
    });
    const rows = (await search('秦信', { status: ['archived'] })).rows;
    expect(rows[0]!.unverified).toBe(4);
  });

  it('drops the verification of customer-filled data when it changes, and returns written cards masked', async () => {
    const content = namedCard('厦门鹭信贸易有限公司');
    content.characteristics.serviceArea = '闽南';
    content.sources.characteristics = { source: 'customer_form', verified: true, verifiedBy: null, verifiedAt: null };
    content.business.salesPerformance = '稳定';
    content.sources.business = { source: 'rep_visit', verified: true, verifiedBy: null, verifiedAt: null };
    content.people.push({ ...fullCard().people[0]! });
    const created = await create(content);
    expect(created.personalMasked).toBe(true);
    expect(created.content.people[0]!.character).toBe('');
    const edited = structuredClone((await fx.ok(custodian, 'cards.reveal', { id: created.id })).content);
    edited.characteristics.serviceArea = '闽南、粤东';
    edited.business.salesPerformance = '增长';
    const saved = await fx.ok(custodian, 'cards.update', { id: created.id, expectedVersion: 1, content: edited });
    expect(saved.content.sources.characteristics).toMatchObject({ verified: false, verifiedBy: null });
    // Data the custodian gathered some other way keeps the mark the custodian left on it.
    expect(saved.content.sources.business).toMatchObject({ verified: true, verifiedBy: 'keeper' });
    expect(saved.personalMasked).toBe(true);
    const again = await fx.ok(custodian, 'cards.verifySection', {
      id: created.id,
      expectedVersion: 2,
      section: 'characteristics',
    });
    expect(again.content.sources.characteristics).toMatchObject({ verified: true, verifiedBy: 'keeper' });
  });

  it('records a merge even when the other card adds nothing', async () => {
    const keep = await create(namedCard('青岛海信达商行', { phone: '0532-1234 5678', address: '青岛市市南区' }));
    const other = await create(namedCard('青岛海信达商行（老卡）'), true);
    const merged = await fx.ok(custodian, 'cards.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: other.id,
      mergeVersion: 1,
    });
    expect(merged.version).toBe(2);
    const history = await fx.ok(custodian, 'cards.history', { id: keep.id });
    expect(history.find((h) => h.cardId === keep.id && h.version === 2)).toMatchObject({ kind: 'merge', changes: [] });
    // The first version's changes are its whole content.
    expect(history.find((h) => h.cardId === keep.id && h.version === 1)!.changes).toEqual(
      expect.arrayContaining([{ path: 'basic.name', from: null, to: '青岛海信达商行' }]),
    );
  });

  it('numbers printed copies, logs each card, and lets the window print only after that', async () => {
    const forged = await fx.call(manager, 'app.print', { mode: 'dialog' });
    expect(forged.ok ? 'OK' : forged.error.code).toBe('FORBIDDEN');
    const { rows } = await search('华信');
    const ids = rows.slice(0, 2).map((r) => r.id);
    const first = await fx.ok(manager, 'cards.print', { ids });
    expect(first.printedBy).toBe('boss');
    expect(first.copies.map((c) => c.copyNo)).toEqual([1, 1]);
    expect(first.copies[0]!.card.personalMasked).toBe(true);
    fx.chooseFileAnswers.push(`${fx.dir}/card.pdf`);
    expect(await fx.ok(manager, 'app.print', { mode: 'pdf' })).toEqual({ printed: true, path: `${fx.dir}/card.pdf` });
    expect(fx.printRequests.at(-1)).toEqual({ kind: 'pdf', path: `${fx.dir}/card.pdf` });
    const twice = await fx.call(manager, 'app.print', { mode: 'dialog' });
    expect(twice.ok ? 'OK' : twice.error.code).toBe('FORBIDDEN');
    const second = await fx.ok(custodian, 'cards.print', { ids: [ids[0]!] });
    expect(second.copies[0]!.copyNo).toBe(2);
    expect(second.copies[0]!.card.personalMasked).toBe(false);
    const printed = await logRows('card_print');
    expect(printed.filter((r) => r.username === 'boss')).toHaveLength(2);
    const refused = await fx.call(rep, 'cards.print', { ids });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
  });

  it('lists dictionaries to any logged-in user and reps to the custodian', async () => {
    const entries = await fx.ok(rep, 'classification.dictionaries', {});
    expect(entries.filter((e) => e.axis === 'businessType').map((e) => e.label)).toEqual([
      '批发店',
      '零售商',
      '代理店',
      '特约店',
      '连锁店',
      '专营店',
    ]);
    expect((await fx.ok(custodian, 'cards.reps', {})).map((r) => r.username)).toEqual(['rep.li', 'rep.wang']);
  });
});
