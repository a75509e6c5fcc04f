import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesOffice, type SalesOffice } from './sales-support';

describe('the product catalogue', () => {
  let office: SalesOffice;

  beforeAll(async () => {
    office = await salesOffice();
    const csv = join(office.fx.dir, 'sales.csv');
    writeFileSync(
      csv,
      [
        '日期,客户编码,商品编码,商品名称,商品类别,数量,金额',
        '2026-01-05,KH001,YL0001,清泉 饮用水,饮料,1,28',
        '2026-01-06,KH001,YL0001,另一个名字,别的类别,1,28',
        '2026-01-06,KH002,ZP0001,,,1,78',
      ].join('\n'),
    );
    await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'sales', path: csv });
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  const product = async (code: string) =>
    (await office.fx.ok(office.custodian, 'sales.products', {})).find((p) => p.code === code)!;
  const dictionaryLog = async () =>
    (
      await office.fx.ok(office.auditor, 'accessLog.query', {
        filter: { action: 'dictionary_change' },
        offset: 0,
        limit: 100,
      })
    ).rows.sort((a, b) => a.seq - b.seq);

  it('takes a new product from its first line: name from the row (else the code), its category', async () => {
    expect(await product('YL0001')).toMatchObject({ name: '清泉 饮用水', category: '饮料' });
    expect(await product('ZP0001')).toMatchObject({ name: 'ZP0001', category: '' });
  });

  it('renames a product and sets its category, logged with the old and new values', async () => {
    const zp = await product('ZP0001');
    const saved = await office.fx.ok(office.custodian, 'sales.saveProduct', {
      id: zp.id,
      name: '柔云 抽纸',
      category: '纸品',
    });
    expect(saved).toEqual({ id: zp.id, code: 'ZP0001', name: '柔云 抽纸', category: '纸品' });
    expect(await product('ZP0001')).toEqual(saved);
    const log = await dictionaryLog();
    expect(log.map((r) => [r.username, r.target, r.outcome, r.detail])).toEqual([
      ['keeper', 'ZP0001', 'success', '商品 ZP0001：名称 ZP0001 → 柔云 抽纸；商品 ZP0001：类别 — → 纸品'],
    ]);
    // A save that changes nothing writes nothing.
    await office.fx.ok(office.custodian, 'sales.saveProduct', { id: zp.id, name: '柔云 抽纸', category: '纸品' });
    expect(await dictionaryLog()).toHaveLength(1);
  });

  it('keeps the names and categories the office set when a later file names the product otherwise', async () => {
    const csv = join(office.fx.dir, 'later.csv');
    writeFileSync(
      csv,
      ['日期,客户编码,商品编码,商品名称,商品类别,数量,金额', '2026-02-01,KH001,zp0001,ERP 名称,ERP 类别,1,78'].join(
        '\n',
      ),
    );
    const result = await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'sales', path: csv });
    expect(result.newProducts).toBe(0);
    expect(await product('ZP0001')).toMatchObject({ name: '柔云 抽纸', category: '纸品' });
  });

  it('answers PRODUCT_NOT_FOUND for a product that is not there, and refuses an empty name', async () => {
    expect(
      await office.fx.call(office.custodian, 'sales.saveProduct', { id: 9999, name: 'x', category: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PRODUCT_NOT_FOUND', message: '找不到该商品。' },
    });
    const yl = await product('YL0001');
    expect(
      await office.fx.call(office.custodian, 'sales.saveProduct', { id: yl.id, name: '  ', category: '' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
