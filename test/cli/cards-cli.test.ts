import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardImportReport, CardImportResult } from '../../src-shared/cards/import-report';
import { runCli } from '../../src-main/cli/run';
import { createKedang } from '../../src-main/kedang';
import { newConnection } from '../../src-main/router/connection';
import { captureIo } from './io';

const KDF = { N: 1024, r: 8, p: 1 };
const ADMIN_PW = 'Admin-pass-2026';
const KEEPER_PW = 'Keeper-pass-2026';
const GBK_CSV = join(__dirname, '..', 'fixtures', 'import', 'erp-customers-gbk.csv');

/** `kedang import cards` and `kedang export cards` on a real archive, as a custodian at a terminal would. */
describe('kedang import cards / export cards', () => {
  let dir: string;
  let dataDir: string;
  const cli = async (argv: string[], stdin = `${KEEPER_PW}\n`) => {
    const io = captureIo(stdin);
    const code = await runCli([...argv, '--data-dir', dataDir], io, { kdf: KDF, env: {} });
    return { code, io };
  };
  const asKeeper = ['--user', 'keeper', '--password-stdin'];
  const cardCount = async () => {
    const out = join(dir, `count-${Date.now()}.xlsx`);
    const { io } = await cli(['export', 'cards', '--out', out, ...asKeeper, '--json']);
    return (io.json() as { export: { rows: number } }).export.rows;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-cards-cli-'));
    dataDir = join(dir, 'data');
    const init = await cli(
      ['init', '--archive-name', '档案', '--user', 'admin', '--display-name', '王管理', '--password-stdin'],
      `${ADMIN_PW}\n`,
    );
    expect(init.code).toBe(0);
    const kedang = createKedang({
      dataDir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: KDF,
    });
    try {
      const admin = newConnection('test');
      await kedang.handle(admin, 'auth.login', { username: 'admin', password: ADMIN_PW });
      await kedang.handle(admin, 'users.create', {
        username: 'keeper',
        displayName: '张档案',
        roles: ['custodian'],
        temporaryPassword: 'Temporary-1234',
      });
      const keeper = newConnection('test');
      await kedang.handle(keeper, 'auth.login', { username: 'keeper', password: 'Temporary-1234' });
      const changed = await kedang.handle(keeper, 'auth.changePassword', {
        currentPassword: 'Temporary-1234',
        newPassword: KEEPER_PW,
      });
      expect(changed.ok).toBe(true);
    } finally {
      await kedang.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--dry-run --json prints the report and writes nothing', async () => {
    const { code, io } = await cli(['import', 'cards', GBK_CSV, '--dry-run', '--json', ...asKeeper]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = io.json() as { ok: boolean; dryRun: boolean; report: CardImportReport };
    expect(out).toMatchObject({ ok: true, dryRun: true, report: { encoding: 'gbk', toCreate: 3, rejectedCount: 1 } });
    expect(out.report.rejected[0]!.row).toBe(5);
    expect(await cardCount()).toBe(0);
  });

  it('the dry run for people lists the mapping, the counts and each rejected row with its reasons', async () => {
    const { code, io } = await cli(['import', 'cards', GBK_CSV, '--dry-run', '--lang', 'en', ...asKeeper]);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('File erp-customers-gbk.csv (csv, gbk), header in row 1.');
    expect(out).toContain('  往来单位名称 → Name');
    expect(out).toContain('  备注 → (ignored)');
    expect(out).toContain('4 rows: 3 to create, 0 to update, 0 unchanged, 0 skipped, 1 rejected.');
    expect(out).toMatch(/Row 5: .*Credit limit \(CNY\): must be a number/);
    expect(out).toContain('Dry run: nothing was written.');
  });

  it('without --dry-run imports, and --duplicates decides what a second run does', async () => {
    const first = await cli(['import', 'cards', GBK_CSV, '--json', ...asKeeper]);
    expect(first.code).toBe(0);
    expect((first.io.json() as { result: CardImportResult }).result).toMatchObject({ created: 3, rejectedCount: 1 });
    expect(await cardCount()).toBe(3);
    const again = await cli(['import', 'cards', GBK_CSV, '--duplicates', 'new', '--json', ...asKeeper]);
    // Every good row's code is now taken.
    expect((again.io.json() as { result: CardImportResult }).result).toMatchObject({ created: 0, rejectedCount: 4 });
    const human = await cli(['import', 'cards', GBK_CSV, '--duplicates', 'skip', ...asKeeper]);
    expect(human.io.out()).toContain('已导入：新建 0，更新 0，跳过 3，未通过 1。');
  });

  it('--mapping names columns the import does not know', async () => {
    const csv = join(dir, 'odd.csv');
    writeFileSync(csv, '户名,手机号码,片区\n杭州湖滨茶庄,13905710000,华东\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 户名: 'basic.name', 手机号码: 'basic.phone' }));
    const { code, io } = await cli(['import', 'cards', csv, '--mapping', mapping, '--json', ...asKeeper]);
    expect(code).toBe(0);
    const result = (io.json() as { result: CardImportResult }).result;
    expect(result.columns.map((c) => [c.header, c.target, c.suggested])).toEqual([
      ['户名', 'basic.name', false],
      ['手机号码', 'basic.phone', false],
      ['片区', 'classification.region', true],
    ]);
    expect(result.created).toBe(1);
  });

  it('export cards --out writes the workbook, which imports back unchanged', async () => {
    const out = join(dir, 'exports', '客户档案.xlsx');
    const exported = await cli(['export', 'cards', '--out', out, ...asKeeper]);
    expect(exported.io.err()).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.io.out()).toContain(`已导出 4 张卡到 ${out}`);
    expect(existsSync(out)).toBe(true);
    const back = await cli(['import', 'cards', out, '--duplicates', 'update', '--dry-run', '--json', ...asKeeper]);
    expect((back.io.json() as { report: CardImportReport }).report).toMatchObject({
      totalRows: 4,
      unchanged: 4,
      toUpdate: 0,
      toCreate: 0,
      rejectedCount: 0,
    });
  });

  it('a bad mapping file, a missing file and a wrong role fail with exit 1 and a clear error', async () => {
    const badMapping = join(dir, 'bad.json');
    writeFileSync(badMapping, '["客户名称"]');
    const mapped = await cli(['import', 'cards', GBK_CSV, '--mapping', badMapping, '--json', ...asKeeper]);
    expect(mapped.code).toBe(1);
    expect(mapped.io.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await cli(['import', 'cards', join(dir, 'nope.xlsx'), ...asKeeper]);
    expect(missing.code).toBe(1);
    expect(missing.io.err()).toBe('错误：找不到指定的文件。\n');
    const admin = await cli(
      ['import', 'cards', GBK_CSV, '--user', 'admin', '--password-stdin', '--json'],
      `${ADMIN_PW}\n`,
    );
    expect(admin.code).toBe(1);
    expect(admin.io.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    [['import', 'cards']],
    [['import', 'users', 'f.csv']],
    [['import', 'cards', 'f.csv', '--duplicates', 'maybe']],
    [['export', 'cards']],
    [['backup', '--out', 'b', '--dry-run']],
    [['export', 'cards', '--out', 'x.xlsx', '--mapping', 'm.json']],
  ])('%j is a usage error (exit 2)', async (argv) => {
    const { code, io } = await cli(argv);
    expect(code).toBe(2);
    expect(io.err()).toContain('import cards');
  });
});
