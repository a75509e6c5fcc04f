import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPerson, type CardContent } from '../../src-shared/cards/card';
import { CARD_FIELDS } from '../../src-shared/cards/card-fields';
import type { CardQuery } from '../../src-shared/contracts/cards';
import { fullCard, namedCard, withoutStamps } from '../support/card-samples';
import { userWithRole } from '../support/office-fixture';
import { cardsByCode, importInput, importOffice, withRawArchive, type ImportOffice } from './import-support';

const ALL: CardQuery = { query: '', filters: {}, sort: { column: 'code', direction: 'asc' } };

/** Every field filled, with the awkward values: codes and phones of digits, decimals, line breaks, quotes. */
function awkwardCard(): CardContent {
  const card = fullCard({ code: '001', phone: '13800138000' });
  card.basic.annualSales = 18500.25;
  card.trading.creditLimit = 1234567.89;
  card.characteristics.policies = '第一条：现款现货\n第二条："月结"客户须担保';
  card.classification = { ...card.classification, region: 'HB', route: 'BJ1', routeOrder: 3, assignedRep: 'rep.wang' };
  card.people.push({ ...emptyPerson('manager'), name: '赵经理' });
  return card;
}

/** A card with little in it: every other field must come back empty, not as 0 or "null". */
function sparseCard(): CardContent {
  const card = namedCard('个体户陈记杂货', { code: 'KH-77' });
  card.sources.trading = { source: 'customer_form', verified: false, verifiedBy: null, verifiedAt: null };
  return card;
}

async function addRegionAndRoute(office: ImportOffice): Promise<void> {
  await withRawArchive(office, (raw) => {
    raw.exec(`INSERT INTO dictionary_entries (axis, code, label, label_en, parent_code, sort_order, active)
      VALUES ('region', 'HB', '华北区', 'North', NULL, 1, 1), ('route', 'BJ1', '北京一线', 'Beijing 1', 'HB', 1, 1)`);
  });
}

describe('exporting cards and importing them back', () => {
  let office: ImportOffice;
  let fresh: ImportOffice;
  const dir = mkdtempSync(join(tmpdir(), 'kedang-export-'));
  const exported = join(dir, 'out', '客户档案.xlsx');
  let original: Map<string, CardContent>;

  beforeAll(async () => {
    office = await importOffice();
    await addRegionAndRoute(office);
    const { fx, custodian } = office;
    await fx.ok(custodian, 'cards.create', { content: awkwardCard() });
    await fx.ok(custodian, 'cards.create', { content: sparseCard() });
    original = await cardsByCode(office);
    fresh = await importOffice();
  });
  afterAll(async () => {
    await office?.fx.cleanup();
    await fresh?.fx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every card of the query to a workbook marked confidential, and logs the export', async () => {
    const { fx, custodian } = office;
    fx.chooseFileAnswers.push(exported);
    expect(await fx.ok(custodian, 'cards.export', { ...ALL })).toEqual({ path: exported, rows: 2 });
    expect(readdirSync(join(dir, 'out'))).toEqual(['客户档案.xlsx']);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    expect(book.worksheets.map((s) => s.name)).toEqual(['客户档案', '人员', '分类字典']);
    expect(book.title).toContain('内部资料 严禁外传');
    expect(book.keywords).toContain('机密');
    const sheet = book.getWorksheet('客户档案')!;
    expect(String(sheet.getCell('A1').value)).toMatch(
      /^内部资料 严禁外传 · 导出人 keeper（keeper） · 时间 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    );
    expect(sheet.headerFooter.oddHeader).toContain('内部资料 严禁外传');
    expect(sheet.headerFooter.oddFooter).toContain('导出人 keeper');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(CARD_FIELDS.map((f) => f.zh));
    const column = (path: string) => CARD_FIELDS.findIndex((f) => f.path === path) + 1;
    const first = sheet.getRow(3);
    expect(first.getCell(column('basic.code')).value).toBe('001');
    expect(first.getCell(column('basic.phone')).value).toBe('13800138000');
    expect(first.getCell(column('basic.founded')).value).toBe('1998-03-15');
    expect(first.getCell(column('trading.creditLimit')).value).toBe(1234567.89);
    expect(first.getCell(column('classification.nature')).value).toBe('普通公司');
    expect(first.getCell(column('classification.region')).value).toBe('华北区');
    expect(first.getCell(column('sources.basic.source')).value).toBe('业务员访问');
    expect(first.getCell(column('sources.basic.verified')).value).toBe('是');
    const second = sheet.getRow(4);
    expect(second.getCell(column('basic.founded')).value).toBeNull();
    expect(second.getCell(column('trading.creditLimit')).value).toBeNull();
    expect(book.getWorksheet('人员')!.rowCount).toBe(2 + 4);
    const entries: unknown[][] = [];
    book.getWorksheet('分类字典')!.eachRow((row, n) => {
      if (n > 2) entries.push((row.values as unknown[]).slice(1));
    });
    // The open axes' entries the cards use, with their codes: the industry, the region, the route under it.
    expect(entries).toEqual([
      ['行业', 'it', '信息技术服务', 'IT services'],
      ['区域', 'HB', '华北区', 'North'],
      ['路线', 'BJ1', '北京一线', 'Beijing 1', 'HB'],
    ]);

    const log = await fx.ok(office.auditor, 'accessLog.query', {
      filter: { action: 'card_export' },
      offset: 0,
      limit: 10,
    });
    expect(log.rows).toEqual([
      expect.objectContaining({ target: exported, outcome: 'success', detail: '导出 2 张卡' }),
    ]);
  });

  it('imported back into the same archive in update mode, changes nothing', async () => {
    const { fx, custodian } = office;
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(exported, 'update'));
    expect(result).toMatchObject({ totalRows: 2, unchanged: 2, updated: 0, created: 0, rejectedCount: 0 });
    expect(result.rejectedPeopleCount).toBe(0);
    const again = await cardsByCode(office);
    expect(again).toEqual(original);
  });

  it('imported into a fresh archive as new cards, gives the same cards, codes of regions and routes included', async () => {
    const { fx, custodian, admin } = fresh;
    await userWithRole(fx, admin, 'rep.li', ['rep']);
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(exported, 'new'));
    expect(result).toMatchObject({ created: 2, rejectedCount: 0, rejectedPeopleCount: 0 });
    expect(result.newDictionaryValues).toEqual([
      { axis: 'region', value: '华北区' },
      { axis: 'route', value: '北京一线' },
    ]);
    const copied = await cardsByCode(fresh);
    expect([...copied.keys()]).toEqual([...original.keys()]);
    for (const [code, card] of original) expect(withoutStamps(copied.get(code)!)).toEqual(withoutStamps(card));
    const dictionary = await fx.ok(custodian, 'classification.dictionaries', {});
    expect(dictionary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ axis: 'region', code: 'HB', label: '华北区', labelEn: 'North' }),
        expect.objectContaining({ axis: 'route', code: 'BJ1', parentCode: 'HB' }),
      ]),
    );
  });

  it('exports only the chosen cards when ids are given', async () => {
    const { fx, custodian } = office;
    const page = await fx.ok(custodian, 'cards.search', { ...ALL, offset: 0, limit: 10 });
    const path = join(dir, 'one.xlsx');
    fx.chooseFileAnswers.push(path);
    const id = page.rows.find((r) => r.code === 'KH-77')!.id;
    expect(await fx.ok(custodian, 'cards.export', { ...ALL, ids: [id] })).toEqual({ path, rows: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.getWorksheet('客户档案')!.rowCount).toBe(3);
  });

  it('a cancelled dialog writes nothing and logs nothing; a manager may not export', async () => {
    const { fx, custodian, admin } = office;
    const before = (
      await fx.ok(office.auditor, 'accessLog.query', { filter: { action: 'card_export' }, offset: 0, limit: 10 })
    ).total;
    const cancelled = await fx.call(custodian, 'cards.export', { ...ALL });
    expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('CANCELLED');
    const manager = await userWithRole(fx, admin, 'boss', ['manager']);
    const refused = await fx.call(manager, 'cards.export', { ...ALL });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const after = (
      await fx.ok(office.auditor, 'accessLog.query', { filter: { action: 'card_export' }, offset: 0, limit: 10 })
    ).total;
    expect(after).toBe(before);
    expect(existsSync(join(dir, 'cancelled.xlsx'))).toBe(false);
  });
});
