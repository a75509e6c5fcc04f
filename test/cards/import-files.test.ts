import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src-main/cards/spreadsheet/read-xlsx';
import { cardsByCode, FIXTURES, importInput, importOffice, importRows, type ImportOffice } from './import-support';

const GBK_CSV = join(FIXTURES, 'erp-customers-gbk.csv');
const LIBREOFFICE_XLSX = join(FIXTURES, 'libreoffice-cards.xlsx');

describe('importing an ERP export saved as GBK CSV', () => {
  let office: ImportOffice;
  beforeAll(async () => {
    office = await importOffice();
  });
  afterAll(async () => office?.fx.cleanup());

  it('the dry run detects GBK, maps the ERP column names and names the bad row and its faults', async () => {
    const { fx, custodian } = office;
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(GBK_CSV));
    expect(report).toMatchObject({ format: 'csv', encoding: 'gbk', headerRow: 1, totalRows: 4, toCreate: 3 });
    const mapped = Object.fromEntries(report.columns.map((c) => [c.header, c.target]));
    expect(mapped).toEqual({
      往来单位编码: 'basic.code',
      往来单位名称: 'basic.name',
      统一社会信用代码: 'basic.creditCode',
      联系人: 'person.contact.name',
      手机: 'person.contact.phone',
      联系电话: 'basic.phone',
      地址: 'basic.address',
      '信用额度（元）': 'trading.creditLimit',
      '账期（天）': 'trading.paymentTermsDays',
      客户等级: 'classification.grade',
      区域: 'classification.region',
      成立日期: 'basic.founded',
      备注: '',
    });
    // The quoted address with a comma and the note with a line break stay whole: C1004 is record 5.
    expect(report.preview[0]![6]).toBe('北京市海淀区中关村大街27号,华信大厦8层');
    expect(report.rejectedCount).toBe(1);
    expect(report.rejected).toHaveLength(1);
    const bad = report.rejected[0]!;
    expect(bad.row).toBe(5);
    expect(bad.reasons).toEqual(
      expect.arrayContaining([
        '统一社会信用代码：统一社会信用代码不正确（18 位，校验位不符）',
        '信用额度（元）：应为数字',
        '客户等级：不是可选的值',
        '创业时间：日期格式应为 年-月-日，如 2024-03-15',
      ]),
    );
    expect(report.newDictionaryValues).toEqual([
      { axis: 'region', value: '华北' },
      { axis: 'region', value: '华东' },
      { axis: 'region', value: '华南' },
    ]);
    expect(await importRows(office)).toHaveLength(0);
  });

  it('reasons come in the caller’s language', async () => {
    const { fx, custodian } = office;
    await fx.ok(custodian, 'app.setLanguage', { language: 'en' });
    try {
      const report = await fx.ok(custodian, 'cards.importPreview', importInput(GBK_CSV));
      expect(report.rejected[0]!.reasons).toEqual(
        expect.arrayContaining(['Credit limit (CNY): must be a number', 'Grade: not one of the allowed values']),
      );
    } finally {
      await fx.ok(custodian, 'app.setLanguage', { language: 'zh' });
    }
  });

  it('the commit writes the three good rows with numbers, dates and contacts as the office meant them', async () => {
    const { fx, custodian } = office;
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(GBK_CSV));
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 0, rejectedCount: 1 });
    const cards = await cardsByCode(office);
    expect([...cards.keys()]).toEqual(['C1001', 'C1002', 'C1003']);
    const c1 = cards.get('C1001')!;
    expect(c1.basic).toMatchObject({
      name: '北京华信商贸有限公司',
      creditCode: '91350100M000100Y43',
      phone: '010-88213456',
      address: '北京市海淀区中关村大街27号,华信大厦8层',
      founded: '2008-06-18',
    });
    expect(c1.trading).toMatchObject({ creditLimit: 500000, paymentTermsDays: 60 });
    expect(c1.classification).toMatchObject({ grade: 'A', region: '华北' });
    expect(c1.people).toEqual([expect.objectContaining({ role: 'contact', name: '张伟', phone: '13700001111' })]);
    // Where the file does not say, sections are "other" and unverified.
    expect(Object.values(c1.sources).map((s) => [s.source, s.verified])).toEqual(Array(5).fill(['other', false]));
    expect(cards.get('C1002')!.trading.creditLimit).toBe(120000);
    expect(cards.get('C1002')!.basic.founded).toBe('2012-03-05');
    expect(cards.get('C1003')!.trading).toMatchObject({ creditLimit: 80000, paymentTermsDays: 45 });
    expect(cards.get('C1003')!.basic.founded).toBe('2015-09-01');
    expect(cards.get('C1003')!.people).toEqual([expect.objectContaining({ name: '王强', phone: '' })]);

    const rows = await importRows(office);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', username: 'keeper', target: GBK_CSV });
    expect(rows[0]!.detail).toBe('erp-customers-gbk.csv：新建 3，更新 0，跳过 0，未通过 1');
  });

  it('importing the same file again with skip creates nothing more', async () => {
    const { fx, custodian } = office;
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(GBK_CSV, 'skip'));
    expect(result).toMatchObject({ created: 0, toSkip: 3, skipped: 3 });
    expect((await cardsByCode(office)).size).toBe(3);
  });
});

describe('importing a workbook made by LibreOffice', () => {
  let office: ImportOffice;
  beforeAll(async () => {
    office = await importOffice();
  });
  afterAll(async () => office?.fx.cleanup());

  it('finds the header under the title row and reports the bad row and the person without a card', async () => {
    const { fx, custodian } = office;
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(LIBREOFFICE_XLSX));
    expect(report).toMatchObject({ format: 'xlsx', encoding: null, headerRow: 2, totalRows: 5, toCreate: 4 });
    expect(report.columns.every((c) => c.target !== '')).toBe(true);
    expect(report.rejectedCount).toBe(1);
    expect(report.rejectedPeopleCount).toBe(1);
    const [card, person] = report.rejected;
    expect(card!.row).toBe(6);
    expect(card!.reasons).toEqual(
      expect.arrayContaining([
        '客户名称：必填',
        '开始交易时间：日期格式应为 年-月-日，如 2024-03-15',
        '客户性质：不是可选的值',
        '统一社会信用代码：统一社会信用代码不正确（18 位，校验位不符）',
      ]),
    );
    expect(person).toEqual({ row: 5, sheet: 'people', reasons: ['客户编码“HX9999”在客户档案表中没有对应的行'] });
    expect(report.newDictionaryValues).toEqual(
      expect.arrayContaining([
        { axis: 'region', value: '西北' },
        { axis: 'route', value: '西北一线' },
        { axis: 'industry', value: '新能源' },
      ]),
    );
  });

  it('date cells give the same calendar date in any time zone', async () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Honolulu', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone;
        const file = await readXlsx(LIBREOFFICE_XLSX);
        const first = file.cards.rows.find((r) => r.cells[0] === 'HX1001')!;
        expect(first.cells[6]).toBeInstanceOf(Date);
        const report = await office.fx.ok(office.custodian, 'cards.importPreview', importInput(LIBREOFFICE_XLSX));
        expect([report.preview[0]![6], report.preview[0]![7], zone]).toEqual(['2008-06-18', '2020-01-01', zone]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('imports date cells, text dates and serial numbers, people from the 人员 sheet and new classifications', async () => {
    const { fx, custodian } = office;
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(LIBREOFFICE_XLSX));
    expect(result).toMatchObject({ created: 4, rejectedCount: 1 });
    const cards = await cardsByCode(office);
    const hx1 = cards.get('HX1001')!;
    expect(hx1.basic).toMatchObject({ founded: '2008-06-18', tradingSince: '2020-01-01', registeredCapital: 5000 });
    expect(hx1.classification).toMatchObject({
      nature: 'company',
      grade: 'A',
      creditGrade: 'AA',
      industry: 'it',
      region: '华北',
      route: '北京一线',
      routeOrder: 3,
    });
    expect(hx1.people.map((p) => [p.role, p.name, p.title, p.age])).toEqual([
      ['owner', '王建国', '董事长', 56],
      ['contact', '张伟', '采购主管', null],
    ]);
    // 是 in 基础资料·已核实: the importing custodian is recorded as the verifier.
    expect(hx1.sources.basic).toMatchObject({ source: 'rep_visit', verified: true, verifiedBy: 'keeper' });
    const hx2 = cards.get('HX1002')!;
    expect(hx2.basic).toMatchObject({
      founded: '2012-03-05',
      tradingSince: '2019-07-01',
      registeredCapital: 1200,
      employees: 85,
    });
    expect(hx2.trading).toMatchObject({ creditLimit: 120000, paymentTermsDays: 30 });
    expect(hx2.classification).toMatchObject({ nature: 'partner', grade: 'B', industry: 'wholesale_retail' });
    expect(hx2.sources.basic).toMatchObject({ source: 'customer_form', verified: false, verifiedBy: null });
    expect(hx2.people).toEqual([expect.objectContaining({ role: 'legal_rep', name: '李秀英', age: 48 })]);
    const hx3 = cards.get('HX1003')!;
    expect(hx3.basic).toMatchObject({ founded: '2009-07-06', tradingSince: '2015-09-01' });
    expect(hx3.trading.creditLimit).toBe(80000);
    expect(hx3.classification).toMatchObject({ nature: 'individual', grade: 'C' });
    expect(hx3.people).toEqual([expect.objectContaining({ role: 'contact', name: '王强', phone: '13500003333' })]);
    const hx5 = cards.get('HX1005')!;
    expect(hx5.classification).toMatchObject({ industry: '新能源', region: '西北', route: '西北一线', routeOrder: 1 });

    const dictionary = await fx.ok(custodian, 'classification.dictionaries', {});
    expect(dictionary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ axis: 'region', code: '西北', label: '西北', active: true }),
        expect.objectContaining({ axis: 'route', code: '西北一线', parentCode: '西北' }),
        expect.objectContaining({ axis: 'route', code: '北京一线', parentCode: '华北' }),
        expect.objectContaining({ axis: 'industry', code: '新能源', label: '新能源' }),
      ]),
    );
    // The history says the card came from an import of that file.
    const id = (
      await fx.ok(custodian, 'cards.search', {
        query: 'HX1001',
        filters: {},
        sort: { column: 'code', direction: 'asc' },
        offset: 0,
        limit: 5,
      })
    ).rows[0]!.id;
    const history = await fx.ok(custodian, 'cards.history', { id });
    expect(history).toEqual([expect.objectContaining({ version: 1, kind: 'import', note: 'libreoffice-cards.xlsx' })]);
  });
});
