import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesImportReport, SalesImportResult } from '../../src-shared/sales/sales';
import { runCli } from '../../src-main/cli/run';
import { TEST_KDF } from '../support/office-fixture';
import { CUSTODIAN, SALES_FIXTURES, salesOffice, type SalesOffice } from '../sales/sales-support';
import { captureIo } from './io';

const RECEIPTS_XLSX = join(SALES_FIXTURES, 'erp-receipts.xlsx');

/** `kedang import sales|receipts` on a real archive, as a custodian at a terminal would. */
describe('kedang import sales / receipts', () => {
  let office: SalesOffice;
  let salesCsv: string;
  const cli = async (argv: string[], stdin = `${CUSTODIAN.password}\n`) => {
    const io = captureIo(stdin);
    const code = await runCli([...argv, '--data-dir', office.fx.dir], io, { kdf: TEST_KDF, env: {} });
    return { code, io };
  };
  const asKeeper = ['--user', CUSTODIAN.username, '--password-stdin'];
  const history = async () => {
    const { io } = await cli(['import', 'sales', salesCsv, '--dry-run', '--json', ...asKeeper]);
    return (io.json() as { report: SalesImportReport }).report.alreadyImported;
  };

  beforeAll(async () => {
    office = await salesOffice();
    await office.fx.kedang.close();
    salesCsv = join(office.fx.dir, '销售明细.csv');
    // Dates well in the past: the CLI runs on the real clock.
    writeFileSync(
      salesCsv,
      [
        '单据号,行号,开票日期,客户代码,物料编码,物料名称,产品类别,数量,本币金额',
        'XS1,1,2025/1/5,KH001,A-01,甲产品,原料,10,"1,000.00"',
        'XS1,2,2025/1/5,KH001,A-02,乙产品,原料,1,99.99',
        'XS2,1,2025年1月6日,KH999,A-01,,,1,10',
        'XS3,1,2025-01-07,KH002,A-01,,,-1,(100.00)',
      ].join('\r\n'),
    );
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('--dry-run --json prints the report with the automatic mapping and writes nothing', async () => {
    const { code, io } = await cli(['import', 'sales', salesCsv, '--dry-run', '--json', ...asKeeper]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = io.json() as { ok: boolean; dryRun: boolean; report: SalesImportReport };
    expect(out).toMatchObject({
      ok: true,
      dryRun: true,
      report: { encoding: 'utf-8', acceptedRows: 3, acceptedCents: 99_999, rejectedCount: 1, newProducts: 2 },
    });
    expect(out.report.columns.map((c) => c.target)).toEqual([
      'docRef',
      'docLine',
      'date',
      'customerCode',
      'productCode',
      'productName',
      'productCategory',
      'quantity',
      'amount',
    ]);
    expect(out.report.rejected).toEqual([{ row: 4, reasons: ['客户编码“KH999”在档案中不存在'] }]);
    expect(await history()).toBeNull();
  });

  it('the dry run for people lists the mapping, the counts and each rejected row in the asked language', async () => {
    const { code, io } = await cli(['import', 'sales', salesCsv, '--dry-run', '--lang', 'en', ...asKeeper]);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('File 销售明细.csv (csv, utf-8), header in row 1.');
    expect(out).toContain('  物料编码 → Product code');
    expect(out).toContain(
      '4 rows: 3 to import, 999.99 yuan, 2 customers, 2 new products, dates 2025-01-05 to 2025-01-07; 1 rejected.',
    );
    expect(out).toContain('Row 4: customer code "KH999" is not in the archive');
    expect(out).toContain('Dry run: nothing was written.');
  });

  it('imports once; the same file again is refused with exit code 1 and nothing changes', async () => {
    const first = await cli(['import', 'sales', salesCsv, '--json', ...asKeeper]);
    expect(first.code).toBe(0);
    const result = (first.io.json() as { result: SalesImportResult }).result;
    expect(result).toMatchObject({ kind: 'sales', lines: 3, amountCents: 99_999, rejectedCount: 1, newProducts: 2 });
    expect(await history()).toMatchObject({ by: CUSTODIAN.username, importId: result.importId });
    const again = await cli(['import', 'sales', salesCsv, '--json', ...asKeeper]);
    expect(again.code).toBe(1);
    expect(again.io.json()).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    const human = await cli(['import', 'sales', salesCsv, ...asKeeper]);
    expect(human.code).toBe(1);
    expect(human.io.err()).toContain('这个文件已经导入过，再次导入会重复计算，未做任何更改。');
  });

  it('imports receipts from a LibreOffice xlsx and says so for people', async () => {
    const { code, io } = await cli(['import', 'receipts', RECEIPTS_XLSX, ...asKeeper]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('已导入回款 4 行，金额 4,971.50 元；未通过 2 行；新商品 0 种');
  });

  it('--mapping names the columns the automatic mapping does not know', async () => {
    const csv = join(office.fx.dir, 'odd.csv');
    writeFileSync(csv, '户头,货号,日子,件数,钱\nKH003,A-01,2025-02-01,2,20\n');
    const mapping = join(office.fx.dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ 户头: 'customerCode', 货号: 'productCode', 日子: 'date', 件数: 'quantity', 钱: 'amount' }),
    );
    const { code, io } = await cli(['import', 'sales', csv, '--mapping', mapping, '--json', ...asKeeper]);
    expect(code).toBe(0);
    expect((io.json() as { result: SalesImportResult }).result).toMatchObject({ lines: 1, amountCents: 2000 });
    const bad = join(office.fx.dir, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ 户头: 'customerCode', 货号: 'productCode', 日子: 'date', 件数: 'quantity' }));
    const refused = await cli(['import', 'sales', csv, '--mapping', bad, '--dry-run', '--json', ...asKeeper]);
    expect(refused.code).toBe(1);
    expect(refused.io.json()).toMatchObject({ ok: false, error: { code: 'SALES_MAPPING_INVALID' } });
  });

  it('is for the custodian only, and a wrong command line is a usage error', async () => {
    const manager = await cli(
      ['import', 'sales', salesCsv, '--dry-run', '--json', '--user', 'boss', '--password-stdin'],
      'boss-Pass-2026\n',
    );
    expect(manager.code).toBe(1);
    expect(manager.io.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await cli(['import', 'sales', ...asKeeper])).code).toBe(2);
    expect((await cli(['import', 'orders', salesCsv, ...asKeeper])).code).toBe(2);
    expect((await cli(['import', 'sales', salesCsv, '--duplicates', 'new', ...asKeeper])).code).toBe(2);
  });
});
