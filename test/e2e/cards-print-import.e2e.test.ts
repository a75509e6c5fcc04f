/**
 * Printing, importing and exporting archive cards through the real UI
 * against the real store: the print preview, the printed A4 pages read back
 * from the PDF (every page marked 内部资料 严禁外传 with the printing user
 * and the copy number; personal notes hidden for a manager), the print rows
 * in the access log, and the import wizard with a UTF-8 and a GBK CSV file
 * (mapping, a rejected row, duplicates, the commit, the new cards found).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCard, emptyPerson, type CardContent } from '../../src-shared/cards/card';
import type { InputOf, OutputOf } from '../../src-shared/contracts';
import type { ChannelName } from '../../src-shared/contracts';
import { SCREENSHOT_DIR, type HarnessBrowser } from './harness/browser';
import type { Harness } from './harness/server';
import {
  ADMIN,
  completeSetup,
  createUser,
  firstLogin,
  leaveRecoveryCode,
  login,
  logout,
  openSection,
  openTestUi,
  type TestUi,
  type TestUser,
  CUSTODIAN,
} from './ui-helpers';

const MANAGER: TestUser = {
  username: 'sunli',
  displayName: '孙立',
  temporary: 'Temp24680def',
  password: 'Sunli2024manage',
};
const AUDITOR: TestUser = {
  username: 'zhaomin',
  displayName: '赵敏',
  temporary: 'Temp67890xyz',
  password: 'Zhaomin2024audit',
};

const LONG_NOTE =
  '该客户以茶叶批发为主，兼营茶具与礼品包装，旺季集中在清明前后与中秋前两个月。' +
  '近三年销售额稳定增长，对我公司产品的回款记录良好，但对价格较为敏感，常要求按季度调整结算价格。'.repeat(3);

/** A card with every section filled in, two people with personal notes: long enough to need a second page. */
function fullCard(): CardContent {
  const card = emptyCard();
  Object.assign(card.basic, {
    code: 'HZ0001',
    name: '杭州西湖龙井茶叶贸易有限公司',
    shortName: '西湖茶贸',
    creditCode: '91330106MA27XL0K06',
    address: '浙江省杭州市西湖区龙井路 18 号茶叶交易中心 3 号楼 2 层',
    phone: '0571-88886666',
    email: 'office@xihu-tea.example.cn',
    founded: '2008-03-15',
    tradingSince: '2015-06-01',
    organizationForm: '有限责任公司',
    registeredCapital: 500,
    employees: 86,
    annualSales: 12800,
  });
  const owner = emptyPerson('owner');
  Object.assign(owner, {
    name: '周明',
    title: '董事长',
    phone: '13900001111',
    character: '稳重，决策谨慎',
    hobbies: '书法、围棋',
    family: '已婚，一子在读大学',
    education: '本科',
    age: 52,
    abilities: '熟悉茶叶产区与渠道，善于维护老客户关系',
  });
  const contact = emptyPerson('contact');
  Object.assign(contact, { name: '吴芳', title: '采购经理', phone: '13800002222', character: '爽快', age: 35 });
  card.people = [owner, contact];
  Object.assign(card.characteristics, {
    serviceArea: '杭州市区及周边县市的茶楼、酒店与礼品公司',
    salesCapacity: LONG_NOTE,
    growthPotential: '计划在宁波、绍兴开设两家门店',
    businessPhilosophy: '诚信经营，品质第一',
    policies: '以批发为主、零售为辅',
    managementStyle: '家族式管理，重要事项由董事长决定',
  });
  Object.assign(card.business, {
    salesPerformance: LONG_NOTE,
    staffQuality: '业务人员经验丰富，流动性低',
    competitorRelations: '与两家本地茶商有长期竞争',
    cooperationAttitude: '合作积极，愿意参与我公司新品推广',
  });
  Object.assign(card.trading, {
    salesActivity: '旺季备货量大，淡季以礼品定制为主',
    problems: '仓储面积不足',
    strengths: '渠道稳定，客户忠诚度高',
    futureMeasures: '扩大仓储，发展线上销售',
    reputation: '本地口碑良好',
    creditLimit: 300000,
    paymentTermsDays: 45,
    tradeTerms: '月结 45 天，银行转账',
    creditStatus: '良好',
    pastCreditProblems: '2019 年曾延迟付款一次，已结清',
  });
  Object.assign(card.classification, {
    nature: 'company',
    ownership: 'private',
    businessType: 'wholesale',
    locationType: 'commercial_centre',
    grade: 'A',
    creditGrade: 'AA',
    industry: 'food',
  });
  card.sources.basic.source = 'customer_form';
  card.sources.trading.source = 'agency';
  return card;
}

/** A card with only a name and a code: every other field prints as a dash. */
function sparseCard(): CardContent {
  const card = emptyCard();
  card.basic.code = 'NB0002';
  card.basic.name = '宁波港联物流有限公司';
  return card;
}

/** Page n of a PDF as text, whitespace collapsed (pdftotext breaks lines where the layout does). */
function pdfPageText(pdf: string, n: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
}

function pdfPages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Page 1 of the PDF as test-results/<name>.png for review; returns its path. */
function pdfFirstPagePng(pdf: string, name: string): string {
  for (const old of readdirSync(SCREENSHOT_DIR)) if (old.startsWith(`${name}-`)) rmSync(join(SCREENSHOT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(SCREENSHOT_DIR, name)]);
  const png = readdirSync(SCREENSHOT_DIR).find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  if (!png) throw new Error(`pdftoppm wrote no page for ${pdf}`);
  return join(SCREENSHOT_DIR, png);
}

describe('printing and importing archive cards', () => {
  let testUi: TestUi;
  let harness: Harness;
  let ui: HarnessBrowser;
  let page: Page;
  const ids: number[] = [];
  const work = join(SCREENSHOT_DIR, 'cards-print-import');

  /** A call as the user logged in in the browser (the harness has one connection). */
  async function invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await harness.kedang.handle(harness.connection, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<C>;
  }

  /** The browser prints its own page to the path main asked for, as Electron's printToPDF would. */
  function printToPdf() {
    harness.onPrint = async (request) => {
      if (request.kind === 'pdf') {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.pdf({ path: request.path, format: 'A4', printBackground: true, preferCSSPageSize: true });
      }
      return true;
    };
  }

  async function openCards() {
    await openSection(page, '档案卡');
    await page.getByTestId('card-table').waitFor();
  }

  async function selectCards(cardIds: number[]) {
    for (const id of cardIds) {
      await page.locator(`[role="row"][data-card-id="${id}"]`).getByRole('checkbox').check();
    }
    await page.getByTestId('card-selected').waitFor();
  }

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    testUi = await openTestUi();
    ({ harness, ui } = testUi);
    page = ui.page;
    await completeSetup(page);
    await leaveRecoveryCode(page);
    await login(page, ADMIN.username, ADMIN.password);
    await openSection(page, '系统');
    await page.getByTestId('users-table').waitFor();
    await createUser(page, CUSTODIAN, '档案管理员', ui);
    await createUser(page, MANAGER, '经理', ui);
    await createUser(page, AUDITOR, '审计员', ui);
    await logout(page);
    await firstLogin(page, CUSTODIAN, ui);
    // The cards to print are entered through the same session the browser uses.
    const full = await invoke('cards.create', { content: fullCard() });
    const verified = await invoke('cards.verifySection', {
      id: full.id,
      expectedVersion: full.version,
      section: 'basic',
    });
    const sparse = await invoke('cards.create', { content: sparseCard() });
    ids.push(verified.id, sparse.id);
  });

  afterAll(async () => testUi?.close());

  it('prints two selected cards as A4 pages marked confidential, with copy numbers, and logs each print', async () => {
    await openCards();
    await selectCards(ids);
    await page.getByTestId('print-cards').click();
    const preview = page.getByTestId('card-print-preview');
    await preview.waitFor();
    await expect(preview.locator('article[data-card-id]').count()).resolves.toBe(2);
    await expect(preview.getByText('第 1 份').first().isVisible()).resolves.toBe(true);
    await ui.screenshot('card-print-preview');

    printToPdf();
    const pdf = join(work, 'cards-first.pdf');
    rmSync(pdf, { force: true });
    harness.chooseFileAnswers.push(pdf);
    await preview.getByRole('button', { name: '保存为 PDF…' }).click();
    await page.getByText(`已保存为 PDF：${pdf}`).waitFor();
    expect(harness.printRequests.at(-1)).toEqual({ kind: 'pdf', path: pdf });

    pdfFirstPagePng(pdf, 'card-print-page1');
    const pages = pdfPages(pdf);
    // The full card needs more than one page, the sparse one starts on its own page.
    expect(pages).toBeGreaterThanOrEqual(3);
    const texts = Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1));
    for (const text of texts) {
      expect(text).toContain('内部资料 严禁外传');
      expect(text).toContain('打印人：李华');
      expect(text).toMatch(/第 1 份 · (HZ0001|NB0002)/);
      expect(text).toMatch(/第 ?\d+ ?页 ?\/ ?共 ?\d+ ?页/);
      // Nothing of the screen around the preview goes on paper.
      for (const screenOnly of ['保存为 PDF', '打印预览', '退出登录']) expect(text).not.toContain(screenOnly);
    }
    const first = texts[0]!;
    for (const expected of [
      '客户档案卡',
      '杭州西湖龙井茶叶贸易有限公司',
      'HZ0001',
      '第 2 版',
      '一、基础资料',
      '二、人员',
      '来源：客户填写',
      '已核实（李华',
      '未核实',
      '周明',
      '书法、围棋',
    ])
      expect(first).toContain(expected);
    const sparseStart = texts.findIndex((text) => text.includes('宁波港联物流有限公司'));
    expect(sparseStart).toBeGreaterThan(0);
    // Every section of the method, in order, with the classification printed as dictionary labels.
    const fullCardText = texts.slice(0, sparseStart).join(' ');
    const headings = ['一、基础资料', '二、人员', '三、客户特征', '四、业务状况', '五、交易与信用', '六、分类'];
    const positions = headings.map((h) => fullCardText.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const label of ['普通公司', '个体所有制', '批发店', '商业中心店', '食品饮料', '来源：调查机构'])
      expect(fullCardText).toContain(label);
    expect(texts[sparseStart]).toContain('第 1 份 · NB0002');
    expect(texts[sparseStart]).not.toContain('HZ0001');
    expect(texts[sparseStart]).toContain('无人员记录');
    expect(texts[sparseStart]).toContain('—');

    // A job prints once: printing again asks main for a new, logged job with the next copy numbers.
    const again = join(work, 'cards-again.pdf');
    rmSync(again, { force: true });
    harness.chooseFileAnswers.push(again);
    await preview.getByRole('button', { name: '保存为 PDF…' }).click();
    await page.getByText(`已保存为 PDF：${again}`).waitFor();
    expect(pdfPageText(again, 1)).toContain('第 2 份 · HZ0001');
    await expect(preview.getByText('第 2 份').first().isVisible()).resolves.toBe(true);

    // The system dialog path goes to the host as a dialog print.
    await preview.getByRole('button', { name: '打印…' }).click();
    await page.getByText('已发送到打印机。').waitFor();
    expect(harness.printRequests.at(-1)).toEqual({ kind: 'dialog' });

    await preview.getByRole('button', { name: '关闭' }).click();
    await preview.waitFor({ state: 'detached' });

    // The same selection exports to Excel; a closed save dialog is not an error.
    await page.getByTestId('export-cards').click();
    await page.getByRole('menuitem', { name: '导出当前列表' }).click();
    await expect.poll(() => harness.chooseFileRequests.at(-1)?.purpose).toBe('cardExport');
    const exported = join(work, 'cards-export.xlsx');
    rmSync(exported, { force: true });
    harness.chooseFileAnswers.push(exported);
    await page.getByTestId('export-cards').click();
    await page.getByRole('menuitem', { name: '导出所选（2）' }).click();
    await page.getByText(`已导出 2 张卡片：${exported}`).waitFor();
    expect(existsSync(exported)).toBe(true);
    await expect(page.getByText('已取消').count()).resolves.toBe(0);
  });

  it('hides the personal notes when a manager prints, and an app.print without a prepared job is refused', async () => {
    await logout(page);
    await firstLogin(page, MANAGER, ui);
    const refused = await harness.kedang.handle(harness.connection, 'app.print', { mode: 'dialog' });
    expect(refused.ok).toBe(false);

    await openCards();
    await selectCards([ids[0]!]);
    await page.getByTestId('print-cards').click();
    const preview = page.getByTestId('card-print-preview');
    await preview.waitFor();
    printToPdf();
    const pdf = join(work, 'cards-manager.pdf');
    rmSync(pdf, { force: true });
    harness.chooseFileAnswers.push(pdf);
    await preview.getByRole('button', { name: '保存为 PDF…' }).click();
    await page.getByText(`已保存为 PDF：${pdf}`).waitFor();
    const text = pdfPageText(pdf, 1);
    expect(text).toContain('打印人：孙立');
    expect(text).toContain('第 4 份 · HZ0001');
    expect(text).toContain('周明');
    expect(text).toContain('已隐藏');
    expect(text).not.toContain('书法、围棋');
    await preview.getByRole('button', { name: '关闭' }).click();
  });

  it('records every printed copy in the access log', async () => {
    await logout(page);
    await firstLogin(page, AUDITOR, ui);
    const log = await invoke('accessLog.query', { filter: { action: 'card_print' }, offset: 0, limit: 100 });
    const targets = log.rows.map((r) => `${r.username}:${r.target}:${r.outcome}`).sort();
    expect(targets).toEqual(
      [
        'lihua:HZ0001:success',
        'lihua:HZ0001:success',
        'lihua:HZ0001:success',
        'lihua:NB0002:success',
        'lihua:NB0002:success',
        'lihua:NB0002:success',
        'sunli:HZ0001:success',
      ].sort(),
    );
    const exports = await invoke('accessLog.query', { filter: { action: 'card_export' }, offset: 0, limit: 10 });
    expect(exports.rows.filter((r) => r.outcome === 'success').map((r) => r.username)).toEqual(['lihua']);
  });

  it('imports a UTF-8 CSV through the wizard: mapping, a rejected row, the commit, the new cards found', async () => {
    await logout(page);
    await login(page, CUSTODIAN.username, CUSTODIAN.password);
    await openCards();
    const csv = join(work, 'customers-utf8.csv');
    writeFileSync(
      csv,
      [
        '客户名称,统一社会信用代码,联系电话,地址,联系人,客户手机,区域,备注',
        '绍兴黄酒酿造有限公司,91330206MA2GQ2R408,0575-85551234,绍兴市越城区解放路 88 号,钱进,13700003333,浙东,老客户介绍',
        '温岭机电配件商行,,0576-86667777,温岭市太平街道 12 号,陈红,13600004444,浙东,',
        '错误信用代码商行,91350100M000100Y44,0571-1234,杭州,,,,信用代码有误',
      ].join('\r\n') + '\r\n',
      'utf8',
    );

    await page.getByTestId('import-cards').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('import-step-file').waitFor();
    await ui.screenshot('card-import-file');
    harness.chooseFileAnswers.push(csv);
    await dialog.getByRole('button', { name: '选择文件…' }).click();
    const mapping = dialog.getByTestId('import-mapping');
    await mapping.waitFor();
    expect(harness.chooseFileRequests.at(-1)).toMatchObject({ purpose: 'cardImport', mode: 'open' });
    const facts = await dialog.getByTestId('import-file-facts').textContent();
    expect(facts).toContain('customers-utf8.csv');
    expect(facts).toContain('CSV');
    expect(facts).toContain('UTF-8');
    expect(facts).toContain('第 1 行');
    // Recognised headers come mapped and marked; 备注 is not a card field.
    await expect(dialog.getByLabel('导入到：客户名称').inputValue()).resolves.toBe('客户名称');
    await expect(mapping.locator('[data-column="客户名称"]').getByText('自动识别').isVisible()).resolves.toBe(true);
    await expect(dialog.getByLabel('导入到：备注').inputValue()).resolves.toBe('不导入');
    await expect(dialog.getByTestId('import-preview').getByText('绍兴黄酒酿造有限公司').isVisible()).resolves.toBe(
      true,
    );
    // The custodian maps the column the header did not give away.
    await dialog.getByLabel('导入到：客户手机').click();
    await dialog.getByLabel('导入到：客户手机').fill('联系人·电话');
    await page.getByRole('option', { name: '联系人·电话', exact: true }).click();
    await expect(dialog.getByLabel('导入到：客户手机').inputValue()).resolves.toBe('联系人·电话');
    await ui.screenshot('card-import-mapping');

    await dialog.getByRole('button', { name: '检查数据' }).click();
    const check = dialog.getByTestId('import-step-check');
    await check.waitFor();
    const count = async (stat: string) =>
      Number(await check.locator(`[data-stat="${stat}"] [data-value]`).textContent());
    await expect(count('totalRows')).resolves.toBe(3);
    await expect(count('acceptedRows')).resolves.toBe(2);
    await expect(count('rejectedCount')).resolves.toBe(1);
    await expect(count('toCreate')).resolves.toBe(2);
    const rejected = await check.getByTestId('import-rejected').locator('[data-row]').allTextContents();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^4/);
    expect(rejected[0]).toContain('信用代码');
    await expect(check.getByTestId('import-new-values').textContent()).resolves.toContain('区域：浙东');
    await ui.screenshot('card-import-check');

    // The rejected rows can be saved for fixing before anything is imported.
    const rejections = join(work, 'rejected-rows.xlsx');
    rmSync(rejections, { force: true });
    harness.chooseFileAnswers.push(rejections);
    await dialog.getByRole('button', { name: '下载未通过的行…' }).click();
    await page.getByText(`已保存 1 行未通过的数据：${rejections}`).waitFor();
    expect(existsSync(rejections)).toBe(true);

    await dialog.getByRole('button', { name: '导入…' }).click();
    const confirm = dialog.getByTestId('import-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('将新建 2 张卡片、更新 0 张、跳过 0 行；1 行未通过检查');
    await ui.screenshot('card-import-confirm');
    await confirm.getByRole('button', { name: '确认导入' }).click();
    const result = dialog.getByTestId('import-step-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已新建 2 张卡片，更新 0 张，跳过 0 行；1 行未通过检查');
    await ui.screenshot('card-import-result');
    await dialog.getByRole('button', { name: '完成', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The imported cards are in the archive and searchable; the rejected one is not.
    const found = await invoke('cards.search', {
      query: '黄酒酿造',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(found.rows.map((r) => r.name)).toEqual(['绍兴黄酒酿造有限公司']);
    expect(found.rows[0]!.contact).toBe('钱进');
    const none = await invoke('cards.search', {
      query: '错误信用代码',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(none.total).toBe(0);
    await page.locator('.kd-card-search input').fill('温岭机电');
    // The list's own search (status filter 在用 on by default) finds the imported card too.
    await page.getByRole('row').filter({ hasText: '温岭机电配件商行' }).first().waitFor();
    await ui.screenshot('card-import-searched');
  });

  it('reads a GBK CSV, shows the duplicate of an existing card and updates it when asked', async () => {
    const csv = join(work, 'customers-gbk.csv');
    writeFileSync(
      csv,
      iconv.encode(
        [
          '客户名称,联系电话,地址',
          '台州瓯江五金商行,0576-88889999,台州市椒江区中山西路 6 号',
          '温岭机电配件商行,0576-86660000,',
        ].join('\r\n') + '\r\n',
        'gbk',
      ),
    );
    await page.getByTestId('import-cards').click();
    const dialog = page.getByRole('dialog');
    harness.chooseFileAnswers.push(csv);
    await dialog.getByRole('button', { name: '选择文件…' }).click();
    await dialog.getByTestId('import-mapping').waitFor();
    expect(await dialog.getByTestId('import-file-facts').textContent()).toContain('GBK');
    await expect(dialog.getByTestId('import-preview').getByText('台州瓯江五金商行').isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: '检查数据' }).click();
    const check = dialog.getByTestId('import-step-check');
    await check.waitFor();
    const duplicates = await check.getByTestId('import-duplicates').locator('[data-row]').allTextContents();
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatch(/^3/);
    const count = async (stat: string) =>
      Number(await check.locator(`[data-stat="${stat}"] [data-value]`).textContent());
    await expect(count('toCreate')).resolves.toBe(1);
    await expect(count('toSkip')).resolves.toBe(1);

    await check.getByLabel('更新已有卡').check();
    await expect.poll(() => count('toUpdate')).toBe(1);
    await expect(count('toSkip')).resolves.toBe(0);
    await ui.screenshot('card-import-gbk-check');
    await dialog.getByRole('button', { name: '导入…' }).click();
    await dialog.getByTestId('import-confirm').getByRole('button', { name: '确认导入' }).click();
    const result = dialog.getByTestId('import-step-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已新建 1 张卡片，更新 1 张');
    await dialog.getByRole('button', { name: '完成', exact: true }).click();

    const updated = await invoke('cards.search', {
      query: '温岭机电',
      filters: {},
      sort: { column: 'code', direction: 'asc' },
      offset: 0,
      limit: 10,
    });
    expect(updated.rows.map((r) => r.phone)).toEqual(['0576-86660000']);
    // An unreadable file is reported in words, and nothing is imported.
    const broken = join(work, 'broken.xlsx');
    writeFileSync(broken, 'not a spreadsheet');
    await page.getByTestId('import-cards').click();
    harness.chooseFileAnswers.push(broken);
    await page.getByRole('dialog').getByRole('button', { name: '选择文件…' }).click();
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toMatch(/^IMPORT_/);
    await ui.screenshot('card-import-unreadable');
    expect(ui.pageErrors).toEqual([]);
  });
});
