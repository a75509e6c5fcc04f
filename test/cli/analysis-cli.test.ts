import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreditAnalysis,
  GradeAnalysis,
  ProductAnalysis,
  RegionAnalysis,
} from '../../src-shared/analysis/analysis';
import { runCli } from '../../src-main/cli/run';
import { createKedang, type Kedang } from '../../src-main/kedang';
import { newConnection, type Connection } from '../../src-main/router/connection';
import { namedCard } from '../support/card-samples';
import { archiveKeyOf, openRaw } from '../support/raw-archive';
import { captureIo } from './io';

const KDF = { N: 1024, r: 8, p: 1 };
const ADMIN_PW = 'Admin-pass-2026';
const BOSS_PW = 'Boss-pass-2026';
const REP_PW = 'Rep-pass-2026';

/** `kedang analysis …` on a real archive with a few customers and sales lines, as a manager at a terminal. */
describe('kedang analysis', () => {
  let dir: string;
  let dataDir: string;
  const ids: Record<string, number> = {};
  const cli = async (argv: string[], stdin = `${BOSS_PW}\n`) => {
    const io = captureIo(stdin);
    const code = await runCli([...argv, '--data-dir', dataDir], io, { kdf: KDF, env: {} });
    return { code, io };
  };
  const asBoss = ['--user', 'boss', '--password-stdin'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-analysis-cli-'));
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
    const must = async (connection: Connection, channel: string, input: unknown) => {
      const result = await kedang.handle(connection, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value;
    };
    const user = async (k: Kedang, username: string, role: string, password: string) => {
      const admin = newConnection('test');
      await must(admin, 'auth.login', { username: 'admin', password: ADMIN_PW });
      await must(admin, 'users.create', {
        username,
        displayName: username,
        roles: [role],
        temporaryPassword: 'Temporary-1234',
      });
      const own = newConnection('test');
      await must(own, 'auth.login', { username, password: 'Temporary-1234' });
      await must(own, 'auth.changePassword', { currentPassword: 'Temporary-1234', newPassword: password });
      return own;
    };
    try {
      const keeper = await user(kedang, 'keeper', 'custodian', 'Keeper-pass-2026');
      await user(kedang, 'boss', 'manager', BOSS_PW);
      await user(kedang, 'sales.rep', 'rep', REP_PW);
      for (const [name, grade, creditGrade, limit] of [
        ['华信商贸', 'A', 'AA', 1000],
        ['东方百货', 'B', 'C', 100],
        ['个体户陈记', '', '', null],
      ] as const) {
        const content = namedCard(name);
        content.classification = { ...content.classification, grade, creditGrade };
        content.trading = { ...content.trading, creditLimit: limit };
        ids[name] = ((await must(keeper, 'cards.create', { content, acceptDuplicates: true })) as { id: number }).id;
      }
    } finally {
      await kedang.close();
    }
    const raw = openRaw(dataDir, await archiveKeyOf(dataDir, 'admin', ADMIN_PW));
    try {
      raw.exec(
        `INSERT INTO products (code, name, category, created_at) VALUES ('P1', '橙汁', '饮料', '2026-01-01'), ('P2', '大米', '粮油', '2026-01-01')`,
      );
      raw.exec(`INSERT INTO sales_imports (kind, file_name, file_hash, lines, amount_cents, at, by_username)
        VALUES ('sales', 's.csv', 'h1', 0, 0, '2026-07-01', 'keeper'), ('receipts', 'r.csv', 'h2', 0, 0, '2026-07-01', 'keeper')`);
      const line = raw.prepare(
        'INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, import_id) VALUES (?, ?, ?, ?, ?, 1)',
      );
      line.run(ids['华信商贸'], 1, '2026-01-01', 10, 300_000);
      line.run(ids['华信商贸'], 2, '2026-06-30', 5, 100_050);
      line.run(ids['东方百货'], 1, '2026-03-15', 2, 99_950);
      line.run(ids['个体户陈记'], 2, '2026-07-01', 1, 50_000);
      raw
        .prepare('INSERT INTO receipts (customer_id, received_on, amount_cents, import_id) VALUES (?, ?, ?, 2)')
        .run(ids['华信商贸'], '2026-06-01', 250_000);
    } finally {
      raw.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('grade --json prints the analysis the window gets', async () => {
    const { code, io } = await cli([
      'analysis',
      'grade',
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--json',
      ...asBoss,
    ]);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = io.json() as { ok: boolean; analysis: GradeAnalysis };
    expect(out.ok).toBe(true);
    expect(out.analysis.totalCents).toBe(500_000);
    expect(out.analysis.groups.map((g) => [g.key, g.customers, g.cents, g.shareBp])).toEqual([
      ['A', 1, 400_050, 8001],
      ['B', 1, 99_950, 1999],
      ['C', 0, 0, 0],
      ['D', 0, 0, 0],
    ]);
    expect(out.analysis.pareto).toMatchObject({ customers: 2, customersFor80: 1, customersFor80ShareBp: 5000 });
  });

  it('grade prints a table for people, in Chinese or English', async () => {
    const zh = await cli(['analysis', 'grade', '--from', '2026-01-01', '--to', '2026-07-01', ...asBoss]);
    expect(zh.code).toBe(0);
    expect(zh.io.out()).toContain('销售构成分析  2026-01-01 至 2026-07-01（内部资料，严禁外传）');
    expect(zh.io.out()).toContain('A 级\t1\t4,000.50\t72.74%');
    expect(zh.io.out()).toContain('（未分类）\t1\t500.00\t9.09%');
    expect(zh.io.out()).toContain('合计\t3\t5,500.00\t100.00%');
    const en = await cli([
      'analysis',
      'grade',
      '--from',
      '2026-01-01',
      '--to',
      '2026-07-01',
      '--lang',
      'en',
      ...asBoss,
    ]);
    expect(en.io.out()).toContain('Grade A\t1\t4,000.50\t72.74%');
    expect(en.io.out()).toContain('Pareto: 2 of the 3 customers with sales (66.67%) make 80 % of sales.');
  });

  it('product, region and credit (credit takes --to as the as-of date, --from may be left out)', async () => {
    const product = await cli([
      'analysis',
      'product',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--by',
      'grade',
      '--json',
      ...asBoss,
    ]);
    expect(product.code).toBe(0);
    const p = (product.io.json() as { analysis: ProductAnalysis }).analysis;
    expect(p.categories.map((c) => [c.key, c.cents, c.quantity])).toEqual([
      ['饮料', 399_950, 12],
      ['粮油', 150_050, 6],
    ]);
    expect(p.crossTab.columns.map((c) => c.key)).toEqual(['A', 'B', 'C', 'D', '']);
    const region = await cli(['analysis', 'region', '--from', '2026-01-01', '--to', '2026-12-31', '--json', ...asBoss]);
    expect((region.io.json() as { analysis: RegionAnalysis }).analysis.groups).toEqual([
      { key: '', customers: 3, cents: 550_000, shareBp: 10_000, hasChildren: false },
    ]);
    const credit = await cli(['analysis', 'credit', '--to', '2026-06-30', '--json', ...asBoss]);
    expect(credit.code).toBe(0);
    const c = (credit.io.json() as { analysis: CreditAnalysis }).analysis;
    expect(c.asOf).toBe('2026-06-30');
    // 华信商贸 owes 4,000.50 − 2,500.00 = 1,500.50 on a 1,000 limit; 东方百货 999.50 on a 100 limit.
    expect(c.totals).toMatchObject({
      outstandingCents: 250_000,
      overLimitCustomers: 2,
      overLimitCents: 50_050 + 89_950,
    });
    expect(c.overLimit.map((o) => [o.name, o.cents, o.outstandingCents])).toEqual([
      ['东方百货', 89_950, 99_950],
      ['华信商贸', 50_050, 150_050],
    ]);
    expect(c.ageing.map((b) => b.cents)).toEqual([100_050, 0, 0, 50_000 + 99_950]);
    const text = await cli(['analysis', 'credit', '--to', '2026-06-30', ...asBoss]);
    expect(text.io.out()).toContain('客户信用分析  截至 2026-06-30');
    expect(text.io.out()).toContain('31–60 天');
  });

  it('the runs are in the access log as the CLI user', async () => {
    const kedang = createKedang({
      dataDir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: KDF,
    });
    try {
      const auditorSetup = newConnection('test');
      await kedang.handle(auditorSetup, 'auth.login', { username: 'admin', password: ADMIN_PW });
      await kedang.handle(auditorSetup, 'users.create', {
        username: 'audit',
        displayName: 'audit',
        roles: ['auditor'],
        temporaryPassword: 'Temporary-1234',
      });
      const auditor = newConnection('test');
      await kedang.handle(auditor, 'auth.login', { username: 'audit', password: 'Temporary-1234' });
      await kedang.handle(auditor, 'auth.changePassword', {
        currentPassword: 'Temporary-1234',
        newPassword: 'Audit-pass-2026',
      });
      const result = await kedang.handle(auditor, 'accessLog.query', {
        filter: { action: 'analysis_run' },
        offset: 0,
        limit: 500,
      });
      if (!result.ok) throw new Error(result.error.code);
      const rows = (result.value as { rows: { username: string; device: string; target: string }[] }).rows;
      expect(rows.length).toBeGreaterThanOrEqual(7);
      expect(rows.every((r) => r.username === 'boss' && r.device === 'cli')).toBe(true);
      expect(new Set(rows.map((r) => r.target))).toEqual(new Set(['grade', 'product', 'region', 'credit']));
    } finally {
      await kedang.close();
    }
  });

  it('a rep is refused (exit 1), an unknown region is not found', async () => {
    const rep = await cli(
      [
        'analysis',
        'grade',
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--json',
        '--user',
        'sales.rep',
        '--password-stdin',
      ],
      `${REP_PW}\n`,
    );
    expect(rep.code).toBe(1);
    expect(rep.io.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const region = await cli([
      'analysis',
      'region',
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--parent',
      'NOWHERE',
      ...asBoss,
    ]);
    expect(region.code).toBe(1);
    expect(region.io.err()).toContain('找不到该分类项');
    const backwards = await cli([
      'analysis',
      'grade',
      '--from',
      '2026-06-30',
      '--to',
      '2026-01-01',
      '--json',
      ...asBoss,
    ]);
    expect(backwards.code).toBe(1);
    expect(backwards.io.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    [['analysis', 'grade', '--from', '2026-01-01'], 'analysis 需要 --to 日期'],
    [['analysis', 'grade', '--to', '2026-01-01'], '此分析需要 --from 日期'],
    [['analysis', 'grade', '--from', '2026/01/01', '--to', '2026-02-01'], '日期应为 YYYY-MM-DD：2026/01/01'],
    [
      ['analysis', 'trend', '--from', '2026-01-01', '--to', '2026-02-01'],
      'analysis needs one of grade, product, region, credit',
    ],
    [
      ['analysis', 'grade', '--from', '2026-01-01', '--to', '2026-02-01', '--by', 'region'],
      '--by is only for analysis product',
    ],
    [
      ['analysis', 'product', '--from', '2026-01-01', '--to', '2026-02-01', '--by', 'rep'],
      '--by must be grade or region',
    ],
    [['analysis', 'credit', '--to', '2026-02-01', '--parent', 'HD'], '--parent is only for analysis region'],
    [['users', 'list', '--from', '2026-01-01'], '--from is only for analysis'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, io } = await cli([...argv, ...asBoss]);
    expect(code).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('analysis grade|product|region|credit');
  });
});
