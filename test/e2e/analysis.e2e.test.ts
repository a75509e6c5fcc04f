/**
 * The composition analyses through the real UI against the real store: a manager opens each
 * analysis on a demo archive with sales and receipts imported through the router, clicks a
 * segment of each chart and lands on exactly the customers the seeded data puts behind it,
 * opens a card from there, exports a chart and a table, and prints the grade report to PDF.
 * Without sales the screen says where they come from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegionsAndRoutes, generateDemoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice, type DemoOffice } from '../../src-main/demo/demo-office';
import { writeDemoSalesFiles } from '../../src-main/demo/demo-sales';
import { newConnection } from '../../src-main/router/connection';
import { PALETTE } from '../../src-renderer/analysis/charts/chart-kit';
import { localToday, presetPeriod } from '../../src-renderer/analysis/period';
import type { CardContent } from '../../src-shared/cards/card';
import { openBrowser, SCREENSHOT_DIR, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { freshDataDir, login, logout, openSection, TEST_KDF } from './ui-helpers';

const COUNT = 320;
const LINES = 6000;
const manager = DEMO_USERS.find((u) => u.role === 'manager')!;
const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;

interface SeededCard {
  code: string;
  name: string;
  grade: string;
  creditGrade: string;
  region: string;
  /** 元, as on the card; null: no credit limit. */
  creditLimit: number | null;
}
interface SaleLine {
  date: string;
  code: string;
  category: string;
  cents: number;
}
interface Receipt {
  date: string;
  code: string;
  cents: number;
}

/** "1234.50" or "-56.00" as cents, digit by digit (no floating point). */
function cents(text: string): number {
  const negative = text.startsWith('-');
  const [whole, fraction = '0'] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

/** The generator's CSV (UTF-8 with BOM, no quoted cells) as rows of cells under its header. */
function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** Page 1 of a PDF as test-results/<name>.png for review. */
function pdfFirstPagePng(pdf: string, name: string): string {
  for (const old of readdirSync(SCREENSHOT_DIR)) if (old.startsWith(`${name}-`)) rmSync(join(SCREENSHOT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, name)]);
  return join(SCREENSHOT_DIR, `${name}.png`);
}

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Seeds an archive: the demo users, demo cards with known codes (filed under the demo region tree:
 * area › city › district) and, if asked, the demo sales and receipts imported by the custodian.
 */
async function seedArchive(
  dataDir: string,
  workDir: string,
  withSales: boolean,
): Promise<{ cards: SeededCard[]; sales: SaleLine[]; receipts: Receipt[] }> {
  const demo: DemoOffice = openDemoOffice(dataDir, { kdf: TEST_KDF });
  try {
    await createDemoArchive(demo, 'e2e');
    const connection = newConnection('e2e');
    await demo.call(connection, 'auth.login', { username: custodian.username, password: custodian.password });
    const reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
    const contents: CardContent[] = generateDemoCards({ count: COUNT, seed: 'e2e-analysis', reps });
    contents.forEach((card, i) => (card.basic.code = `KH${String(i + 1).padStart(6, '0')}`));
    await loadDemoCards(demo.callOf(connection), contents);
    const cards = contents.map((c) => ({
      code: c.basic.code,
      name: c.basic.name,
      grade: c.classification.grade,
      creditGrade: c.classification.creditGrade,
      region: c.classification.region,
      creditLimit: c.trading.creditLimit,
    }));
    if (!withSales) {
      await demo.call(connection, 'auth.logout', {});
      return { cards, sales: [], receipts: [] };
    }
    const files = await writeDemoSalesFiles(workDir, {
      customers: cards.map((c) => ({ code: c.code, grade: c.grade, creditLimit: c.creditLimit })),
      lines: LINES,
      seed: 'e2e-analysis',
      until: localToday(),
    });
    await demo.call(connection, 'sales.importCommit', { kind: 'sales', path: files.salesCsv });
    await demo.call(connection, 'sales.importCommit', { kind: 'receipts', path: files.receiptsCsv });
    await demo.call(connection, 'auth.logout', {});
    return {
      cards,
      sales: readCsv(files.salesCsv).map((r) => ({
        date: r['单据日期']!,
        code: r['客户编码']!,
        category: r['存货分类']!,
        cents: cents(r['价税合计']!),
      })),
      receipts: readCsv(files.receiptsCsv).map((r) => ({
        date: r['收款日期']!,
        code: r['客户编码']!,
        cents: cents(r['收款金额']!),
      })),
    };
  } finally {
    await demo.close();
  }
}

/** Net sales per customer code over the lines that pass the filter (a customer with a line counts, even at zero). */
function salesBy(lines: SaleLine[], keep: (line: SaleLine) => boolean): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of lines) if (keep(line)) sums.set(line.code, (sums.get(line.code) ?? 0) + line.cents);
  return sums;
}

/** The customers behind a sales segment: those with at least one sales line of it in the period, sorted. */
const buyers = (sums: Map<string, number>) => [...sums.keys()].sort();

/** The customer codes the open customer list shows, sorted, once it has loaded. */
async function listedCustomers(page: Page): Promise<string[]> {
  const drawer = page.getByTestId('segment-customers');
  await drawer.getByTestId('segment-count').waitFor();
  const codes = await drawer
    .locator('[data-customer-code]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-customer-code') ?? ''));
  return codes.sort();
}

async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('segment-count').waitFor({ state: 'detached' });
}

/** Waits until the listed charts of the open tab are drawn. */
async function chartsDrawn(page: Page, ids: string[]) {
  for (const id of ids) await page.locator(`[data-chart="${id}"][data-rendered="true"]`).first().waitFor();
}

/**
 * Clicks the first drawn shape of the given fill in a chart, where a user would: inside the shape
 * (echarts draws SVG, a donut slice or a bar is a path filled with its colour, and finds what was
 * clicked from the point; the middle of a slice's box may be the donut's hole). The legend's
 * swatches come after the series.
 */
async function clickShape(page: Page, chartId: string, fill: string) {
  const shape = page.locator(`[data-chart="${chartId}"] svg path[fill="${fill}"]`).first();
  await shape.scrollIntoViewIfNeeded();
  const point = await shape.evaluate((path: SVGPathElement) => {
    const box = path.getBBox();
    const inside: DOMPoint[] = [];
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const p = new DOMPoint(box.x + (box.width * i) / 24, box.y + (box.height * j) / 24);
        if (path.isPointInFill(p)) inside.push(p);
      }
    }
    // The inside point nearest to the middle of all inside points: well within the shape.
    const mx = inside.reduce((n, p) => n + p.x, 0) / inside.length;
    const my = inside.reduce((n, p) => n + p.y, 0) / inside.length;
    const best = inside.sort((a, b) => Math.hypot(a.x - mx, a.y - my) - Math.hypot(b.x - mx, b.y - my))[0]!;
    const screen = best.matrixTransform(path.getScreenCTM()!);
    return { x: screen.x, y: screen.y };
  });
  await page.mouse.click(point.x, point.y);
}

describe('composition analyses for a manager', () => {
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;
  let page: Page;
  const work = resolve(SCREENSHOT_DIR, 'analysis');
  let seeded: Awaited<ReturnType<typeof seedArchive>>;
  const period = presetPeriod('last12Months', localToday());
  const inPeriod = (line: SaleLine) => line.date >= period.from && line.date <= period.to;
  const cardOf = (code: string) => seeded.cards.find((c) => c.code === code)!;
  /** The whole screen from its top (the app's header is fixed: scrolled away it would sit mid-page). */
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.screenshot(name);
  };
  /** What is in the window, e.g. with the customer list open over the screen. */
  const windowShot = async (name: string) => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  };
  /** The demo region tree: each region's parent. */
  const parentOf = new Map(
    demoRegionsAndRoutes()
      .filter((e) => e.axis === 'region')
      .map((e) => [e.code, e.parentCode]),
  );
  const within = (code: string, ancestor: string): boolean =>
    code === ancestor || (parentOf.get(code) ? within(parentOf.get(code)!, ancestor) : false);

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    dataDir = freshDataDir();
    seeded = await seedArchive(dataDir, join(work, 'sales'), true);
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    page = ui.page;
    page.setDefaultTimeout(15_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await login(page, manager.username, manager.password);
    await openSection(page, '分析');
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows sales by grade for the last 12 months; a donut slice lists that grade’s customers', async () => {
    await chartsDrawn(page, ['grade-share', 'grade-pareto', 'grade-compare', 'grade-trend']);
    const total = [...salesBy(seeded.sales, inPeriod).values()].reduce((a, b) => a + b, 0);
    expect(await page.getByTestId('grade-total').textContent()).toContain(
      `${Math.floor(total / 100).toLocaleString('en-US')}.${String(total % 100).padStart(2, '0')}`,
    );
    await shot('analysis-grade');

    // Grade A is the dictionary's first grade: the first colour.
    await clickShape(page, 'grade-share', PALETTE[0]);
    const expected = buyers(salesBy(seeded.sales, (l) => inPeriod(l) && cardOf(l.code).grade === 'A'));
    expect(expected.length).toBeGreaterThan(5);
    expect(await listedCustomers(page)).toEqual(expected);
    await windowShot('analysis-grade-customers');

    // A customer opens its card.
    const first = page.getByTestId('segment-table').locator('[data-customer-code]').first();
    const code = (await first.getAttribute('data-customer-code'))!;
    await first.click();
    await page.getByTestId('card-view').waitFor();
    await page.getByTestId('card-view').getByText(cardOf(code).name).first().waitFor();
    await openSection(page, '分析');
    await chartsDrawn(page, ['grade-share']);
  });

  it('lists the customers that make 80 % of sales from the Pareto curve', async () => {
    await page.locator('[data-row="pareto80"]').click();
    // Customers with sales above zero, largest first (equal sales: the earlier card first).
    const sums = [...salesBy(seeded.sales, inPeriod)]
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = sums.reduce((n, [, c]) => n + c, 0);
    const top: string[] = [];
    let reached = 0;
    for (const [code, c] of sums) {
      if (reached * 10 >= total * 8) break;
      top.push(code);
      reached += c;
    }
    expect(await listedCustomers(page)).toEqual(top.sort());
    await closeDrawer(page);
  });

  it('shows the product composition; a category slice lists its buyers', async () => {
    await page.getByRole('tab', { name: '商品构成' }).click();
    await chartsDrawn(page, ['product-category', 'product-treemap', 'product-cross']);
    await shot('analysis-product');
    const firstCategory = page.getByTestId('product-category-table').locator('[data-row^="category:"]').first();
    const category = (await firstCategory.getAttribute('data-row'))!.slice('category:'.length);
    await clickShape(page, 'product-category', PALETTE[0]);
    const expected = buyers(salesBy(seeded.sales, (l) => inPeriod(l) && l.category === category));
    expect(await listedCustomers(page)).toEqual(expected);
    await closeDrawer(page);

    // The cross-tab by region, one cell: that category's buyers in that region.
    await page.getByTestId('cross-tab-by').getByText('按地区').click();
    await page.getByTestId('product-cross-table').getByText('华北区').waitFor();
    await chartsDrawn(page, ['product-cross']);
    await shot('analysis-product-by-region');
    const headers = await page.getByTestId('product-cross-table').locator('thead th').allTextContents();
    const column = headers.indexOf('华北区');
    await page.getByTestId('product-cross-table').locator('tbody tr').first().locator('td').nth(column).click();
    expect(await listedCustomers(page)).toEqual(
      buyers(
        salesBy(seeded.sales, (l) => inPeriod(l) && l.category === category && within(cardOf(l.code).region, 'HB')),
      ),
    );
    await closeDrawer(page);
  });

  it('drills from the areas into 华北区 and 北京市 and lists the customers of one district', async () => {
    await page.getByRole('tab', { name: '地区构成' }).click();
    await chartsDrawn(page, ['region-share']);
    await shot('analysis-region');
    // 华北区 is the first area: its bar drills down.
    await clickShape(page, 'region-share', PALETTE[0]);
    await page.getByTestId('region-breadcrumb').getByText('华北区').waitFor();
    await page.locator('[data-row="region:110100"]').waitFor();

    // 北京市 has districts: its 客户 button lists the whole city, the row itself drills down.
    await page.locator('[data-row="region:110100"]').getByRole('button', { name: '客户' }).click();
    expect(await listedCustomers(page)).toEqual(
      buyers(salesBy(seeded.sales, (l) => inPeriod(l) && within(cardOf(l.code).region, '110100'))),
    );
    await closeDrawer(page);
    await page.locator('[data-row="region:110100"]').click();
    await page.getByTestId('region-breadcrumb').getByText('北京市').waitFor();
    await chartsDrawn(page, ['region-share']);
    await shot('analysis-region-beijing');

    // A district is a leaf: its row lists its customers.
    const district = [...new Set(seeded.cards.map((c) => c.region))]
      .filter((code) => parentOf.get(code) === '110100')
      .map((code) => ({
        code,
        buyers: buyers(salesBy(seeded.sales, (l) => inPeriod(l) && cardOf(l.code).region === code)),
      }))
      .sort((x, y) => y.buyers.length - x.buyers.length)[0]!;
    expect(district.buyers.length).toBeGreaterThan(0);
    await page.locator(`[data-row="region:${district.code}"]`).click();
    expect(await listedCustomers(page)).toEqual(district.buyers);
    await closeDrawer(page);
    await page.getByTestId('region-breadcrumb').getByText('全部地区').click();
    await page.locator('[data-row="region:HD"]').waitFor();
  });

  it('shows the credit analysis on the period’s last day; the over-limit customers are the right ones', async () => {
    await page.getByRole('tab', { name: '信用分析' }).click();
    await chartsDrawn(page, ['credit-limit', 'credit-ageing']);
    await shot('analysis-credit');
    // Outstanding = sales − receipts up to the as-of date; over limit when above the card's limit.
    const asOf = period.to;
    const balance = new Map<string, number>();
    for (const l of seeded.sales) if (l.date <= asOf) balance.set(l.code, (balance.get(l.code) ?? 0) + l.cents);
    for (const r of seeded.receipts) if (r.date <= asOf) balance.set(r.code, (balance.get(r.code) ?? 0) - r.cents);
    const over = [...balance]
      .filter(([code, owed]) => {
        const limit = cardOf(code).creditLimit;
        return limit !== null && owed > Math.round(limit * 100);
      })
      .map(([code]) => code)
      .sort();
    expect(over.length).toBeGreaterThan(0);

    // The receivables over 90 days old: a balance beyond the customer's (positive) sales of the last 90 days.
    const since = new Date(Date.parse(`${asOf}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    const recent = salesBy(seeded.sales, (l) => l.cents > 0 && l.date >= since && l.date <= asOf);
    const old = [...balance]
      .filter(([code, owed]) => owed - (recent.get(code) ?? 0) > 0)
      .map(([code]) => code)
      .sort();
    expect(old.length).toBeGreaterThan(0);
    await clickShape(page, 'credit-ageing', '#e03131');
    expect(await listedCustomers(page)).toEqual(old);
    await closeDrawer(page);

    await page.getByRole('button', { name: `查看全部 ${over.length} 户超限客户` }).click();
    expect(await listedCustomers(page)).toEqual(over);
    await closeDrawer(page);
  });

  it('exports a chart as PNG and a table as xlsx', async () => {
    await page.getByRole('tab', { name: '销售构成' }).click();
    await chartsDrawn(page, ['grade-share']);
    const png = join(work, 'grade-share.png');
    rmSync(png, { force: true });
    harness.chooseFileAnswers.push(png);
    await page.getByTestId('export-png-grade-share').click();
    await page.getByText(`图表已保存：${png}`).waitFor();
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(harness.chooseFileRequests.at(-1)).toMatchObject({ purpose: 'analysisChart', mode: 'save' });

    const xlsx = join(work, 'grade.xlsx');
    rmSync(xlsx, { force: true });
    harness.chooseFileAnswers.push(xlsx);
    await page.getByTestId('export-table').click();
    await page.getByText(/表格已保存（\d+ 行）/).waitFor();
    expect(existsSync(xlsx)).toBe(true);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(harness.chooseFileRequests.at(-1)).toMatchObject({ purpose: 'analysisTable', mode: 'save' });
  });

  it('prints the grade report on A4, marked confidential, with its charts and tables', async () => {
    await page.getByTestId('print-report').click();
    const preview = page.getByTestId('analysis-print-preview');
    await preview.waitFor();
    await chartsDrawn(page, ['grade-share', 'grade-pareto', 'grade-compare', 'grade-trend']);
    // The preview is a fixed overlay: a full-page shot would show the screen below it.
    await windowShot('analysis-report-preview');
    harness.onPrint = async (request) => {
      if (request.kind === 'pdf') {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.pdf({ path: request.path, format: 'A4', printBackground: true, preferCSSPageSize: true });
      }
      return true;
    };
    const pdf = join(work, 'grade-report.pdf');
    rmSync(pdf, { force: true });
    harness.chooseFileAnswers.push(pdf);
    await preview.getByRole('button', { name: '保存为 PDF…' }).click();
    await page.getByText(`已保存为 PDF：${pdf}`).waitFor();
    pdfFirstPagePng(pdf, 'analysis-report-page1');
    const text = pdfText(pdf);
    for (const expected of [
      '内部资料 严禁外传',
      '销售构成分析报告',
      `打印人：${manager.displayName}`,
      `统计期间：${period.from} 至 ${period.to}`,
      '各等级客户销售占比',
      '客户销售集中度',
      '各等级客户月度销售趋势',
    ]) {
      expect(text).toContain(expected);
    }
    for (const screenOnly of ['保存为 PDF', '打印预览', '退出登录', '导出图片']) expect(text).not.toContain(screenOnly);
    await preview.getByRole('button', { name: '关闭' }).click();
    expect(ui.pageErrors).toEqual([]);
  });
});

describe('composition analyses before any sales are imported', () => {
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;

  beforeAll(async () => {
    dataDir = freshDataDir();
    await seedArchive(dataDir, dataDir, false);
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    ui.page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the manager the sales come from the custodian’s import, and offers the custodian the way there', async () => {
    const { page } = ui;
    await login(page, manager.username, manager.password);
    await openSection(page, '分析');
    await page.getByTestId('analysis-no-sales').waitFor();
    expect(await page.getByTestId('analysis-no-sales').textContent()).toContain('还没有销售数据');
    expect(await page.getByRole('button', { name: '去导入销售数据' }).count()).toBe(0);
    await ui.screenshot('analysis-empty');
    await logout(page);
    await login(page, custodian.username, custodian.password);
    await openSection(page, '分析');
    await page.getByRole('button', { name: '去导入销售数据' }).click();
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: '主导航' }).locator('[data-nav="sales"]').getAttribute('data-active'),
      )
      .toBe('true');
    expect(ui.pageErrors).toEqual([]);
  });
});
