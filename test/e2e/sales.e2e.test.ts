/**
 * The custodian imports an ERP sales export through the sales screen in
 * Chromium against the real store: the automatic mapping, the check's
 * report (accepted rows, the total to the cent, customers, new products,
 * the date range, rejected rows with their reasons), the confirmation, the
 * import history, the same file again refused with its warning, the
 * product catalogue with a category set, and the report in English.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCents } from '../../src-shared/sales/sales';
import { calendarDate } from '../../src-main/classification/calendar';
import { demoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { writeDemoSalesFiles } from '../../src-main/demo/demo-sales';
import { newConnection } from '../../src-main/router/connection';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { freshDataDir, login, openSection, TEST_KDF } from './ui-helpers';

const CARDS = 120;
const LINES = 400;

describe('the sales screen', () => {
  let dataDir: string;
  let work: string;
  let harness: Harness;
  let ui: HarnessBrowser;
  let page: Page;
  let csv: string;
  /** The generated lines' total in cents, read from the file digit by digit. */
  let expectedCents = 0;
  let customers = 0;
  let dates: string[] = [];
  const soldProduct = { code: '', category: '' };

  beforeAll(async () => {
    dataDir = freshDataDir();
    work = mkdtempSync(join(tmpdir(), 'kedang-sales-e2e-'));
    const demo = openDemoOffice(dataDir, { kdf: TEST_KDF });
    await createDemoArchive(demo, 'e2e');
    const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
    const connection = newConnection('e2e');
    await demo.call(connection, 'auth.login', { username: custodian.username, password: custodian.password });
    const cards = [...demoCards({ count: CARDS, seed: 'e2e-sales', reps: [] })];
    await loadDemoCards(demo.callOf(connection), cards);
    await demo.call(connection, 'auth.logout', {});
    await demo.close();

    const files = await writeDemoSalesFiles(work, {
      customers: cards.map((c, i) => ({
        code: `KH${String(i + 1).padStart(6, '0')}`,
        grade: c.classification.grade,
        creditLimit: c.trading.creditLimit,
      })),
      lines: LINES,
      seed: 'e2e',
      until: calendarDate(new Date()),
    });
    csv = files.salesCsv;
    const rows = readFileSync(csv, 'utf8').split('\r\n').slice(1, -1);
    for (const row of rows) {
      const amount = row.split(',')[9]!;
      const [whole, fraction] = amount.replace('-', '').split('.');
      expectedCents += (amount.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction));
    }
    customers = new Set(rows.map((r) => r.split(',')[3])).size;
    dates = rows.map((r) => r.split(',')[2]!).sort();
    // A product the file really brings: which ones a small demo file sells depends on the day it is made.
    const first = rows[0]!.split(',');
    soldProduct.code = first[4]!;
    soldProduct.category = first[6]!;
    // Three lines an ERP export can bring that cannot be imported.
    appendFileSync(
      csv,
      [
        'XS209912310001,1,2026-01-05,KH999999,YL0001,清泉 饮用天然水,饮料,1,28.00,28.00',
        'XS209912310002,1,2026-13-05,KH000001,YL0001,清泉 饮用天然水,饮料,1,28.00,28.00',
        `${rows[0]!.split(',').slice(0, 2).join(',')},2026-01-05,KH000001,YL0001,清泉 饮用天然水,饮料,1,28.00,28.00`,
      ].join('\r\n') + '\r\n',
    );

    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    page = ui.page;
    page.setDefaultTimeout(15_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await login(page, custodian.username, custodian.password);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const stat = async (name: string) =>
    (await page.getByTestId('sales-counts').locator(`[data-stat="${name}"] [data-value]`).textContent())!.trim();

  it('imports a sales CSV through the wizard: mapping, report, confirmation, history', async () => {
    await openSection(page, '销售数据');
    const file = page.getByTestId('sales-step-file');
    await file.waitFor();
    await ui.screenshot('sales-import-file');

    harness.chooseFileAnswers.push(csv);
    await page.getByRole('button', { name: '选择文件…' }).click();
    const mapping = page.getByTestId('sales-mapping');
    await mapping.waitFor();
    expect(harness.chooseFileRequests.at(-1)).toMatchObject({ purpose: 'salesImport', mode: 'open' });
    const facts = await page.getByTestId('sales-file-facts').textContent();
    expect(facts).toContain('销售出库明细.csv');
    expect(facts).toContain('UTF-8');
    await expect(mapping.getByLabel('导入到：单据编号').inputValue()).resolves.toBe('单据号');
    await expect(mapping.getByLabel('导入到：行号').inputValue()).resolves.toBe('行号');
    await expect(mapping.getByLabel('导入到：价税合计').inputValue()).resolves.toBe('金额');
    await expect(mapping.getByLabel('导入到：单价').inputValue()).resolves.toBe('不导入');
    await expect(mapping.locator('[data-column="客户编码"]').getByText('自动识别').isVisible()).resolves.toBe(true);
    await ui.screenshot('sales-import-mapping');

    await page.getByRole('button', { name: '检查数据' }).click();
    const check = page.getByTestId('sales-step-check');
    await check.waitFor();
    await expect(stat('totalRows')).resolves.toBe(String(LINES + 3));
    await expect(stat('acceptedRows')).resolves.toBe(String(LINES));
    await expect(stat('rejectedCount')).resolves.toBe('3');
    await expect(stat('acceptedCents')).resolves.toBe(formatCents(expectedCents));
    await expect(stat('customers')).resolves.toBe(String(customers));
    expect(Number(await stat('newProducts'))).toBeGreaterThan(50);
    await expect(page.getByTestId('sales-date-range').textContent()).resolves.toBe(
      `日期范围：${dates[0]} 至 ${dates.at(-1)}`,
    );
    const rejected = await page.getByTestId('sales-rejected').locator('[data-row]').allTextContents();
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toContain('客户编码“KH999999”在档案中不存在');
    expect(rejected[1]).toContain('日期“2026-13-05”无法识别');
    expect(rejected[2]).toContain('在文件内重复');
    await ui.screenshot('sales-import-check');

    await page.getByRole('button', { name: '导入…' }).click();
    const confirm = page.getByTestId('sales-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      `将导入销售明细 ${LINES} 行，金额合计 ${formatCents(expectedCents)} 元；3 行未通过检查，不导入。`,
    );
    await confirm.getByRole('button', { name: '确认导入' }).click();
    const result = page.getByTestId('sales-step-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(
      `已导入销售明细 ${LINES} 行，金额合计 ${formatCents(expectedCents)} 元；未通过 3 行`,
    );
    await ui.screenshot('sales-import-result');

    await page.getByRole('button', { name: '查看导入记录' }).click();
    const history = page.getByTestId('sales-history');
    await history.waitFor();
    const rows = await history.locator('[data-import-id]').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('销售出库明细.csv');
    expect(rows[0]).toContain(LINES.toLocaleString('en-US'));
    expect(rows[0]).toContain(formatCents(expectedCents));
    expect(rows[0]).toContain('dangan');
    await ui.screenshot('sales-history');
    expect(ui.pageErrors).toEqual([]);
  });

  it('warns when the same file comes again, and does not let it be imported twice', async () => {
    await page.getByRole('tab', { name: '导入', exact: true }).click();
    await page.getByRole('button', { name: '再导入一个文件' }).click();
    harness.chooseFileAnswers.push(csv);
    await page.getByRole('button', { name: '选择文件…' }).click();
    await page.getByTestId('sales-mapping').waitFor();
    await page.getByRole('button', { name: '检查数据' }).click();
    const warning = page.getByTestId('sales-already-imported');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('这个文件已经导入过');
    expect(await warning.textContent()).toContain('由 dangan 导入');
    await expect(page.getByRole('button', { name: '导入…' }).isDisabled()).resolves.toBe(true);
    // Its lines are in the archive already: none would be taken again.
    await expect(stat('acceptedRows')).resolves.toBe('0');
    // A full-page shot of a scrolled page draws the fixed header mid-page: from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.screenshot('sales-import-already-imported');
  });

  it('lists the catalogue the import made, and sets a product category', async () => {
    await page.getByRole('tab', { name: '商品目录' }).click();
    const table = page.getByTestId('sales-products');
    await table.waitFor();
    const row = table.locator(`[data-product="${soldProduct.code}"]`);
    await expect(row.textContent()).resolves.toContain(soldProduct.category);
    await row.getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('类别').fill('瓶装水');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('瓶装水');
    await ui.screenshot('sales-products');
    expect(ui.pageErrors).toEqual([]);
  });

  it('reads in English too', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Check data' }).click();
    await page.getByTestId('sales-already-imported').waitFor();
    await expect(page.getByTestId('sales-already-imported').textContent()).resolves.toContain(
      'This file was imported before',
    );
    await page.getByRole('tab', { name: 'Imports' }).click();
    await page.getByTestId('sales-history').waitFor();
    await ui.screenshot('sales-history-en');
    await page.getByText('中文', { exact: true }).click();
  });
});
