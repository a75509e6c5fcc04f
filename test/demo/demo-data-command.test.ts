import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DemoDataFailed,
  DemoUsageError,
  parseDemoDataArgs,
  runDemoData,
  type DemoDataOptions,
} from '../../src-main/demo/demo-data-command';
import { DEMO_USERS } from '../../src-main/demo/demo-office';
import { makeFixture, TEST_KDF, type Fixture } from '../support/office-fixture';
import { archiveKeyOf, openRaw } from '../support/raw-archive';

describe('demo-data command line', () => {
  it('needs a number of customers, and --user with --password-stdin together', () => {
    expect(() => parseDemoDataArgs([])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', 'many'])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', '0'])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', '10', '--user', 'dangan'])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', '10', '--bogus'])).toThrow(DemoUsageError);
    expect(parseDemoDataArgs(['--help']).help).toBe(true);
    expect(() => parseDemoDataArgs(['--customers', '10', '--sales', 'lots'])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', '10', '--sales', '-5'])).toThrow(DemoUsageError);
    expect(() => parseDemoDataArgs(['--customers', '10', '--sales', '5000001'])).toThrow(DemoUsageError);
    expect(parseDemoDataArgs(['--customers', '10', '--sales', '2000000']).sales).toBe(2_000_000);
    expect(parseDemoDataArgs(['--customers', '10']).sales).toBe(0);
  });

  it('takes the data folder from --data-dir, then KEDANG_DATA_DIR', () => {
    expect(parseDemoDataArgs(['--customers', '5', '--data-dir', '/a'], { KEDANG_DATA_DIR: '/b' }).dataDir).toBe('/a');
    expect(parseDemoDataArgs(['--customers', '5'], { KEDANG_DATA_DIR: '/b' })).toMatchObject({
      dataDir: '/b',
      customers: 5,
      seed: '2026',
      user: null,
    });
  });
});

/** The README's quick start: a demo archive whose users log in at once with the printed passwords. */
describe('npm run demo-data', () => {
  let root: string;
  let fixture: Fixture;
  const options = (extra: Partial<DemoDataOptions>): DemoDataOptions => ({
    customers: 120,
    sales: 0,
    dataDir: join(root, 'demo'),
    seed: 'readme',
    user: null,
    passwordStdin: false,
    help: false,
    ...extra,
  });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kedang-demo-'));
  });
  afterAll(async () => {
    await fixture?.kedang.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('makes a new archive with one demo user per role and loads the cards as the custodian', async () => {
    const progress: number[] = [];
    const result = await runDemoData(options({}), null, {
      kdf: TEST_KDF,
      batchSize: 50,
      onProgress: (n) => progress.push(n),
    });
    expect(result).toMatchObject({ created: 120, loadedAs: 'dangan', firstId: 1, lastId: 120 });
    expect(progress).toEqual([50, 100, 120]);
    expect(result.newArchive!.recoveryCode.length).toBeGreaterThan(20);
    expect(new Set(result.newArchive!.users.map((u) => u.role))).toEqual(
      new Set(['admin', 'custodian', 'manager', 'rep', 'auditor']),
    );
  });

  it('gives a new archive a visit history that agrees with itself', async () => {
    const dir = join(root, 'demo');
    const raw = openRaw(dir, await archiveKeyOf(dir, 'dangan', 'Demo-dangan-2026'));
    try {
      const count = (query: string) => (raw.prepare(query).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM rep_schedules')).toBe(3);
      expect(count("SELECT count(*) AS n FROM rep_schedules WHERE period = 'monthly'")).toBe(1);
      expect(count('SELECT count(*) AS n FROM visit_reports')).toBeGreaterThan(40);
      expect(count("SELECT count(*) AS n FROM visit_reports WHERE status = 'pending'")).toBeGreaterThan(2);
      expect(count("SELECT count(*) AS n FROM visit_reports WHERE status = 'pending' AND urgency = 'urgent'")).toBe(
        count(
          "SELECT count(*) AS n FROM visit_reports WHERE status = 'pending' AND urgency = 'urgent' AND subject = 'customer'",
        ) + 1,
      );
      // Every report about a card is by the rep the card is assigned to, on a working day, and never ahead of
      // the card's last visit.
      expect(
        count(`SELECT count(*) AS n FROM visit_reports r JOIN customers c ON c.id = r.customer_id
          WHERE c.assigned_rep <> r.rep_username OR strftime('%w', r.visit_on) IN ('0', '6')
             OR r.visit_on > c.last_visit_on`),
      ).toBe(0);
      expect(
        count(`SELECT count(*) AS n FROM customers c WHERE c.last_visit_on IS NOT
          (SELECT max(visit_on) FROM visit_reports r WHERE r.customer_id = c.id)`),
      ).toBe(0);
      // Closed reports were decided; pending ones still wait, with their changes undecided.
      expect(
        count(`SELECT count(*) AS n FROM visit_changes vc JOIN visit_reports r ON r.id = vc.report_id
          WHERE (r.status = 'pending') <> (vc.decision = 'pending')`),
      ).toBe(0);
      expect(
        count(`SELECT count(*) AS n FROM customers c WHERE c.reviewed_on IS NOT
          (SELECT max(reviewed_on) FROM card_reviews v WHERE v.customer_id = c.id)`),
      ).toBe(0);
      expect(count('SELECT count(*) AS n FROM customers WHERE prospect = 1')).toBeGreaterThan(0);
      expect(count("SELECT count(*) AS n FROM access_log WHERE action = 'visit_submit' AND target = 'demo-data'")).toBe(
        1,
      );
    } finally {
      raw.close();
    }
  });

  it('lets every demo user log in with the printed password, with no password change asked', async () => {
    fixture = await makeFixture({ setup: false, dir: join(root, 'demo') });
    for (const user of DEMO_USERS) {
      const connection = fixture.connection();
      const session = await fixture.ok(connection, 'auth.login', { username: user.username, password: user.password });
      expect(session.mustChangePassword, user.username).toBe(false);
      expect(session.roles).toEqual([user.role]);
      if (user.role === 'custodian') {
        const page = await fixture.ok(connection, 'cards.search', {
          query: '',
          filters: {},
          sort: { column: 'name', direction: 'asc' },
          offset: 0,
          limit: 10,
        });
        expect(page.total).toBe(120);
      }
      if (user.role === 'rep') {
        // Reps see only the cards on their routes.
        const page = await fixture.ok(connection, 'cards.search', {
          query: '',
          filters: {},
          sort: { column: 'name', direction: 'asc' },
          offset: 0,
          limit: 500,
        });
        expect(page.total).toBeGreaterThan(0);
        expect(page.total).toBeLessThan(120);
        expect(page.rows.every((r) => r.assignedRep === user.username)).toBe(true);
      }
      await fixture.ok(connection, 'auth.logout', {});
    }
    await fixture.kedang.close();
  });

  it('adds cards to an existing archive only as a custodian who gives a password', async () => {
    await expect(runDemoData(options({}), null, { kdf: TEST_KDF })).rejects.toBeInstanceOf(DemoDataFailed);
    await expect(
      runDemoData(options({ user: 'jingli', passwordStdin: true }), 'Demo-jingli-2026', { kdf: TEST_KDF }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      runDemoData(options({ user: 'dangan', passwordStdin: true }), 'wrong-password-1', { kdf: TEST_KDF }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const more = await runDemoData(
      options({ user: 'dangan', passwordStdin: true, customers: 30, seed: 'more' }),
      'Demo-dangan-2026',
      {
        kdf: TEST_KDF,
      },
    );
    expect(more).toMatchObject({ created: 30, newArchive: null, firstId: 121, lastId: 150 });
  });

  it('never makes a new archive for a command meant for an existing one', async () => {
    const elsewhere = join(root, 'typo');
    await expect(
      runDemoData(options({ dataDir: elsewhere, user: 'dangan', passwordStdin: true }), 'Demo-dangan-2026', {
        kdf: TEST_KDF,
      }),
    ).rejects.toBeInstanceOf(DemoDataFailed);
    expect(existsSync(join(elsewhere, 'archive.kedang'))).toBe(false);
  });
});

/** `npm run demo-data -- --customers N --sales M`: cards, then sales and receipts through the real import. */
describe('npm run demo-data with --sales', () => {
  let root: string;
  let fixture: Fixture | null = null;
  const options = (extra: Partial<DemoDataOptions> = {}): DemoDataOptions => ({
    customers: 150,
    sales: 4000,
    dataDir: join(root, 'demo'),
    seed: 'sales',
    user: null,
    passwordStdin: false,
    help: false,
    ...extra,
  });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kedang-demo-sales-'));
  });
  afterAll(async () => {
    await fixture?.kedang.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports every generated line and receipt, with the products, as the demo custodian', async () => {
    const result = await runDemoData(options(), null, { kdf: TEST_KDF });
    expect(result.sales).toMatchObject({ lines: 4000, rejected: 0 });
    expect(result.sales!.receipts).toBeGreaterThan(500);
    expect(result.sales!.products).toBeGreaterThan(100);
    fixture = await makeFixture({ setup: false, dir: join(root, 'demo') });
    const manager = fixture.connection();
    await fixture.ok(manager, 'auth.login', { username: 'jingli', password: 'Demo-jingli-2026' });
    const imports = await fixture.ok(manager, 'sales.imports', {});
    expect(imports.map((i) => [i.kind, i.by, i.firstDate])).toEqual([
      ['receipts', 'dangan', expect.stringMatching(/^2024-01/)],
      ['sales', 'dangan', '2024-01-01'],
    ]);
    expect(imports[1]!.lines).toBe(4000);
    expect(imports[0]!.lines).toBe(result.sales!.receipts);
    const products = await fixture.ok(manager, 'sales.products', {});
    expect(products).toHaveLength(result.sales!.products);
    expect(new Set(products.map((p) => p.category)).size).toBe(10);
    await fixture.ok(manager, 'auth.logout', {});
    await fixture.kedang.close();
    fixture = null;
  });

  it('loads demo sales only once into an archive, and then adds no card either', async () => {
    await expect(
      runDemoData(options({ user: 'dangan', passwordStdin: true, customers: 5, seed: 'again' }), 'Demo-dangan-2026', {
        kdf: TEST_KDF,
      }),
    ).rejects.toBeInstanceOf(DemoDataFailed);
    const more = await runDemoData(
      options({ user: 'dangan', passwordStdin: true, customers: 5, seed: 'again', sales: 0 }),
      'Demo-dangan-2026',
      { kdf: TEST_KDF },
    );
    expect(more).toMatchObject({ created: 5, firstId: 151, sales: null });
  });
});
