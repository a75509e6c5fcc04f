import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../src-shared/contracts';
import { archiveKeyOf, openRaw } from '../support/raw-archive';
import { CUSTODIAN, salesLogRows, salesOffice, type SalesOffice } from './sales-support';

/** What the archive holds of sales, read with the key through a second connection. */
async function stored(office: SalesOffice) {
  const key = await archiveKeyOf(office.fx.dir, CUSTODIAN.username, CUSTODIAN.password);
  const db = openRaw(office.fx.dir, key);
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      lines: n('SELECT count(*) AS n FROM sales_lines'),
      products: n('SELECT count(*) AS n FROM products'),
      imports: n('SELECT count(*) AS n FROM sales_imports'),
    };
  } finally {
    db.close();
  }
}

describe('one transaction per import', () => {
  let office: SalesOffice;
  let csv: string;

  beforeAll(async () => {
    office = await salesOffice();
    csv = join(office.fx.dir, 'sales.csv');
    const lines = ['单据编号,行号,日期,客户编码,商品编码,商品名称,数量,金额'];
    for (let i = 1; i <= 500; i++) lines.push(`XS${i},1,2026-06-01,KH002,P${i % 7},商品${i % 7},1,${i}.00`);
    writeFileSync(csv, lines.join('\n'));
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('leaves nothing behind when the archive fails in the middle of an import: no line, product or import row', async () => {
    // A trigger made with the key, as a damaged or full disk would, fails the 300th line's insert.
    const key = await archiveKeyOf(office.fx.dir, CUSTODIAN.username, CUSTODIAN.password);
    const db = openRaw(office.fx.dir, key);
    db.exec(`CREATE TRIGGER test_fail_midway BEFORE INSERT ON sales_lines WHEN NEW.amount_cents = 30000
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    db.close();
    const result = await office.fx.call(office.custodian, 'sales.importCommit', { kind: 'sales', path: csv });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await stored(office)).toEqual({ lines: 0, products: 0, imports: 0 });
    const log = await salesLogRows(office);
    expect(log.map((r) => [r.outcome, r.detail])).toEqual([['failure', 'sales.csv：销售明细未导入（INTERNAL）']]);

    // Once the archive is sound again the same file imports whole: the failed attempt recorded nothing.
    const again = openRaw(office.fx.dir, key);
    again.exec('DROP TRIGGER test_fail_midway');
    again.close();
    const imported = await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'sales', path: csv });
    expect(imported).toMatchObject({ lines: 500, amountCents: ((500 * 501) / 2) * 100, newProducts: 7 });
    expect(await stored(office)).toEqual({ lines: 500, products: 7, imports: 1 });
  });

  it('keeps imported lines as they are: the archive refuses to change or remove them', async () => {
    const key = await archiveKeyOf(office.fx.dir, CUSTODIAN.username, CUSTODIAN.password);
    const db = openRaw(office.fx.dir, key);
    try {
      expect(() => db.exec('UPDATE sales_lines SET amount_cents = 0')).toThrow(/cannot be changed/);
      expect(() => db.exec('DELETE FROM sales_lines')).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });
});

describe('who may import', () => {
  let office: SalesOffice;
  let csv: string;

  beforeAll(async () => {
    office = await salesOffice();
    csv = join(office.fx.dir, 'r.csv');
    writeFileSync(csv, '客户编码,日期,金额\nKH003,2026-01-01,5\n');
    await office.fx.ok(office.custodian, 'sales.importCommit', { kind: 'receipts', path: csv });
  }, 60_000);
  afterAll(() => office.fx.cleanup());

  it('refuses the manager and the rep the import and the catalogue edits, logged as denied', async () => {
    const products = await office.fx.ok(office.custodian, 'sales.products', {});
    const out = join(office.fx.dir, 'x.xlsx');
    const calls: [ChannelName, unknown][] = [
      ['sales.importPreview', { kind: 'receipts', path: csv }],
      ['sales.importCommit', { kind: 'receipts', path: csv }],
      ['sales.importRejections', { kind: 'receipts', path: csv, out }],
      ['sales.saveProduct', { id: products[0]?.id ?? 1, name: '改名', category: '' }],
    ];
    for (const who of [office.manager, office.rep]) {
      for (const [channel, input] of calls) {
        const result = await office.fx.kedang.handle(who, channel, input);
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    // The manager reads the history and the catalogue (for the analyses); the rep does not.
    expect(await office.fx.ok(office.manager, 'sales.imports', {})).toHaveLength(1);
    expect(await office.fx.call(office.rep, 'sales.imports', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await office.fx.call(office.rep, 'sales.products', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const denied = await office.fx.ok(office.auditor, 'accessLog.query', {
      filter: { action: 'access_denied' },
      offset: 0,
      limit: 100,
    });
    expect(denied.rows.length).toBeGreaterThanOrEqual(10);
    expect(await office.fx.ok(office.custodian, 'sales.imports', {})).toHaveLength(1);
  });
});
