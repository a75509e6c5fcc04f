import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullCard } from '../support/card-samples';
import { cardsByCode, importInput, importOffice, type ImportOffice } from './import-support';

const CREDIT = '91350100M000100Y43';
const dir = mkdtempSync(join(tmpdir(), 'kedang-dup-'));
const file = join(dir, '客户更新.csv');
writeFileSync(
  file,
  [
    '客户编码,客户名称,统一社会信用代码,联系电话,地址,传真',
    // Row 2: the same code as an archive card.
    `A001,北京华信科技有限公司,,010-1111 2222,,`,
    // Row 3: no code; the name without its legal-form words is an archive card's.
    ',上海远大贸易（集团）有限公司,,021-3333 4444,,',
    // Row 4: no code; the credit code is an archive card's.
    `,华信北京分部,${CREDIT},,,`,
    // Row 5: a new customer; row 6 repeats it.
    'B001,广州新客户有限公司,,020-5555 6666,广州市天河区,',
    'B001,广州新客户有限公司,,,,020-5555 7777',
  ].join('\r\n'),
);

describe('rows that are already in the archive, or earlier in the file', () => {
  let office: ImportOffice;
  beforeEach(async () => {
    office = await importOffice();
    const { fx, custodian } = office;
    await fx.ok(custodian, 'cards.create', { content: fullCard({ code: 'A001', creditCode: CREDIT }) });
    const second = fullCard({ code: 'A002', name: '上海远大贸易有限公司', creditCode: '', phone: '021-0000 0000' });
    await fx.ok(custodian, 'cards.create', { content: second, acceptDuplicates: true });
  });
  afterEach(async () => office?.fx.cleanup());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are matched by code, then credit code, then name, and skipped', async () => {
    const { fx, custodian } = office;
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(file, 'skip'));
    expect(report).toMatchObject({ totalRows: 5, toCreate: 1, toUpdate: 0, toSkip: 4, rejectedCount: 0 });
    expect(report.duplicates.map((d) => [d.row, d.matchedBy, d.cardCode, d.matchedRow])).toEqual([
      [2, 'code', 'A001', null],
      [3, 'name', 'A002', null],
      [4, 'creditCode', 'A001', null],
      [6, 'code', 'B001', 5],
    ]);
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(file, 'skip'));
    expect(result).toMatchObject({ created: 1, updated: 0, skipped: 4 });
    const cards = await cardsByCode(office);
    expect([...cards.keys()]).toEqual(['A001', 'A002', 'B001']);
    expect(cards.get('A001')!.basic.phone).toBe('010-8821 3456');
    expect(cards.get('B001')!.basic).toMatchObject({ phone: '020-5555 6666', fax: '' });
  });

  it('update the matched cards with the values the file gives, keeping what its blank cells do not say', async () => {
    const { fx, custodian } = office;
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(file, 'update'));
    expect(report).toMatchObject({ toCreate: 1, toUpdate: 4, toSkip: 0, unchanged: 0 });
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(file, 'update'));
    expect(result).toMatchObject({ created: 1, updated: 4, skipped: 0 });
    const cards = await cardsByCode(office);
    const a1 = cards.get('A001')!;
    // Row 2 changed the phone, row 4 the name; the address (blank in the file) and the people stay.
    expect(a1.basic).toMatchObject({ name: '华信北京分部', phone: '010-1111 2222' });
    expect(a1.basic.address).toBe(fullCard().basic.address);
    expect(a1.people).toEqual(fullCard().people);
    expect(a1.sources.basic).toMatchObject({ verified: true, verifiedBy: 'keeper' });
    expect(cards.get('A002')!.basic).toMatchObject({ name: '上海远大贸易（集团）有限公司', phone: '021-3333 4444' });
    // Row 6 updates the card row 5 created: both values are there.
    expect(cards.get('B001')!.basic).toMatchObject({ phone: '020-5555 6666', fax: '020-5555 7777' });

    const search = (query: string) =>
      fx.ok(custodian, 'cards.search', {
        query,
        filters: {},
        sort: { column: 'code', direction: 'asc' },
        offset: 0,
        limit: 10,
      });
    const a1Id = (await search('A001')).rows[0]!.id;
    const history = await fx.ok(custodian, 'cards.history', { id: a1Id });
    expect(history.map((v) => [v.version, v.kind])).toEqual([
      [3, 'import'],
      [2, 'import'],
      [1, 'create'],
    ]);
    // The renamed card is found by its new name: the index was rebuilt.
    expect((await search('北京分部')).rows.map((r) => r.code)).toEqual(['A001']);

    // The same file again: rows 2 and 4 both name A001, so replaying them renames it twice more;
    // the other three rows find their cards as the file says and are reported unchanged.
    const again = await fx.ok(custodian, 'cards.importCommit', importInput(file, 'update'));
    expect(again).toMatchObject({ created: 0, updated: 2, unchanged: 3, skipped: 3 });
    expect((await fx.ok(custodian, 'cards.history', { id: a1Id })).length).toBe(5);
  });

  it('drop the verification of customer-filled data that an update changes', async () => {
    const { fx, custodian } = office;
    const card = fullCard({ code: 'C001', name: '杭州客填数据有限公司', creditCode: '', phone: '0571-1' });
    card.sources.basic = { source: 'customer_form', verified: true, verifiedBy: null, verifiedAt: null };
    await fx.ok(custodian, 'cards.create', { content: card, acceptDuplicates: true });
    const update = join(dir, '客填更新.csv');
    writeFileSync(update, '客户编码,客户名称,联系电话\r\nC001,杭州客填数据有限公司,0571-2\r\n');
    const result = await fx.ok(custodian, 'cards.importCommit', importInput(update, 'update'));
    expect(result).toMatchObject({ updated: 1 });
    const c1 = (await cardsByCode(office)).get('C001')!;
    expect(c1.basic.phone).toBe('0571-2');
    expect(c1.sources.basic).toMatchObject({ source: 'customer_form', verified: false, verifiedBy: null });
    // The business section (agency, verified) was not touched and keeps its mark.
    expect(c1.sources.business).toMatchObject({ verified: true });
  });

  it('are created anyway in new mode, except where the customer code is taken', async () => {
    const { fx, custodian } = office;
    const report = await fx.ok(custodian, 'cards.importPreview', importInput(file, 'new'));
    expect(report).toMatchObject({ toCreate: 3, rejectedCount: 2 });
    expect(report.rejected).toEqual([
      { row: 2, reasons: ['该客户编码已被另一张卡使用。'] },
      { row: 6, reasons: ['该客户编码已被另一张卡使用。'] },
    ]);
    // The likely duplicates are still pointed out.
    expect(report.duplicates.map((d) => [d.row, d.matchedBy])).toEqual(
      expect.arrayContaining([
        [3, 'name'],
        [4, 'creditCode'],
      ]),
    );
    await fx.ok(custodian, 'cards.importCommit', importInput(file, 'new'));
    const cards = await cardsByCode(office);
    // Rows without a code get the next generated codes, after the archive's highest card number.
    expect([...cards.keys()]).toEqual(['A001', 'A002', 'B001', 'KH000003', 'KH000004']);
    expect(cards.get('KH000003')!.basic.name).toBe('上海远大贸易（集团）有限公司');
    expect(cards.get('KH000004')!.basic.creditCode).toBe(CREDIT);
  });
});
