import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesImportReport } from '../../src-shared/sales/sales';
import { archiveKeyOf, openRaw } from '../support/raw-archive';
import { CUSTODIAN, SALES_FIXTURES, salesLogRows, salesOffice, type SalesOffice } from './sales-support';

const GBK_SALES = join(SALES_FIXTURES, 'erp-sales-gbk.csv');

/** Reads the archive through a second connection with the key, as an auditor with the key could. */
async function withArchive<T>(office: SalesOffice, read: (db: Database.Database) => T): Promise<T> {
  const key = await archiveKeyOf(office.fx.dir, CUSTODIAN.username, CUSTODIAN.password);
  const db = openRaw(office.fx.dir, key);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface StoredLine {
  code: string;
  product: string;
  sold_on: string;
  quantity: number;
  amount_cents: number;
  doc_ref: string;
}

function storedLines(db: Database.Database): StoredLine[] {
  return db
    .prepare(
      `SELECT c.code, p.code AS product, l.sold_on, l.quantity, l.amount_cents, l.doc_ref
         FROM sales_lines l JOIN customers c ON c.id = l.customer_id JOIN products p ON p.id = l.product_id
        ORDER BY l.id`,
    )
    .all() as StoredLine[];
}

function counts(db: Database.Database) {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    lines: n('SELECT count(*) AS n FROM sales_lines'),
    receipts: n('SELECT count(*) AS n FROM receipts'),
    products: n('SELECT count(*) AS n FROM products'),
    imports: n('SELECT count(*) AS n FROM sales_imports'),
  };
}

describe('importing an ERP sales export (GBK CSV)', () => {
  let office: SalesOffice;
  let preview: SalesImportReport;

  beforeAll(async () => {
    office = await salesOffice();
    preview = await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'sales', path: GBK_SALES });
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('reads the GBK file, skips the title row and maps the ERP column names by itself', () => {
    expect(preview).toMatchObject({ kind: 'sales', format: 'csv', encoding: 'gbk', headerRow: 2 });
    expect(preview.columns.map((c) => [c.header, c.target])).toEqual([
      ['单据日期', 'date'],
      ['单据编号', 'docRef'],
      ['行号', 'docLine'],
      ['客户编码', 'customerCode'],
      ['客户名称', 'customerName'],
      ['存货编码', 'productCode'],
      ['存货名称', 'productName'],
      ['存货分类', 'productCategory'],
      ['数量', 'quantity'],
      ['单价', ''],
      ['价税合计', 'amount'],
      ['备注', ''],
    ]);
    expect(preview.columns.every((c) => c.target === '' || c.suggested)).toBe(true);
    expect(preview.preview[0]).toEqual([
      '2026-03-05',
      'XS0001',
      '1',
      'KH001',
      '北京华信商贸有限公司',
      'YL0001',
      '清泉 饮用天然水 550ml×24瓶',
      '饮料',
      '10',
      '28.00',
      '280.00',
      '',
    ]);
  });

  it('reports the accepted rows, their total to the cent, customers, new products and date range', () => {
    expect(preview).toMatchObject({
      totalRows: 13,
      acceptedRows: 7,
      // 280.00 + 2,469.00 + ￥588.00 − (56.00) + 84.3 + 103.5 + 1234.5元
      acceptedCents: 470_330,
      customers: 4,
      newProducts: 4,
      firstDate: '2026-03-05',
      lastDate: '2026-03-09',
      rejectedCount: 6,
      alreadyImported: null,
    });
  });

  it('names every reason a row is refused, by its spreadsheet row number', () => {
    const reasons = new Map(preview.rejected.map((r) => [r.row, r.reasons]));
    expect([...reasons.keys()]).toEqual([9, 10, 11, 12, 13, 14]);
    // A code that is not in the archive is not tried by name: KH999's name is 北京华信's.
    expect(reasons.get(9)).toEqual(['客户编码“KH999”在档案中不存在']);
    expect(reasons.get(10)![0]).toBe(
      '客户名称“湖滨茶庄”对应多张档案卡（KH004、KH005），无法确定是哪一位客户；请改用客户编码',
    );
    expect(reasons.get(11)).toEqual([
      '日期“2026-02-30”无法识别（可写 2024-03-15、2024/3/15、2024.3.15、2024年3月15日 或 Excel 日期）',
      '金额“abc”不是数字',
    ]);
    expect(reasons.get(12)).toEqual(['日期 2026-12-01 晚于今天（2026-11-27）']);
    expect(reasons.get(13)).toEqual(['未填商品编码', '未填数量']);
    expect(reasons.get(14)).toEqual(['单据 XS0001-1 在文件内重复（同一单据行出现两次，只导入第一次）']);
  });

  it('writes nothing in the dry run and logs nothing', async () => {
    expect(await withArchive(office, counts)).toEqual({ lines: 0, receipts: 0, products: 0, imports: 0 });
    expect(await salesLogRows(office)).toEqual([]);
  });

  it('imports the accepted rows: merged cards to the card they went into, archived cards too, products made', async () => {
    const result = await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'sales', path: GBK_SALES });
    expect(result).toMatchObject({ kind: 'sales', lines: 7, amountCents: 470_330, rejectedCount: 6, newProducts: 4 });
    const lines = await withArchive(office, storedLines);
    expect(lines).toEqual([
      {
        code: 'KH001',
        product: 'YL0001',
        sold_on: '2026-03-05',
        quantity: 10,
        amount_cents: 28_000,
        doc_ref: 'XS0001-1',
      },
      {
        code: 'KH001',
        product: 'YL0002',
        sold_on: '2026-03-05',
        quantity: 2,
        amount_cents: 246_900,
        doc_ref: 'XS0001-2',
      },
      {
        code: 'KH002',
        product: 'JL0001',
        sold_on: '2026-03-06',
        quantity: 1,
        amount_cents: 58_800,
        doc_ref: 'XS0002-1',
      },
      {
        code: 'KH003',
        product: 'YL0001',
        sold_on: '2026-03-07',
        quantity: -2,
        amount_cents: -5_600,
        doc_ref: 'TH0001-1',
      },
      // KH009 was merged into KH008, which was merged into KH001.
      {
        code: 'KH001',
        product: 'YL0001',
        sold_on: '2026-03-08',
        quantity: 3,
        amount_cents: 8_430,
        doc_ref: 'XS0003-1',
      },
      {
        code: 'KH010',
        product: 'LY0001',
        sold_on: '2026-03-09',
        quantity: 1.5,
        amount_cents: 10_350,
        doc_ref: 'XS0004-1',
      },
      { code: 'KH002', product: 'YL0002', sold_on: '2026-03-09', quantity: 1, amount_cents: 123_450, doc_ref: '' },
    ]);
    const products = await office.fx.ok(office.custodian, 'sales.products', {});
    // By category, then code.
    expect(products.map((p) => [p.code, p.name, p.category])).toEqual([
      ['LY0001', 'LY0001', '粮油'],
      ['JL0001', '古窖 浓香型白酒 52度', '酒类'],
      ['YL0001', '清泉 饮用天然水 550ml×24瓶', '饮料'],
      ['YL0002', '果园坊 橙汁 1L×12瓶', '饮料'],
    ]);
    const history = await office.fx.ok(office.custodian, 'sales.imports', {});
    expect(history).toEqual([
      {
        id: result.importId,
        kind: 'sales',
        fileName: 'erp-sales-gbk.csv',
        lines: 7,
        amountCents: 470_330,
        firstDate: '2026-03-05',
        lastDate: '2026-03-09',
        at: '2026-11-27T09:00:00.000Z',
        by: 'keeper',
      },
    ]);
  });

  it('logs the import once, with file, counts and total but no row content', async () => {
    const rows = await salesLogRows(office);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'keeper', outcome: 'success', target: GBK_SALES });
    expect(rows[0]!.detail).toBe('erp-sales-gbk.csv：销售明细 7 行，金额 4,703.30 元，未通过 6 行');
    await office.fx.ok(office.auditor, 'app.setLanguage', { language: 'en' });
    const english = await salesLogRows(office);
    await office.fx.ok(office.auditor, 'app.setLanguage', { language: 'zh' });
    expect(english[0]!.detail).toBe('erp-sales-gbk.csv: 7 sales lines, 4,703.30 yuan, 6 rejected');
    for (const secret of ['华信', 'KH001', 'YL0001', '清泉']) expect(rows[0]!.detail).not.toContain(secret);
  });

  it('recognises the same file again, under another name: preview warns, commit refuses and changes nothing', async () => {
    const copy = join(office.fx.dir, '三月销售（副本）.csv');
    copyFileSync(GBK_SALES, copy);
    const again = await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'sales', path: copy });
    const history = await office.fx.ok(office.custodian, 'sales.imports', {});
    expect(again.alreadyImported).toEqual({ at: '2026-11-27T09:00:00.000Z', by: 'keeper', importId: history[0]!.id });
    // Every line with a document number is in the archive already.
    expect(again.acceptedRows).toBe(1);
    expect(again.rejected.find((r) => r.row === 3)!.reasons).toEqual(['单据 XS0001-1 已导入过（在以前导入的文件中）']);
    const before = await withArchive(office, counts);
    const refused = await office.fx.call(office.custodian, 'sales.importCommit', { kind: 'sales', path: copy });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    expect(await withArchive(office, counts)).toEqual(before);
    const rows = await salesLogRows(office);
    expect(rows.at(-1)).toMatchObject({ outcome: 'failure' });
    expect(rows.at(-1)!.detail).toBe('三月销售（副本）.csv：销售明细未导入（ALREADY_IMPORTED）');
    // The same bytes as receipts are another kind of file: no warning there (the mapping refuses it instead).
    const asReceipts = await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'receipts', path: copy });
    expect(asReceipts.alreadyImported).toBeNull();
  });

  it('refuses lines of another file whose document is already in the archive, keeps the product names', async () => {
    const path = join(office.fx.dir, 'april.csv');
    writeFileSync(
      path,
      [
        '单据号,日期,客户编码,商品编码,商品名称,类别,数量,金额',
        'XS0002-1,2026-04-01,KH002,JL0001,改过的名字,别的类别,1,588',
        'XS0100-1,2026-04-02,KH002,JL0001,改过的名字,别的类别,2,"1,176.00"',
        'XS0100-1,2026-04-02,KH003,JL0001,,,1,588',
      ].join('\n'),
    );
    const report = await office.fx.ok(office.custodian, 'sales.importPreview', { kind: 'sales', path });
    expect(report.rejected).toEqual([
      { row: 2, reasons: ['单据 XS0002-1 已导入过（在以前导入的文件中）'] },
      { row: 4, reasons: ['单据 XS0100-1 在文件内重复（同一单据行出现两次，只导入第一次）'] },
    ]);
    const result = await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'sales', path });
    expect(result).toMatchObject({ lines: 1, amountCents: 117_600, rejectedCount: 2, newProducts: 0 });
    const product = (await office.fx.ok(office.custodian, 'sales.products', {})).find((p) => p.code === 'JL0001');
    expect(product).toMatchObject({ name: '古窖 浓香型白酒 52度', category: '酒类' });
  });

  it('sums to the cent what the archive holds', async () => {
    const { total, byImport } = await withArchive(office, (db) => ({
      total: (db.prepare('SELECT sum(amount_cents) AS s FROM sales_lines').get() as { s: number }).s,
      byImport: db.prepare('SELECT lines, amount_cents FROM sales_imports ORDER BY id').all(),
    }));
    expect(total).toBe(470_330 + 117_600);
    expect(byImport).toEqual([
      { lines: 7, amount_cents: 470_330 },
      { lines: 1, amount_cents: 117_600 },
    ]);
  });
});
