import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src-shared/errors';
import {
  FIXTURES,
  importInput,
  importOffice,
  importRows,
  storedCounts,
  withRawArchive,
  workbookParts,
  zipOf,
  type ImportOffice,
  type StoredCounts,
} from './import-support';

const dir = mkdtempSync(join(tmpdir(), 'kedang-bad-import-'));
const at = (name: string) => join(dir, name);
const LIBREOFFICE_XLSX = join(FIXTURES, 'libreoffice-cards.xlsx');

/** Files that are not what an import can read, each with the error the user must see. */
function badFiles(): [string, string, ErrorCode][] {
  const xlsx = readFileSync(LIBREOFFICE_XLSX);
  writeFileSync(at('random.xlsx'), randomBytes(4096));
  writeFileSync(at('picture.csv'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), randomBytes(2000)]));
  writeFileSync(
    at('old.xls'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2000)]),
  );
  writeFileSync(at('truncated.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  const damaged = Buffer.from(xlsx);
  // A byte in the middle of the packed sheet data: the zip's structure is intact, its content is not.
  const middle = Math.floor(damaged.length / 3);
  damaged[middle] = damaged[middle]! ^ 0xff;
  writeFileSync(at('damaged.xlsx'), damaged);
  writeFileSync(at('letter.docx'), zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
  writeFileSync(at('empty.csv'), '');
  writeFileSync(at('header-only.csv'), '客户名称,联系电话\r\n\r\n');
  writeFileSync(at('foreign.csv'), 'date,amount,comment\n2024-01-01,12,x\n');
  writeFileSync(at('open-quote.csv'), '客户名称,地址\n甲,"北京\n乙,上海\n');
  writeFileSync(at('empty-sheet.xlsx'), zipOf(workbookParts([{ name: '客户档案', rows: '' }])));
  mkdirSync(at('a-folder'), { recursive: true });
  // 201 MB without writing them: a sparse file.
  const big = openSync(at('huge.csv'), 'w');
  ftruncateSync(big, 201 * 1024 * 1024);
  closeSync(big);
  writeFileSync(at('too-many-rows.csv'), `客户名称,联系电话\n${'甲,1\n'.repeat(600_000)}`);
  return [
    ['a file that does not exist', at('missing.xlsx'), 'FILE_NOT_FOUND'],
    ['a folder', at('a-folder'), 'FILE_NOT_FOUND'],
    ['random bytes named .xlsx', at('random.xlsx'), 'IMPORT_UNREADABLE'],
    ['a picture named .csv', at('picture.csv'), 'IMPORT_UNREADABLE'],
    ['an old binary .xls', at('old.xls'), 'IMPORT_UNREADABLE'],
    ['half a workbook', at('truncated.xlsx'), 'IMPORT_UNREADABLE'],
    ['a workbook with a damaged byte', at('damaged.xlsx'), 'IMPORT_UNREADABLE'],
    ['a Word document', at('letter.docx'), 'IMPORT_UNREADABLE'],
    ['a CSV with a quote left open', at('open-quote.csv'), 'IMPORT_UNREADABLE'],
    ['an empty file', at('empty.csv'), 'IMPORT_NO_ROWS'],
    ['a workbook with an empty sheet', at('empty-sheet.xlsx'), 'IMPORT_NO_ROWS'],
    ['a header and no rows', at('header-only.csv'), 'IMPORT_NO_ROWS'],
    ['a CSV of something else', at('foreign.csv'), 'IMPORT_NO_HEADER'],
    ['a file over 200 MB', at('huge.csv'), 'IMPORT_TOO_LARGE'],
    ['over 600,000 rows', at('too-many-rows.csv'), 'IMPORT_TOO_LARGE'],
  ];
}

describe('an import that cannot be done changes nothing', () => {
  let office: ImportOffice;
  let before: StoredCounts;
  const cases = badFiles();
  beforeAll(async () => {
    office = await importOffice();
    before = await storedCounts(office);
  });
  afterAll(async () => {
    await office?.fx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases)('%s: a clear message, in the dry run and the import', async (_what, path, code) => {
    const { fx, custodian } = office;
    for (const channel of ['cards.importPreview', 'cards.importCommit', 'cards.importRejections'] as const) {
      const result = await fx.call(custodian, channel, importInput(path, 'update'));
      expect(result.ok ? 'succeeded' : result.error.code).toBe(code);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    }
  });

  it('after all of them the archive holds what it held, and each refused import is logged as refused', async () => {
    const after = await storedCounts(office);
    expect(after).toEqual({ ...before, importLogRows: before.importLogRows + cases.length });
    expect(after.successfulImports).toBe(0);
    const rows = await importRows(office);
    expect(rows.every((r) => r.outcome === 'failure')).toBe(true);
    expect(rows.map((r) => r.detail)).toContain('empty.csv：未导入（IMPORT_NO_ROWS）');
  });

  it('a mapping that is not valid is refused before anything is read into the archive', async () => {
    const { fx, custodian } = office;
    const path = join(FIXTURES, 'erp-customers-gbk.csv');
    const mappings: Record<string, string>[] = [
      { 往来单位名称: 'basic.nickname' },
      { 往来单位名称: 'basic.name', 联系人: 'basic.name' },
      { 往来单位名称: '' },
    ];
    for (const mapping of mappings) {
      const result = await fx.call(custodian, 'cards.importCommit', importInput(path, 'skip', mapping));
      expect(result.ok ? 'ok' : result.error.code).toBe('IMPORT_MAPPING_INVALID');
    }
  });
});

describe('a failure in the middle of an import leaves nothing behind', () => {
  let office: ImportOffice;
  beforeEach(async () => {
    office = await importOffice();
  });
  afterEach(async () => office?.fx.cleanup());

  // The GBK fixture's third good row (C1003) is refused by the database itself, after two cards,
  // their versions and index entries, and two new regions were written in the same transaction.
  it.each([
    [
      'a card the database refuses',
      "CREATE TRIGGER refuse BEFORE INSERT ON customers WHEN NEW.code = 'C1003' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    ],
    [
      'dictionary values the database refuses at the end',
      "CREATE TRIGGER refuse BEFORE INSERT ON dictionary_entries WHEN NEW.code = '华南' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    ],
  ])('%s', async (_what, trigger) => {
    const path = join(FIXTURES, 'erp-customers-gbk.csv');
    await withRawArchive(office, (raw) => raw.exec(trigger));
    const before = await storedCounts(office);
    const { fx, custodian } = office;
    // The dry run does not write, so it cannot see the trigger: it promises three cards.
    expect(await fx.ok(custodian, 'cards.importPreview', importInput(path))).toMatchObject({ toCreate: 3 });
    const result = await fx.call(custodian, 'cards.importCommit', importInput(path));
    expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
    const after = await storedCounts(office);
    expect(after).toEqual({ ...before, importLogRows: before.importLogRows + 1 });
    const rows = await importRows(office);
    expect(rows.at(-1)).toMatchObject({ outcome: 'failure', detail: 'erp-customers-gbk.csv：未导入（INTERNAL）' });
    await withRawArchive(office, (raw) => raw.exec('DROP TRIGGER refuse'));
    // Without the trigger the same import goes through whole.
    expect(await fx.ok(office.custodian, 'cards.importCommit', importInput(path))).toMatchObject({ created: 3 });
  });
});
