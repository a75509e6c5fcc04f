/**
 * Classification through the real UI against the real store, on a demo archive with sales:
 * the administrator reorders grade entries and adds a region under a region with a route; the
 * custodian sees the customers by grade, opens a group as the card list with exactly that
 * group's cards, reassigns a selection (seen in the card's history), puts a route in order by
 * dragging and saves it, prints the route sheet (read back from the PDF) and overrides a
 * lifecycle with a reason; a manager reads the route without being able to change it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { writeDemoSalesFiles } from '../../src-main/demo/demo-sales';
import { newConnection } from '../../src-main/router/connection';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { CardRow } from '../../src-shared/contracts/cards';
import { regionPathLabel } from '../../src-renderer/classification/region-tree';
import { openBrowser, SCREENSHOT_DIR, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import { field, freshDataDir, login, logout, openSection, TEST_KDF } from './ui-helpers';

const ADMIN = DEMO_USERS.find((u) => u.role === 'admin')!;
const CUSTODIAN = DEMO_USERS.find((u) => u.role === 'custodian')!;
const MANAGER = DEMO_USERS.find((u) => u.role === 'manager')!;
const COUNT = 60;

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Picks an option of a Mantine Select found by its label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Page 1 of a PDF as test-results/<name>.png for review. */
function pdfFirstPagePng(pdf: string, name: string): string {
  const stem = join(SCREENSHOT_DIR, `${name}-tmp`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
  const target = join(SCREENSHOT_DIR, `${name}.png`);
  renameSync(`${stem}.png`, target);
  return target;
}

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfInfo(pdf: string): string {
  return execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
}

describe('classification', () => {
  let dataDir: string;
  let salesDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;
  let page: Page;
  let cards: CardRow[];
  /** The route put in order, as its select options read. */
  let routeChoice: { region: string; route: string };

  /** A call as the user logged in in the browser (the harness has one connection). */
  async function invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await harness.kedang.handle(harness.connection, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<C>;
  }

  async function searchAll(filters: InputOf<'cards.search'>['filters']): Promise<CardRow[]> {
    const page = await invoke('cards.search', {
      query: '',
      filters,
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 500,
    });
    return page.rows;
  }

  /** The card ids the list shows, in order. */
  const listedIds = async () =>
    (await page
      .getByTestId('card-table')
      .locator('[data-card-id]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-card-id'))))) as number[];

  beforeAll(async () => {
    // A demo archive: the users, 60 cards over the demo regions and routes, and a year and more of sales.
    dataDir = freshDataDir();
    salesDir = mkdtempSync(join(tmpdir(), 'kedang-e2e-sales-'));
    const demo = openDemoOffice(dataDir, { kdf: TEST_KDF });
    await createDemoArchive(demo, 'e2e');
    const connection = newConnection('e2e');
    await demo.call(connection, 'auth.login', { username: CUSTODIAN.username, password: CUSTODIAN.password });
    const reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
    await loadDemoCards(demo.callOf(connection), demoCards({ count: COUNT, seed: 'e2e-classification', reps }));
    const all = await demo.call(connection, 'cards.search', {
      query: '',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 500,
    });
    const files = await writeDemoSalesFiles(salesDir, {
      customers: all.rows.map((r) => ({ code: r.code, grade: r.grade, creditLimit: r.creditLimit })),
      lines: 3000,
      seed: 'e2e-classification',
      until: today(),
    });
    await demo.call(connection, 'sales.importCommit', { kind: 'sales', path: files.salesCsv });
    await demo.call(connection, 'auth.logout', {});
    await demo.close();

    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    page = ui.page;
    page.setDefaultTimeout(10_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (salesDir) rmSync(salesDir, { recursive: true, force: true });
  });

  it('lets the administrator reorder the grades by button and by drag', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await openSection(page, '分类');
    await page.getByTestId('dictionary-admin').waitFor();
    await page.getByText('客户等级', { exact: true }).first().click();
    const table = page.getByTestId('entries-grade');
    await table.waitFor();
    const codes = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(await codes()).toEqual(['A', 'B', 'C', 'D']);

    await page.getByRole('button', { name: '下移 A 级' }).click();
    await page.getByText('顺序已保存。').first().waitFor();
    await expect.poll(codes).toEqual(['B', 'A', 'C', 'D']);

    // Dragging D onto the first row puts it first.
    await table.locator('tr[data-code="D"]').dragTo(table.locator('tr[data-code="B"]'));
    await expect.poll(codes).toEqual(['D', 'B', 'A', 'C']);
    await ui.screenshot('classification-dictionaries');
    // The order is main's, not the screen's: it holds after reading the dictionaries again.
    const grades = (await invoke('classification.dictionaries', {}))
      .filter((e) => e.axis === 'grade')
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((e) => e.code);
    expect(grades).toEqual(['D', 'B', 'A', 'C']);
    // Back to the method's order for the rest of the test.
    await table.locator('tr[data-code="D"]').dragTo(table.locator('tr[data-code="C"]'));
    await expect.poll(codes).toEqual(['B', 'A', 'C', 'D']);
    await page.getByRole('button', { name: '上移 A 级' }).click();
    await expect.poll(codes).toEqual(['A', 'B', 'C', 'D']);
  });

  it('adds and deletes a grade, and explains why a grade in use cannot be deleted', async () => {
    const table = page.getByTestId('entries-grade');
    await page.getByRole('button', { name: '新增', exact: true }).click();
    let dialog = page.getByRole('dialog');
    await field(page, '编码').fill('E 级');
    await field(page, '中文名称').fill('E 级');
    await dialog.getByRole('button', { name: '保存' }).click();
    // A code with a space is refused beside the field, in Chinese, before anything is sent.
    await dialog.getByText('编码只能包含字母、数字、汉字和 _ . -').waitFor();
    await field(page, '编码').fill('E');
    await field(page, '英文名称').fill('Grade E');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增“E 级”。').first().waitFor();
    await table.locator('tr[data-code="E"]').waitFor();

    // Grade A is on cards: main refuses, the dialog says why and offers to deactivate instead.
    await table.locator('tr[data-code="A"]').getByRole('button', { name: '删除' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '删除' }).click();
    await dialog.locator('[data-error-code="ENTRY_IN_USE"]').waitFor();
    expect(await dialog.locator('[data-error-code="ENTRY_IN_USE"]').textContent()).toContain('不能删除；可以停用它');
    await dialog.getByRole('button', { name: '改为停用' }).waitFor();
    await ui.screenshot('classification-delete-in-use');
    await dialog.getByRole('button', { name: '取消' }).click();
    await table.locator('tr[data-code="A"]').waitFor();

    // E is on no card: it goes.
    await table.locator('tr[data-code="E"]').getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除 E。').first().waitFor();
    expect(await table.locator('tr[data-code="E"]').count()).toBe(0);
  });

  it('lets the administrator add a region under a region, and a route in it', async () => {
    await page.getByRole('tab', { name: '区域与路线' }).click();
    const admin = page.getByTestId('region-admin');
    await admin.waitFor();
    await admin.locator('[data-region="HB"]').first().click();
    await page.getByTestId('region-header').getByText('华北区', { exact: true }).waitFor();
    await page.getByRole('button', { name: '新增下级区域' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The suggested code is free among regions and routes alike (the demo routes are HB-01 … HB-04).
    const suggested = await field(page, '编码').inputValue();
    expect(suggested).toMatch(/^HB-\d\d$/);
    await field(page, '编码').fill('HB-BJC');
    await field(page, '中文名称').fill('北京城区');
    await field(page, '英文名称').fill('Beijing city');
    await ui.screenshot('classification-region-add');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增“北京城区”。').first().waitFor();

    await admin.locator('[data-region="HB-BJC"]').first().click();
    await page.getByTestId('region-header').getByText('华北区 › 北京城区').waitFor();
    await page.getByRole('button', { name: '新增路线' }).click();
    await field(page, '中文名称').fill('二环线');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已新增“二环线”。').first().waitFor();
    await page.getByTestId('region-routes').getByText('二环线').waitFor();

    const entries = await invoke('classification.dictionaries', {});
    expect(entries.find((e) => e.code === 'HB-BJC')).toMatchObject({
      axis: 'region',
      parentCode: 'HB',
      label: '北京城区',
    });
    const route = entries.find((e) => e.axis === 'route' && e.label === '二环线');
    expect(route?.parentCode).toBe('HB-BJC');
    await admin.locator('[data-region="HB"]').first().click();
    await page.getByTestId('region-children').getByText('北京城区').waitFor();
    await ui.screenshot('classification-regions');

    // The rules: key and general together may not pass 100 %, said beside the field.
    await page.getByRole('tab', { name: '派生分类规则' }).click();
    await page.getByTestId('rules-panel').waitFor();
    await field(page, '主力客户（%）').fill('90');
    await page.getByRole('button', { name: '保存规则并重新计算' }).click();
    await page.getByText('主力与一般的比例之和不能超过 100%').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.screenshot('classification-rules');
    await field(page, '主力客户（%）').fill('80');
    await page.getByRole('button', { name: '保存规则并重新计算' }).click();
    await page.getByText('规则已保存，所有客户的派生分类已重新计算。').first().waitFor();
    expect((await invoke('classification.rules', {})).keyPercent).toBe(80);
    expect(ui.pageErrors).toEqual([]);
    await logout(page);
  });

  it('shows the custodian the customers by grade and opens a group as exactly its cards', async () => {
    await login(page, CUSTODIAN.username, CUSTODIAN.password);
    await openSection(page, '分类');
    const table = page.getByTestId('group-table');
    await table.waitFor();
    cards = await searchAll({ status: ['active'] });
    const gradeA = cards.filter((c) => c.grade === 'A');
    expect(gradeA.length).toBeGreaterThan(2);
    const row = table.locator('tr[data-group="A"]');
    expect(await row.locator('[data-column="customers"]').textContent()).toBe(String(gradeA.length));
    expect(await table.locator('tfoot [data-column="customers"]').textContent()).toBe(String(cards.length));
    // The view's sales total is the period's: the 12 months of demo sales make it positive.
    expect(await page.getByTestId('groups-summary').textContent()).not.toContain('销售额 0.00 元');
    await ui.screenshot('classification-view');

    // Two axes: a cross table whose grand total is every active customer.
    await choose(page, '再按（交叉表）', '生命周期');
    await page.getByTestId('cross-table').waitFor();
    expect(await page.getByTestId('cross-grand-total').locator('.kd-cross-count').textContent()).toBe(
      String(cards.length),
    );
    await ui.screenshot('classification-cross');
    await choose(page, '再按（交叉表）', '不交叉');
    await table.waitFor();

    // A whole group reassigned from the view: every grade D card gets 行业 其他.
    const gradeD = cards.filter((c) => c.grade === 'D');
    await table.locator('tr[data-group="D"]').getByRole('button', { name: '调整分类' }).click();
    const dialog = page.getByTestId('reassign-modal');
    await dialog.getByText(`“D 级”组的 ${gradeD.length} 张`).waitFor();
    await choose(page, '要调整的分类', '行业');
    await choose(page, '改为', '其他');
    expect(await page.getByTestId('reassign-confirm-text').textContent()).toContain(
      `将把 ${gradeD.length} 张档案卡的“行业”改为“其他”`,
    );
    await dialog.getByRole('button', { name: '确认调整' }).click();
    await page
      .getByText(/^已调整 \d+ 张档案卡/)
      .first()
      .waitFor();
    const unchanged = gradeD.filter((c) => c.industry === 'other').length;
    expect(
      await page
        .getByText(/^已调整 \d+ 张档案卡/)
        .first()
        .textContent(),
    ).toContain(`已调整 ${gradeD.length - unchanged} 张档案卡`);
    expect((await searchAll({ status: ['active'], grade: ['D'] })).every((c) => c.industry === 'other')).toBe(true);

    await row.getByRole('button', { name: 'A 级' }).click();
    await page.getByTestId('card-table').waitFor();
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe(`共 ${gradeA.length} 张`);
    await expect
      .poll(async () => (await listedIds()).sort((a, b) => a - b))
      .toEqual(gradeA.map((c) => c.id).sort((a, b) => a - b));
    // The filter is in the filter bar, so the user sees why the list is narrowed.
    const filters = page.getByTestId('card-filters');
    await filters.waitFor();
    expect(await filters.textContent()).toContain('A 级');
    await ui.screenshot('classification-cards-filtered');
  });

  it('reassigns a selection from the list, and each card’s history shows it', async () => {
    const before = await listedIds();
    const chosen = before.slice(0, 2);
    for (const id of chosen) {
      await page.locator(`[role="row"][data-card-id="${id}"]`).getByRole('checkbox').check();
    }
    await page.getByTestId('reassign-cards').click();
    const dialog = page.getByTestId('reassign-modal');
    await dialog.waitFor();
    await choose(page, '改为', 'B 级');
    expect(await page.getByTestId('reassign-confirm-text').textContent()).toContain(
      '将把 2 张档案卡的“客户等级”改为“B 级”',
    );
    await ui.screenshot('classification-reassign');
    await dialog.getByRole('button', { name: '确认调整' }).click();
    await page.getByText('已调整 2 张档案卡。').first().waitFor();
    // The list (still filtered to grade A) reads again: the two cards have left it.
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe(`共 ${before.length - 2} 张`);
    expect((await listedIds()).filter((id) => chosen.includes(id))).toEqual([]);
    for (const id of chosen) {
      const history = await invoke('cards.history', { id });
      expect(history[0]).toMatchObject({ kind: 'reclassify' });
      expect(history[0]!.changes).toContainEqual(
        expect.objectContaining({ path: 'classification.grade', from: 'A', to: 'B' }),
      );
    }

    // In the card itself: 历史 shows the 调整分类 version.
    const moved = cards.find((c) => c.id === chosen[0])!;
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await page.getByRole('textbox', { name: '搜索' }).fill(moved.code);
    await expect.poll(listedIds).toEqual([moved.id]);
    await page.locator(`[role="row"][data-card-id="${moved.id}"]`).click();
    await page.getByTestId('card-view').waitFor();
    await page.getByRole('tab', { name: '历史' }).click();
    await page.getByTestId('card-view').getByText('调整分类').first().waitFor();
    await ui.screenshot('classification-history');
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  it('puts a route in order by dragging, saves it, and prints the route sheet on A4', async () => {
    // The demo route with the most customers.
    const byRoute = new Map<string, CardRow[]>();
    for (const c of await searchAll({ status: ['active'] })) {
      if (c.route) byRoute.set(c.route, [...(byRoute.get(c.route) ?? []), c]);
    }
    const [routeCode, onRoute] = [...byRoute].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(onRoute.length).toBeGreaterThanOrEqual(3);
    const entries = await invoke('classification.dictionaries', {});
    const routeEntry = entries.find((e) => e.axis === 'route' && e.code === routeCode)!;
    const regionEntry = entries.find((e) => e.axis === 'region' && e.code === routeEntry.parentCode)!;

    await openSection(page, '分类');
    await page.getByRole('tab', { name: '路线' }).click();
    await page.getByTestId('routes-panel').waitFor();
    routeChoice = {
      region: regionPathLabel(entries, regionEntry.code, 'zh'),
      route: `${routeEntry.label}（${routeCode}）`,
    };
    await choose(page, '区域', routeChoice.region);
    await choose(page, '路线', routeChoice.route);
    const stops = page.getByTestId('route-stops');
    await stops.waitFor();
    const shownIds = () =>
      stops.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-card-id'))));
    const before = await shownIds();
    const route = await invoke('classification.route', { route: routeCode });
    expect(before).toEqual(route.stops.map((s) => s.id));
    await ui.screenshot('classification-route');

    // Drag the third stop onto the first: it becomes the first, the others move down.
    await stops.locator(`tr[data-card-id="${before[2]}"]`).dragTo(stops.locator(`tr[data-card-id="${before[0]}"]`));
    const expected = [before[2]!, before[0]!, before[1]!, ...before.slice(3)];
    await expect.poll(shownIds).toEqual(expected);
    await page.getByTestId('route-unsaved').waitFor();
    await ui.screenshot('classification-route-drag');

    // Meanwhile a stop's card is saved elsewhere: the save is refused, the route read again and the reason shown.
    const other = (await searchAll({ status: ['active'] })).find((c) => c.id === before[1])!;
    await invoke('classification.reassign', {
      query: '',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      ids: [other.id],
      axis: 'grade',
      value: other.grade === 'D' ? 'C' : 'D',
    });
    await page.getByRole('button', { name: '保存顺序' }).click();
    await page.getByTestId('route-changed').waitFor();
    expect(await page.getByTestId('route-changed').textContent()).toContain('您的排序未保存');
    await expect.poll(shownIds).toEqual(before);
    expect((await invoke('classification.route', { route: routeCode })).stops.map((s) => s.id)).toEqual(before);

    await stops.locator(`tr[data-card-id="${before[2]}"]`).dragTo(stops.locator(`tr[data-card-id="${before[0]}"]`));
    await expect.poll(shownIds).toEqual(expected);
    await page.getByRole('button', { name: '保存顺序' }).click();
    await page.getByText('路线顺序已保存。').first().waitFor();
    const saved = await invoke('classification.route', { route: routeCode });
    expect(saved.stops.map((s) => s.id)).toEqual(expected);
    expect(saved.stops.map((s) => s.routeOrder)).toEqual(expected.map((_, i) => i + 1));

    // The route sheet: logged, previewed, saved as PDF and read back.
    await page.getByTestId('print-route').click();
    const preview = page.getByTestId('route-print-preview');
    await preview.waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await ui.screenshot('classification-route-preview');
    harness.onPrint = async (request) => {
      if (request.kind === 'pdf') {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.pdf({ path: request.path, format: 'A4', printBackground: true, preferCSSPageSize: true });
      }
      return true;
    };
    const pdf = join(salesDir, 'route-sheet.pdf');
    harness.chooseFileAnswers.push(pdf);
    await preview.getByRole('button', { name: '保存为 PDF…' }).click();
    await page.getByText(`已保存为 PDF：${pdf}`).first().waitFor();
    pdfFirstPagePng(pdf, 'route-sheet-page1');
    // A4 portrait, as pdfinfo names the size.
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const text = pdfText(pdf);
    for (const expectedText of [
      '内部资料 严禁外传',
      '客户路线表',
      `路线表 · ${routeEntry.label}（${routeCode}）`,
      `打印人：${CUSTODIAN.displayName}`,
      regionEntry.label,
    ]) {
      expect(text).toContain(expectedText);
    }
    expect(text).toMatch(/第 ?1 ?页 ?\/ ?共 ?\d+ ?页/);
    for (const screenOnly of ['保存为 PDF', '打印预览', '退出登录']) expect(text).not.toContain(screenOnly);
    // Every stop, in the saved visiting order.
    const codes = saved.stops.map((s) => s.code);
    const positions = codes.map((code) => text.indexOf(code));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await preview.getByRole('button', { name: '关闭' }).click();

    expect(ui.pageErrors).toEqual([]);
  });

  it('overrides a lifecycle with a reason, and shows who, when and why', async () => {
    const card = cards.find((c) => c.grade === 'C') ?? cards[0]!;
    const derived = await invoke('classification.derived', { id: card.id });
    const target = derived.lifecycleDerived === 'active' ? '中断客户' : '老客户';
    const note = target === '中断客户' ? '客户来函暂停进货，待恢复后再议' : '已签订年度合同，按老客户管理';
    await openSection(page, '档案卡');
    await page.getByRole('textbox', { name: '搜索' }).fill(card.code);
    await expect.poll(listedIds).toEqual([card.id]);
    await page.locator(`[role="row"][data-card-id="${card.id}"]`).click();
    await page.getByTestId('card-view').waitFor();
    await page.getByRole('tab', { name: '分类' }).click();
    const panel = page.getByTestId('derived-classes');
    await panel.waitFor();
    await panel.locator('tr[data-axis="lifecycle"]').getByRole('button', { name: '手动指定…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The reason is required.
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写说明。').waitFor();
    await choose(page, '指定为', target);
    await field(page, '说明（必填）').fill(note);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已记录：生命周期为“${target}”。`).first().waitFor();
    expect(await page.getByTestId('derived-lifecycle').textContent()).toBe(target);
    const history = page.getByTestId('override-history');
    expect(await history.textContent()).toContain(note);
    await ui.screenshot('classification-derived');
    const after = await invoke('classification.derived', { id: card.id });
    expect(after.lifecycleOverride).not.toBeNull();
    expect(after.overrides[0]).toMatchObject({ axis: 'lifecycle', note });
    expect(ui.pageErrors).toEqual([]);
    await page.getByRole('button', { name: '返回列表' }).click();
    await logout(page);
  });

  it('lets a manager read a route and print it, but not reorder it', async () => {
    await login(page, MANAGER.username, MANAGER.password);
    await openSection(page, '分类');
    await page.getByTestId('group-table').waitFor();
    // A manager sees the view without the reassign action.
    expect(await page.getByRole('button', { name: '调整分类' }).count()).toBe(0);
    await page.getByRole('tab', { name: '路线' }).click();
    await page.getByTestId('routes-panel').waitFor();
    await choose(page, '区域', routeChoice.region);
    await choose(page, '路线', routeChoice.route);
    await page.getByTestId('route-stops').waitFor();
    await page.getByText('只读：路线顺序由档案管理员维护。').waitFor();
    expect(await page.getByTestId('route-stops').locator('tr[draggable="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存顺序' }).count()).toBe(0);
    expect(await page.getByTestId('print-route').count()).toBe(1);
    await ui.screenshot('classification-route-manager');

    // The same screens in English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'By class' }).click();
    await page.getByTestId('group-table').getByText('Grade A').waitFor();
    await ui.screenshot('classification-view-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('tab', { name: '分类视图' }).waitFor();
    expect(ui.pageErrors).toEqual([]);
  });
});
