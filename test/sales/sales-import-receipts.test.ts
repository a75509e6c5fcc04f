import { closeSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveKeyOf, openRaw } from '../support/raw-archive';
import { CUSTODIAN, SALES_FIXTURES, salesLogRows, salesOffice, type SalesOffice } from './sales-support';

const RECEIPTS_XLSX = join(SALES_FIXTURES, 'erp-receipts.xlsx');

describe('receipts from a LibreOffice workbook', () => {
  let office: SalesOffice;

  beforeAll(async () => {
    office = await salesOffice();
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('reads date cells, a serial number in a plain cell and typed dates; matches by name and credit code', async () => {
    const report = await office.fx.ok(office.custodian, 'sales.importPreview', {
      kind: 'receipts',
      path: RECEIPTS_XLSX,
    });
    expect(report).toMatchObject({ format: 'xlsx', encoding: null, headerRow: 1, totalRows: 6 });
    expect(report.columns.map((c) => c.target)).toEqual([
      'date',
      'docRef',
      'customerName',
      'customerCreditCode',
      'amount',
      '',
    ]);
    expect(report.preview.map((r) => r[0])).toEqual([
      '2026-03-10',
      '46092',
      '2026/3/12',
      '2026-03-13',
      '2026-03-13',
      '2026-03-14',
    ]);
    expect(report).toMatchObject({
      acceptedRows: 4,
      // 2749 + ￥1,822.50 − 100 + 500.00元
      acceptedCents: 497_150,
      customers: 3,
      newProducts: 0,
      firstDate: '2026-03-10',
      lastDate: '2026-03-14',
    });
    // The credit code is the row's first key: shared by two cards, it is ambiguous even though the name is unique.
    expect(report.rejected).toEqual([
      {
        row: 4,
        reasons: [
          '统一社会信用代码“92330106MA2H5N6P0P”对应多张档案卡（KH006、KH007），无法确定是哪一位客户；请改用客户编码',
        ],
      },
      { row: 6, reasons: ['收款金额为 0'] },
    ]);
  });

  it('imports them to the right cards, negative refunds included, and speaks English when asked', async () => {
    const english = office.fx.connection();
    await office.fx.ok(english, 'app.setLanguage', { language: 'en' });
    await office.fx.ok(english, 'auth.login', { username: CUSTODIAN.username, password: CUSTODIAN.password });
    const result = await office.fx.ok(english, 'sales.importCommit', { kind: 'receipts', path: RECEIPTS_XLSX });
    expect(result).toMatchObject({ kind: 'receipts', lines: 4, amountCents: 497_150, rejectedCount: 2 });
    expect(result.rejected[1]).toEqual({ row: 6, reasons: ['the receipt amount is 0'] });
    const key = await archiveKeyOf(office.fx.dir, CUSTODIAN.username, CUSTODIAN.password);
    const db = openRaw(office.fx.dir, key);
    const rows = db
      .prepare(
        `SELECT c.code, r.received_on, r.amount_cents, r.doc_ref FROM receipts r JOIN customers c ON c.id = r.customer_id
          ORDER BY r.id`,
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { code: 'KH001', received_on: '2026-03-10', amount_cents: 274_900, doc_ref: 'SK0001' },
      { code: 'KH002', received_on: '2026-03-11', amount_cents: 182_250, doc_ref: 'SK0002' },
      { code: 'KH010', received_on: '2026-03-13', amount_cents: -10_000, doc_ref: 'SK0004' },
      // 华信商贸北京分公司 (KH008) was merged into KH001.
      { code: 'KH001', received_on: '2026-03-14', amount_cents: 50_000, doc_ref: 'SK0006' },
    ]);
    const log = await salesLogRows(office);
    expect(log.at(-1)!.detail).toBe('erp-receipts.xlsx：回款 4 笔，金额 4,971.50 元，未通过 2 行');
  });
});

describe('column mapping, rejections workbook and refusals', () => {
  let office: SalesOffice;
  let odd: string;

  beforeAll(async () => {
    office = await salesOffice();
    odd = join(office.fx.dir, 'odd.csv');
    writeFileSync(
      odd,
      [
        '户头,货号,日子,件数,钱,票号',
        'KH003,P1,2026-05-01,2,20.00,A1',
        'KH003,P1,2026-05-02,x,20.00,A2',
        '湖滨茶庄,P1,2026-05-03,1,10.00,A3',
      ].join('\n'),
    );
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('takes an explicit mapping of columns no ERP name gives away', async () => {
    const mapping = { 户头: 'customerCode', 货号: 'productCode', 日子: 'date', 件数: 'quantity', 钱: 'amount' };
    const report = await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'sales', path: odd, mapping });
    expect(report.columns.map((c) => [c.header, c.target, c.suggested])).toEqual([
      ['户头', 'customerCode', false],
      ['货号', 'productCode', false],
      ['日子', 'date', false],
      ['件数', 'quantity', false],
      ['钱', 'amount', false],
      ['票号', '', false],
    ]);
    expect(report.acceptedRows).toBe(1);
    expect(report.rejected.map((r) => [r.row, r.reasons])).toEqual([
      [3, ['数量“x”不是数字']],
      [4, ['客户编码“湖滨茶庄”在档案中不存在']],
    ]);
  });

  it('refuses a mapping that misses what a row needs or names what the kind has not, and writes nothing', async () => {
    const call = (mapping: Record<string, string>, kind: 'sales' | 'receipts' = 'sales') =>
      office.fx.call(office.custodian, 'sales.importPreview', { kind, path: odd, mapping });
    const base = { 户头: 'customerCode', 货号: 'productCode', 日子: 'date', 件数: 'quantity', 钱: 'amount' };
    for (const mapping of [
      { ...base, 钱: '' },
      { ...base, 件数: '' },
      { ...base, 户头: 'grade' },
      { ...base, 票号: 'amount' },
      { ...base, 票号: 'docLine' },
    ]) {
      const result = await call(mapping);
      expect(result, JSON.stringify(mapping)).toMatchObject({ ok: false, error: { code: 'SALES_MAPPING_INVALID' } });
      if (!result.ok) expect(result.error.message).toContain('列对应不正确');
    }
    expect(await call(base, 'receipts')).toMatchObject({ ok: false, error: { code: 'SALES_MAPPING_INVALID' } });
    // A file none of whose columns are known has no header to map.
    expect(await office.fx.call(office.custodian, 'sales.importPreview', { kind: 'sales', path: odd })).toMatchObject({
      ok: false,
      error: { code: 'SALES_MAPPING_INVALID' },
    });
    const commit = await office.fx.call(office.custodian, 'sales.importCommit', {
      kind: 'sales',
      path: odd,
      mapping: { ...base, 钱: '' },
    });
    expect(commit).toMatchObject({ ok: false, error: { code: 'SALES_MAPPING_INVALID' } });
    expect(await office.fx.ok(office.custodian, 'sales.imports', {})).toEqual([]);
    expect((await salesLogRows(office)).at(-1)).toMatchObject({ outcome: 'failure' });
  });

  it('refuses to record an import of which no row can be taken', async () => {
    const none = join(office.fx.dir, 'none.csv');
    writeFileSync(none, '客户编码,日期,金额\nKH999,2026-01-01,5\n');
    const result = await office.fx.call(office.custodian, 'sales.importCommit', { kind: 'receipts', path: none });
    expect(result).toMatchObject({ ok: false, error: { code: 'SALES_NOTHING_ACCEPTED' } });
    expect(await office.fx.ok(office.custodian, 'sales.imports', {})).toEqual([]);
    // The same file can be imported once its customer exists: nothing of it was recorded.
    expect(
      (await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'receipts', path: none })).alreadyImported,
    ).toBeNull();
  });

  it('saves every rejected row with its row number and reasons to a workbook, and logs it', async () => {
    const mapping = { 户头: 'customerCode', 货号: 'productCode', 日子: 'date', 件数: 'quantity', 钱: 'amount' };
    const out = join(office.fx.dir, 'exports', '未通过.xlsx');
    const saved = await office.fx.ok(office.custodian, 'sales.importRejections', {
      kind: 'sales',
      path: odd,
      mapping,
      out,
    });
    expect(saved).toEqual({ path: out, rows: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['户头', '货号', '日子', '件数', '钱', '票号', '行号', '原因']);
    expect(values(2)).toEqual(['KH003', 'P1', '2026-05-02', 'x', '20.00', 'A2', 3, '数量“x”不是数字']);
    expect(values(3)).toEqual([
      '湖滨茶庄',
      'P1',
      '2026-05-03',
      '1',
      '10.00',
      'A3',
      4,
      '客户编码“湖滨茶庄”在档案中不存在',
    ]);
    expect((await salesLogRows(office)).at(-1)).toMatchObject({
      outcome: 'success',
      target: out,
      detail: 'odd.csv：保存未通过的 2 行',
    });
    // Never over the archive itself, and only to an absolute path.
    for (const bad of [join(office.fx.dir, 'archive.kedang'), 'relative.xlsx']) {
      const refused = await office.fx.call(office.custodian, 'sales.importRejections', {
        kind: 'sales',
        path: odd,
        mapping,
        out: bad,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('words every other reason a row is refused, in Chinese and in English', async () => {
    const receipts = join(office.fx.dir, 'reasons.csv');
    writeFileSync(
      receipts,
      [
        '客户编码,统一社会信用代码,客户名称,日期,金额,单据号',
        ',,,2026-01-01,1,R1',
        ',91110000MA00000000,,2026-01-01,1,R2',
        ',,不存在的客户,2026-01-01,1,R3',
        'KH003,,,,1,R4',
        'KH003,,,2026-01-01,,R5',
        'KH003,,,2026-01-01,"10,000,000,000.01",R6',
        `KH003,,,2026-01-01,1,${'R'.repeat(101)}`,
      ].join('\n'),
    );
    const sales = join(office.fx.dir, 'reasons-sales.csv');
    writeFileSync(sales, ['客户编码,商品编码,日期,数量,金额', `KH003,${'P'.repeat(61)},2026-01-01,1,1`].join('\n'));
    const reasons = async (language: 'zh' | 'en') => {
      const connection = office.fx.connection();
      await office.fx.ok(connection, 'app.setLanguage', { language });
      await office.fx.ok(connection, 'auth.login', { username: CUSTODIAN.username, password: CUSTODIAN.password });
      const r = await office.fx.ok(connection, 'sales.importPreview', { kind: 'receipts', path: receipts });
      const s = await office.fx.ok(connection, 'sales.importPreview', { kind: 'sales', path: sales });
      await office.fx.ok(connection, 'auth.logout', {});
      return [...r.rejected, ...s.rejected].map((x) => x.reasons.join(' | '));
    };
    expect(await reasons('zh')).toEqual([
      '未填客户（客户编码、统一社会信用代码或客户名称）',
      '统一社会信用代码“91110000MA00000000”在档案中不存在',
      '客户名称“不存在的客户”在档案中不存在（按名称须完全一致）',
      '未填日期',
      '未填金额',
      '金额“10,000,000,000.01”超出范围（每行不超过 100 亿元）',
      '单据号超过 100 个字符',
      '商品编码超过 60 个字符',
    ]);
    expect(await reasons('en')).toEqual([
      'no customer (customer code, credit code or name)',
      'credit code "91110000MA00000000" is not in the archive',
      'customer name "不存在的客户" is not in the archive (names must match exactly)',
      'no date',
      'no amount',
      'amount "10,000,000,000.01" out of range (at most 10 billion yuan a line)',
      'document number longer than 100 characters',
      'product code longer than 60 characters',
    ]);
  });

  it('refuses a file over 1 GB or over 5,000,000 rows before reading it into the archive', async () => {
    const huge = join(office.fx.dir, 'huge.csv');
    writeFileSync(huge, '客户编码,日期,金额\n');
    // A sparse file: its size is what counts, and it takes no disk.
    truncateSync(huge, 1024 ** 3 + 1);
    expect(
      await office.fx.call(office.custodian, 'sales.importPreview', { kind: 'receipts', path: huge }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SALES_IMPORT_TOO_LARGE', message: '文件过大（超过 5,000,000 行或 1 GB），请分批导入。' },
    });
    const long = join(office.fx.dir, 'long.csv');
    const fd = openSync(long, 'w');
    writeSync(fd, '客户编码,日期,金额\n');
    const rows = 'KH003,2026-01-01,1\n'.repeat(100_000);
    for (let i = 0; i < 50; i++) writeSync(fd, rows);
    closeSync(fd);
    expect(readFileSync(long).length).toBeGreaterThan(5_000_000);
    const result = await office.fx.call(office.custodian, 'sales.importCommit', { kind: 'receipts', path: long });
    expect(result).toMatchObject({ ok: false, error: { code: 'SALES_IMPORT_TOO_LARGE' } });
    expect(await office.fx.ok(office.custodian, 'sales.imports', {})).toEqual([]);
  }, 60_000);
});
