/**
 * Each role's start page, the 档案维护 section and the card's 往来概况 through the real UI
 * against the real store: a demo archive with cards, sales, 45 days of visit reports, reviews
 * and prospects. The figures the pages show are checked against what the channels answer for
 * the same archive on the same day (read before the harness opens it); a new prospect is
 * created, converted into a customer and keeps its card, code and history.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { runDemoData } from '../../src-main/demo/demo-data-command';
import { newConnection } from '../../src-main/router/connection';
import type { AttentionPage, CustodianStart, ManagerStart, RepStart } from '../../src-shared/contracts';
import { formatCents } from '../../src-shared/sales/sales';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { field, freshDataDir, login, logout, openSection, TEST_KDF } from './ui-helpers';

const userOf = (role: string, n = 0) => DEMO_USERS.filter((u) => u.role === role)[n]!;
const custodian = userOf('custodian');
const manager = userOf('manager');
const rep = userOf('rep');
const auditor = userOf('auditor');
const admin = userOf('admin');

/** What the channels answer on the seeded archive, for the pages to be checked against. */
interface Expected {
  custodian: CustodianStart;
  attention: AttentionPage;
  rep: RepStart;
  manager: ManagerStart;
}

async function seed(dataDir: string): Promise<Expected> {
  await runDemoData(
    { customers: 160, sales: 3000, dataDir, seed: 'e2e-start', user: null, passwordStdin: false, help: false },
    null,
    { kdf: TEST_KDF },
  );
  const demo = openDemoOffice(dataDir, { kdf: TEST_KDF });
  try {
    const as = async <T>(
      user: (typeof DEMO_USERS)[number],
      read: (c: ReturnType<typeof newConnection>) => Promise<T>,
    ) => {
      const connection = newConnection('e2e');
      await demo.call(connection, 'auth.login', { username: user.username, password: user.password });
      try {
        return await read(connection);
      } finally {
        await demo.call(connection, 'auth.logout', {});
      }
    };
    return {
      custodian: await as(custodian, (c) => demo.call(c, 'home.custodian', {})),
      attention: await as(custodian, (c) => demo.call(c, 'upkeep.needsAttention', { offset: 0, limit: 50 })),
      rep: await as(rep, (c) => demo.call(c, 'home.rep', {})),
      manager: await as(manager, (c) => demo.call(c, 'home.manager', {})),
    };
  } finally {
    await demo.close();
  }
}

const figure = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).locator('.kd-mono').first().textContent()) ?? '').trim();

describe('start pages, upkeep and prospects', () => {
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;
  let page: Page;
  let expected: Expected;
  /** From the top: the app's header is fixed, scrolled away it would sit mid-page. */
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.screenshot(name);
  };

  beforeAll(async () => {
    dataDir = freshDataDir();
    expected = await seed(dataDir);
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    page = ui.page;
    page.setDefaultTimeout(15_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  }, 240_000);

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the custodian the inbox, what needs attention and the recent changes', async () => {
    await login(page, custodian.username, custodian.password);
    await page.getByRole('heading', { name: `您好，${custodian.displayName}` }).waitFor();
    await page.locator('[data-testid="home-inbox"][data-loading="false"]').waitFor();
    const start = expected.custodian;
    expect(start.inbox.pending).toBeGreaterThan(0);
    expect(await figure(page, 'inbox-pending')).toBe(String(start.inbox.pending));
    expect(await figure(page, 'inbox-urgent')).toBe(String(start.inbox.urgent));
    expect(await figure(page, 'overdue-reports')).toBe(String(start.overdueReports));
    for (const reason of ['review', 'unverified', 'noVisit'] as const) {
      expect(await figure(page, `attention-${reason}`)).toBe(String(start.attention.counts[reason]));
    }
    // The inbox lists its first reports, urgent ones marked as such.
    const listed = page.getByTestId('inbox-reports').locator('[data-report]');
    expect(await listed.count()).toBe(Math.min(6, start.inbox.oldest.length));
    const urgentShown = await page.getByTestId('inbox-reports').locator('[data-urgency="urgent"]').count();
    expect(urgentShown).toBe(start.inbox.oldest.slice(0, 6).filter((r) => r.urgency === 'urgent').length);
    expect(await page.getByTestId('recent-changes').locator('tbody tr').count()).toBe(start.recentChanges.length);
    expect(await page.getByTestId('confidential-line').textContent()).toContain('访问日志');
    await shot('home-custodian');

    // A recent change opens its card.
    const latest = start.recentChanges[0]!;
    await page
      .getByTestId('recent-changes')
      .locator(`[data-card="${latest.code}"]`)
      .first()
      .getByRole('button')
      .click();
    await page.getByTestId('card-code').filter({ hasText: latest.code }).waitFor();
    await openSection(page, '首页');
    await page.getByTestId('home-attention').waitFor();
  });

  it('lists the cards needing attention by reason and records a review', async () => {
    await page.getByTestId('home-attention').getByRole('button', { name: '查看全部' }).click();
    await page.getByTestId('attention-table').waitFor();
    const all = expected.attention;
    expect(await page.getByTestId('attention-total').textContent()).toBe(`共 ${all.total} 张`);
    expect(await page.getByTestId('attention-table').locator('tbody tr').count()).toBe(Math.min(50, all.total));
    expect(
      await page
        .getByTestId('attention-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-card'))),
    ).toEqual(all.rows.map((r) => r.code));
    await shot('upkeep-needs-attention');

    // One reason (the rarest one the archive has): the count on its chip is the list's total.
    const labels = { review: '超过复核周期', unverified: '有未核实部分', noVisit: '久未拜访' } as const;
    const reason = (['review', 'noVisit', 'unverified'] as const)
      .filter((r) => all.counts[r] > 0)
      .sort((a, b) => all.counts[a] - all.counts[b])[0]!;
    await page.getByText(`${labels[reason]} ${all.counts[reason]}`, { exact: true }).click();
    await page
      .getByTestId('attention-total')
      .filter({ hasText: `共 ${all.counts[reason]} 张` })
      .waitFor();
    const rows = page.getByTestId('attention-table').locator('tbody tr');
    const reasons = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('[data-reason]')].map((b) => b.getAttribute('data-reason'))),
    );
    expect(reasons.length).toBe(Math.min(50, all.counts[reason]));
    expect(reasons.every((r) => r.includes(reason))).toBe(true);

    // 标记已复核 with a note: the row shows today's review at once.
    const first = rows.first();
    const code = await first.getAttribute('data-card');
    await first.getByRole('button', { name: '标记已复核' }).click();
    await field(page, '复核说明（可不填）').fill('电话核对了地址和联系人');
    await ui.screenshot('upkeep-mark-reviewed');
    await page.getByRole('dialog').getByRole('button', { name: '标记已复核' }).click();
    await page.locator(`[data-card="${code}"][data-reviewed="true"]`).waitFor();
    expect(await page.locator(`[data-card="${code}"]`).textContent()).toContain('今日已复核');
    await page.getByText(/^已记录复核：/).waitFor();
  });

  it('creates a prospect, converts it into a customer, and the card keeps its code and history', async () => {
    await page.getByRole('tab', { name: '潜在客户' }).click();
    await page.getByTestId('prospect-table').waitFor();
    const before = Number((await page.getByTestId('prospect-total').textContent())!.match(/\d+/)![0]);
    expect(before).toBeGreaterThan(0);
    await shot('upkeep-prospects');

    await page.getByRole('button', { name: '新建潜在客户' }).click();
    const dialog = page.getByRole('dialog');
    await field(page, '名称').fill('绍兴禾丰食品贸易有限公司');
    await field(page, '电话').fill('0575-85012345');
    await field(page, '联系人姓名').fill('钱立新');
    await field(page, '地址').fill('浙江省绍兴市越城区解放北路 88 号');
    await dialog.getByRole('combobox', { name: '来源' }).click();
    await page.getByRole('option', { name: '展会' }).click();
    await field(page, '来源说明').fill('2026 杭州食品博览会');
    await field(page, '下一步').fill('寄送样品与报价单');
    await field(page, '下一步日期').fill('2027-01-15');
    await ui.screenshot('prospect-new');
    await dialog.getByRole('button', { name: '建立档案卡' }).click();
    const created = page.getByText(/^已建立潜在客户档案卡：/);
    await created.waitFor();
    const code = (await created.textContent())!.replace(/^已建立潜在客户档案卡：|。$/g, '');
    await page
      .getByTestId('prospect-total')
      .filter({ hasText: `共 ${before + 1} 家` })
      .waitFor();
    const row = page.locator(`[data-card="${code}"]`);
    expect(await row.textContent()).toContain('展会');
    expect(await row.textContent()).toContain('寄送样品与报价单');

    // The card: marked as a prospect; its overview tells where it came from, and converts it.
    await row.getByRole('button', { name: new RegExp(code) }).click();
    await page.getByTestId('prospect-badge').waitFor();
    await page.getByRole('tab', { name: '往来概况' }).click();
    await page.getByTestId('overview-prospect').waitFor();
    expect(await page.getByTestId('overview-prospect').textContent()).toContain('2026 杭州食品博览会');
    await shot('card-overview-prospect');
    await page.getByTestId('overview-prospect').getByRole('button', { name: '转为客户' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '转为客户' }).click();
    await page.getByText('绍兴禾丰食品贸易有限公司 已转为客户。').waitFor();
    await page.getByTestId('prospect-badge').waitFor({ state: 'detached' });
    expect(await page.getByTestId('card-code').textContent()).toBe(code);
    expect(await page.getByTestId('card-version').textContent()).toContain('2');
    await page.getByRole('tab', { name: '历史' }).click();
    await page.locator('[data-version="2"]').filter({ hasText: '转为客户' }).waitFor();
    await page.locator('[data-version="1"]').filter({ hasText: '新建' }).waitFor();
    await shot('card-converted-history');

    // Off the prospect list.
    await openSection(page, '档案维护');
    await page.getByRole('tab', { name: '潜在客户' }).click();
    await page
      .getByTestId('prospect-total')
      .filter({ hasText: `共 ${before} 家` })
      .waitFor();
    expect(await page.locator(`[data-card="${code}"]`).count()).toBe(0);
  });

  it('shows a customer’s sales, credit, visits and review beside its card', async () => {
    // A card with visit reports: the first of the inbox.
    const report = expected.custodian.inbox.oldest.find((r) => r.customer !== null)!;
    await openSection(page, '首页');
    await page.getByTestId('recent-changes').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await openSection(page, '档案卡');
    await page.getByPlaceholder('名称片段、拼音首字母、编码、电话…').fill(report.customer!.code);
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 1 张');
    await page.getByTestId('card-table').locator('[data-column="code"]', { hasText: report.customer!.code }).click();
    await page.getByTestId('card-code').filter({ hasText: report.customer!.code }).waitFor();
    await page.getByRole('tab', { name: '往来概况' }).click();
    await page.locator('[data-testid="card-overview"][data-loading="false"]').waitFor();
    const visits = page.getByTestId('overview-visits');
    await visits.locator(`[data-report="${report.number}"]`).waitFor();
    expect(await page.getByTestId('overview-sales').textContent()).toMatch(/近12个月|还没有这家客户的销售记录/);
    expect(await page.getByTestId('overview-credit').textContent()).toContain('欠款');
    expect(await page.getByTestId('overview-upkeep').textContent()).toContain('复核到期');
    await shot('card-overview');
    await logout(page);
  });

  it('shows the manager the key figures and the four charts in small', async () => {
    await login(page, manager.username, manager.password);
    await page.locator('[data-testid="manager-figures"][data-loading="false"]').waitFor();
    const start = expected.manager;
    expect(await figure(page, 'fig-sales')).toBe(formatCents(start.salesCents));
    expect(await figure(page, 'fig-outstanding')).toBe(formatCents(start.outstandingCents));
    // One card more than when the archive was read: the prospect created and converted above.
    expect(await figure(page, 'fig-active')).toBe((start.activeCards + 1).toLocaleString());
    expect(await figure(page, 'fig-prospects')).toBe(start.prospects.toLocaleString());
    for (const id of ['grade', 'product', 'region', 'credit']) {
      await page.locator(`[data-chart="home-${id}"][data-rendered="true"]`).waitFor();
    }
    await shot('home-manager');
    await page.getByTestId('home-chart-region').getByRole('button', { name: '打开分析' }).click();
    await page.getByTestId('analysis-screen').waitFor();
    await logout(page);
  });

  it('shows the rep my customers, my routes and my reports', async () => {
    await login(page, rep.username, rep.password);
    await page.locator('[data-testid="rep-customers"][data-loading="false"]').waitFor();
    const start = expected.rep;
    expect(await figure(page, 'rep-customer-count')).toBe(String(start.myCustomers));
    expect(await figure(page, 'rep-prospect-count')).toBe(String(start.myProspects));
    expect(await page.getByTestId('rep-routes').locator('[data-route]').count()).toBe(start.routes.length);
    expect(await page.getByTestId('rep-reports').locator('[data-report]').count()).toBe(start.recentReports.length);
    await shot('home-rep');
    // A route opens my cards on it.
    const route = start.routes[0]!;
    await page.getByTestId('rep-routes').locator(`[data-route="${route.code}"]`).getByRole('button').click();
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe(`共 ${route.stops} 张`);
    // My prospects open the prospect list itself, with exactly mine in it.
    await page.getByRole('navigation', { name: '主导航' }).getByText('首页', { exact: true }).click();
    await page.getByTestId('rep-prospect-count').click();
    if (start.myProspects === 0) await page.getByTestId('prospects-empty').waitFor();
    else {
      await page.getByTestId('prospect-table').waitFor();
      expect(await page.getByTestId('prospect-table').locator('tbody tr[data-card]').count()).toBe(start.myProspects);
    }
    await logout(page);
  });

  it('shows the auditor the log and verifies it from the start page', async () => {
    await login(page, auditor.username, auditor.password);
    await page.locator('[data-testid="home-auditor"][data-loading="false"]').waitFor();
    expect(Number((await figure(page, 'log-rows')).replace(/,/g, ''))).toBeGreaterThan(10);
    await page.getByTestId('never-verified').waitFor();
    await page.getByTestId('home-verify').click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    await expect.poll(() => page.getByTestId('verified-by').textContent()).toBe(`校验人：${auditor.displayName}`);
    await shot('home-auditor');
    await logout(page);
  });

  it('shows the administrator the users, the missing backup and the storage', async () => {
    await login(page, admin.username, admin.password);
    await page.locator('[data-testid="admin-users"][data-loading="false"]').waitFor();
    expect(await page.getByTestId('admin-users').textContent()).toContain(`在用 ${DEMO_USERS.length}`);
    expect(await page.locator('[data-role="rep"]').textContent()).toContain('3');
    await page.getByTestId('backup-warning').waitFor();
    expect(await page.getByTestId('archive-bytes').textContent()).toMatch(/\d+(\.\d)? (KB|MB)/);
    await shot('home-admin');
    await logout(page);
  });
});
