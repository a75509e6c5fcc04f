/**
 * The archive cards through the real UI against the real store: a custodian
 * creates, edits, verifies, restores, merges and archives cards, is warned
 * of duplicates, and searches the list; a manager reads the same cards with
 * the personal notes masked; a large demo archive scrolls page by page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { newConnection } from '../../src-main/router/connection';
import type { CardDto } from '../../src-shared/contracts';
import { rmSync } from 'node:fs';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';
import {
  ADMIN,
  completeSetup,
  createUser,
  field,
  firstLogin,
  freshDataDir,
  leaveRecoveryCode,
  login,
  logout,
  openSection,
  openTestUi,
  TEST_KDF,
  type TestUi,
  type TestUser,
  CUSTODIAN,
  choose,
} from './ui-helpers';

const MANAGER: TestUser = {
  username: 'chenjing',
  displayName: '陈静',
  temporary: 'Temp24680xyz',
  password: 'Chenjing2024mgr',
};
const REP: TestUser = {
  username: 'zhangwei',
  displayName: '张伟',
  temporary: 'Temp13579rep',
  password: 'Zhangwei2024rep',
};

const HUAXIN = '北京华信科技有限公司';
const HUAXIN_CREDIT = '91350100M000100Y43';

/** Adds an option to a Mantine MultiSelect: its visible box (around the hidden input) takes the click. */
async function addChoice(page: Page, label: string, option: string) {
  await page
    .locator('.mantine-MultiSelect-root', { has: page.getByText(label, { exact: true }) })
    .locator('.mantine-MultiSelect-input')
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: false }).click();
}

/** The list's rows by the names they show. */
async function listedNames(page: Page): Promise<string[]> {
  return page.getByTestId('card-table').locator('[data-column="name"]').allTextContents();
}

async function searchList(page: Page, text: string) {
  await page.getByRole('textbox', { name: '搜索' }).fill(text);
}

describe('archive cards', () => {
  let testUi: TestUi;
  let ui: HarnessBrowser;
  let page: Page;

  beforeAll(async () => {
    testUi = await openTestUi();
    ({ ui } = testUi);
    page = ui.page;
    await completeSetup(page);
    await leaveRecoveryCode(page);
    await login(page, ADMIN.username, ADMIN.password);
    await openSection(page, '系统');
    await page.getByTestId('users-table').waitFor();
    await createUser(page, CUSTODIAN, '档案管理员', ui);
    await createUser(page, MANAGER, '经理', ui);
    await createUser(page, REP, '业务员', ui);
    await logout(page);
    await firstLogin(page, CUSTODIAN, ui);
  });

  afterAll(async () => testUi?.close());

  it('shows an empty archive with a way to start', async () => {
    await openSection(page, '档案卡');
    await page.getByTestId('card-empty').waitFor();
    expect(await page.getByTestId('card-total').textContent()).toBe('共 0 张');
    expect(await page.getByTestId('card-empty').textContent()).toContain('还没有客户档案卡');
    await ui.screenshot('cards-list-empty');
  });

  it('creates a card over several tabs, with field problems shown beside the fields', async () => {
    await page.getByRole('button', { name: '新建档案卡' }).first().click();
    await page.getByTestId('card-view').waitFor();
    expect(await page.getByTestId('card-title').textContent()).toBe('新建客户档案卡');

    await field(page, '客户名称').fill(HUAXIN);
    await field(page, '统一社会信用代码').fill(HUAXIN_CREDIT);
    await field(page, '联系电话').fill('010-8821 3456');
    await field(page, '地址').fill('北京市海淀区中关村大街 27 号');
    await field(page, '创业时间').fill('1998-13-01');
    await field(page, '注册资本（万元）').fill('5千');
    await ui.screenshot('card-new-basic');

    // Client validation with the shared schema: each problem beside its field, nothing sent.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('form-problems').waitFor();
    await page.getByText('日期格式应为 年-月-日，如 2024-03-15').waitFor();
    await page.getByText('应为数字').waitFor();
    await ui.screenshot('card-new-problems');
    await field(page, '创业时间').fill('1998-03-15');
    await field(page, '注册资本（万元）').fill('5000');
    await expect.poll(() => page.getByText('应为数字').count()).toBe(0);

    // Basic data came from a customer-filled form: it starts unverified.
    await choose(page, '资料来源', '客户填写');

    await openTab(page, '人员');
    await page.getByRole('button', { name: '添加人员' }).click();
    await field(page, '姓名').fill('王建国');
    await field(page, '职务').fill('董事长');
    await field(page, '性格').fill('稳重，重信誉');
    await field(page, '嗜好').fill('书法、钓鱼');
    await field(page, '年龄').fill('56');
    await ui.screenshot('card-new-people');

    await openTab(page, '客户特征');
    await field(page, '服务区域').fill('北京市及河北北部');
    await field(page, '发展潜力').fill('政府信息化项目增长快');

    await openTab(page, '交易与信用');
    await field(page, '信用额度（元）').fill('500000');
    await field(page, '账期（天）').fill('30');
    await field(page, '信用状况').fill('良好，无逾期');

    await openTab(page, '分类');
    await choose(page, '客户性质', '普通公司');
    await choose(page, '客户等级', 'A 级');
    await choose(page, '负责业务员', `${REP.displayName}（${REP.username}）`);
    await ui.screenshot('card-new-classification');

    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已建立档案卡 KH000001。').waitFor();
    await page.locator('[data-testid="card-view"][data-mode="read"]').waitFor();
    expect(await page.getByTestId('card-version').textContent()).toBe('第 1 版');
    expect(await page.getByTestId('card-code').textContent()).toBe('KH000001');
    expect(await page.getByTestId('unverified-badge').textContent()).toBe('5 部分未核实');
    await ui.screenshot('card-view-basic');

    await openTab(page, '人员');
    // Even the custodian sees personal notes only on asking; the reveal is logged.
    await page.getByTestId('personal-masked').waitFor();
    await ui.screenshot('card-view-people-masked');
    await page.getByRole('button', { name: '显示个人信息' }).click();
    await page.getByText('书法、钓鱼').waitFor();
    await ui.screenshot('card-view-people');
    for (const [tab, shot] of [
      ['客户特征', 'card-view-characteristics'],
      ['业务状况', 'card-view-business'],
      ['交易与信用', 'card-view-trading'],
      ['分类', 'card-view-classification'],
    ] as const) {
      await openTab(page, tab);
      await ui.screenshot(shot);
    }
    expect(await page.locator('[data-field="classification.assignedRep"]').textContent()).toContain(REP.displayName);
  });

  it('verifies a section, and un-verifies customer-filled data when it is edited', async () => {
    await openTab(page, '基础资料');
    await page.locator('[data-section-source="basic"]').getByRole('button', { name: '核实' }).click();
    await page.getByText('“基础资料”已标为已核实。').waitFor();
    expect(await page.locator('[data-section-source="basic"]').textContent()).toContain(CUSTODIAN.displayName);
    expect(await page.getByTestId('card-version').textContent()).toBe('第 2 版');

    await page.getByRole('button', { name: '编辑' }).click();
    await page.locator('[data-testid="card-view"][data-mode="edit"]').waitFor();
    const verified = page.locator('[data-section-source="basic"]').getByRole('switch', { name: '已核实' });
    expect(await verified.isChecked()).toBe(true);
    await field(page, '联系电话').fill('010-8821 9999');
    // 客户填写: changing a field takes the verified mark off.
    expect(await verified.isChecked()).toBe(false);
    await ui.screenshot('card-edit-basic');

    await openTab(page, '人员');
    await field(page, '嗜好').fill('书法、围棋');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存为第 3 版。').waitFor();
    await openTab(page, '基础资料');
    expect(await page.locator('[data-field="basic.phone"]').textContent()).toContain('010-8821 9999');
  });

  it('shows the history with field-level changes and restores an older version', async () => {
    await openTab(page, '历史');
    await page.locator('[data-version="3"]').waitFor();
    const v3 = page.locator('[data-version="3"]');
    expect(await v3.textContent()).toContain('修改');
    expect(await v3.locator('[data-path="basic.phone"]').textContent()).toMatch(
      /联系电话.*010-8821 3456.*010-8821 9999/,
    );
    // Personal notes never appear in the history, even for the custodian.
    expect(await v3.locator('[data-path="people.0.hobbies"]').textContent()).toBe('人员 1·嗜好已隐藏已隐藏');
    expect(await page.locator('[data-version="2"]').textContent()).toContain('核实');
    await ui.screenshot('card-history');

    await page.locator('[data-version="1"]').getByRole('button', { name: '恢复此版本' }).click();
    await page.getByRole('dialog').getByText('第 1 版的内容（含核实状态）将成为当前内容，保存为第 4 版。').waitFor();
    await ui.screenshot('card-restore-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '恢复此版本' }).click();
    await page.getByText('已恢复第 1 版的内容，保存为第 4 版。').waitFor();
    expect(await page.getByTestId('card-version').textContent()).toBe('第 4 版');
    await page.locator('[data-version="4"]').waitFor();
    expect(await page.locator('[data-version="4"]').textContent()).toContain('恢复自第 1 版');

    // The card as it stood on a date: today is version 4, the banner says so.
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    await field(page, '查看某日的档案卡').fill(
      `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
    );
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('version-banner').textContent()).toContain('第 4 版');
    await page.getByRole('button', { name: '返回当前版本' }).click();

    await page.locator('[data-version="2"]').getByRole('button', { name: '查看此版本' }).click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('version-banner').textContent()).toContain('正在查看第 2 版');
    expect(await page.locator('[data-field="basic.phone"]').textContent()).toContain('010-8821 3456');
    await ui.screenshot('card-version-view');
    await page.getByRole('button', { name: '返回当前版本' }).click();
    await page.locator('[data-testid="card-view"][data-mode="read"]').waitFor();
  });

  it('asks before leaving unsaved edits', async () => {
    await page.getByRole('button', { name: '编辑' }).click();
    await openTab(page, '基础资料');
    await field(page, '传真').fill('010-88213457');
    await openSection(page, '首页');
    await page.getByRole('dialog').getByText('放弃未保存的修改？').waitFor();
    await ui.screenshot('card-leave-confirm');
    await page.getByRole('button', { name: '继续编辑' }).click();
    expect(await field(page, '传真').inputValue()).toBe('010-88213457');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.locator('[data-testid="card-view"][data-mode="read"]').waitFor();
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  it('warns of a duplicate by credit code and by a name differing only in 有限公司', async () => {
    await page.getByRole('button', { name: '新建档案卡' }).click();
    await field(page, '客户名称').fill('北京华信科技');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`KH000001 ${HUAXIN}`);
    expect(await warning.textContent()).toContain('名称相同');
    await field(page, '统一社会信用代码').fill(HUAXIN_CREDIT);
    await warning.getByText('信用代码相同').waitFor();
    await field(page, '联系电话').fill('010-6000 1234');
    await field(page, '传真').fill('010-6000 1235');
    await ui.screenshot('card-duplicate-warning');

    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确认不是同一客户？').waitFor();
    expect(await dialog.getByTestId('duplicate-list').textContent()).toContain(HUAXIN);
    await ui.screenshot('card-duplicate-confirm');
    await dialog.getByRole('button', { name: '不是同一客户，仍然保存' }).click();
    await page.getByText('已建立档案卡 KH000002。').waitFor();
  });

  it('merges two cards of one customer after a side-by-side preview', async () => {
    await page.getByRole('button', { name: '合并另一张卡…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '搜索' }).fill('华信');
    await dialog.getByTestId('merge-candidates').getByText(HUAXIN).click();
    await dialog.getByTestId('merge-preview').waitFor();
    // Keep the older, fuller card KH000001: its phone wins, KH000002 fills the empty fax.
    await dialog.getByText(`KH000001 ${HUAXIN}`).click();
    await dialog.getByText('保留：KH000001').waitFor();
    expect(await dialog.locator('[data-path="basic.phone"] td').allTextContents()).toEqual([
      '联系电话',
      '010-8821 3456',
      '010-6000 1234',
      '010-8821 3456',
    ]);
    expect(await dialog.locator('[data-path="basic.fax"] td').last().textContent()).toBe('010-6000 1235来自 KH000002');
    await ui.screenshot('card-merge-preview');
    await dialog.getByRole('button', { name: '确认把 KH000002 合并到 KH000001' }).click();
    await page.getByText('已合并到 KH000001。').waitFor();
    expect(await page.getByTestId('card-code').textContent()).toBe('KH000001');

    await openTab(page, '历史');
    await page.locator('[data-card-code="KH000002"]').first().waitFor();
    expect(await page.locator('[data-version="5"]').textContent()).toContain('并入 KH000002');
    await ui.screenshot('card-history-merged');

    // The merged card points to the kept one.
    await page.getByRole('button', { name: '返回列表' }).click();
    await addChoice(page, '状态', '已合并');
    await page.getByTestId('card-table').locator('[data-column="code"]', { hasText: 'KH000002' }).click();
    await page.getByTestId('merged-into').waitFor();
    expect(await page.getByTestId('merged-into').textContent()).toContain('KH000001');
    expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);
    await page.getByTestId('merged-into').getByRole('button').click();
    expect(await page.getByTestId('card-code').textContent()).toBe('KH000001');
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  it('keeps the user’s edits when someone else saved the card meanwhile', async () => {
    // The same custodian at another desk: a second session straight through the router.
    const desk = newConnection('other-desk');
    const invoke = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = (await testUi.harness.kedang.handle(desk, channel, input)) as
        { ok: true; value: T } | { ok: false; error: { code: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value;
    };
    await invoke('auth.login', { username: CUSTODIAN.username, password: CUSTODIAN.password });

    await page.getByTestId('card-table').getByText(HUAXIN).click();
    await page.getByRole('button', { name: '编辑' }).click();
    await field(page, '地址').fill('北京市海淀区中关村大街 27 号 华信大厦 8 层');

    const current = await invoke<CardDto>('cards.reveal', { id: 1 });
    await invoke('cards.update', {
      id: 1,
      expectedVersion: current.version,
      content: { ...current.content, basic: { ...current.content.basic, phone: '010-8821 7777' } },
    });

    await page.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByTestId('card-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`第 ${current.version + 1} 版：${CUSTODIAN.displayName}`);
    expect(await conflict.textContent()).toContain('联系电话');
    // Nothing typed is lost: the address is still in the form.
    expect(await field(page, '地址').inputValue()).toBe('北京市海淀区中关村大街 27 号 华信大厦 8 层');
    await ui.screenshot('card-conflict');
    await conflict.getByRole('button', { name: /把我的修改放到第 \d+ 版上/ }).click();
    expect(await field(page, '联系电话').inputValue()).toBe('010-8821 7777');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已保存为第 ${current.version + 2} 版。`).waitFor();
    expect(await page.locator('[data-field="basic.phone"]').textContent()).toContain('010-8821 7777');
    expect(await page.locator('[data-field="basic.address"]').textContent()).toContain('华信大厦 8 层');
    await invoke('auth.logout', {});
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  it('finds cards by a two-character fragment and by pinyin initials', async () => {
    for (const name of ['上海东方明珠贸易有限公司', '广州白云山食品厂']) {
      await page.getByRole('button', { name: '新建档案卡' }).click();
      await field(page, '客户名称').fill(name);
      await page.getByRole('button', { name: '保存' }).click();
      await page
        .getByText(/已建立档案卡 KH\d+。/)
        .last()
        .waitFor();
      await page.getByRole('button', { name: '返回列表' }).click();
    }
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 3 张');
    await ui.screenshot('cards-list');

    await searchList(page, '明珠');
    await expect.poll(() => listedNames(page)).toEqual(['上海东方明珠贸易有限公司']);
    await searchList(page, 'bjhx');
    await expect.poll(() => listedNames(page)).toEqual([HUAXIN]);
    await ui.screenshot('cards-list-pinyin');
    await searchList(page, '不存在的客户');
    await page.getByTestId('card-empty').getByText('没有符合条件的档案卡').waitFor();
    await ui.screenshot('cards-list-none-found');
    await searchList(page, '');

    // Sorting by name both ways.
    const nameHeader = page.getByRole('columnheader', { name: /客户名称/ });
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await listedNames(page)).length).toBe(3);
    const ascending = await listedNames(page);
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => listedNames(page)).toEqual([...ascending].reverse());

    // A classification filter by its dictionary label.
    await page.getByRole('button', { name: '分类筛选' }).click();
    await addChoice(page, '客户性质', '普通公司');
    await expect.poll(() => listedNames(page)).toEqual([HUAXIN]);
    await ui.screenshot('cards-list-filters');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('button', { name: '分类筛选' }).click();
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 3 张');

    // The chosen columns are remembered on this machine, also after a reload.
    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByTestId('column-chooser').getByLabel('区域').check();
    await page.getByTestId('column-chooser').getByLabel('联系人').uncheck();
    await page.keyboard.press('Escape');
    await page.getByRole('columnheader', { name: /区域/ }).waitFor();
    await page.reload();
    await openSection(page, '档案卡');
    await page.getByRole('columnheader', { name: /区域/ }).waitFor();
    expect(await page.getByRole('columnheader', { name: /联系人/ }).count()).toBe(0);
  });

  it('reads in English too', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'New card' }).waitFor();
    await ui.screenshot('cards-list-en');
    await page.getByTestId('card-table').getByText(HUAXIN).click();
    await page.getByRole('button', { name: 'Merge another card…' }).waitFor();
    expect(await page.getByTestId('card-version').textContent()).toMatch(/^Version \d+$/);
    await ui.screenshot('card-view-en');
    await openTab(page, 'History');
    await page.locator('[data-version="1"][data-card-code="KH000001"]').waitFor();
    await ui.screenshot('card-history-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  it('archives a customer, which then leaves the default list', async () => {
    await page.getByTestId('card-table').getByText('广州白云山食品厂').click();
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await page.getByRole('dialog').getByText('停用此客户？').waitFor();
    await ui.screenshot('card-archive-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await page.getByText('已停用。').waitFor();
    await page.getByRole('button', { name: '重新启用' }).waitFor();
    await page.getByRole('button', { name: '返回列表' }).click();
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 2 张');
    expect(await listedNames(page)).not.toContain('广州白云山食品厂');
    await logout(page);
  });

  it('lets a manager read cards, with personal notes masked and nothing to change', async () => {
    await firstLogin(page, MANAGER, ui);
    await openSection(page, '档案卡');
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 2 张');
    expect(await page.getByRole('button', { name: '新建档案卡' }).count()).toBe(0);
    await ui.screenshot('cards-list-manager');
    await page.getByTestId('card-table').getByText(HUAXIN).click();
    await page.getByTestId('card-view').waitFor();
    for (const name of ['编辑', '合并另一张卡…', '停用']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await page.locator('[data-section-source="basic"]').getByRole('button', { name: '核实' }).count()).toBe(0);
    await openTab(page, '人员');
    await page.getByTestId('personal-masked').getByText('您的角色无权查看').waitFor();
    expect(await page.getByRole('button', { name: '显示个人信息' }).count()).toBe(0);
    expect(await page.locator('[data-person="0"]').textContent()).toContain('已隐藏');
    expect(await page.locator('[data-person="0"]').textContent()).not.toContain('书法');
    await ui.screenshot('card-view-manager-people');
    expect(ui.pageErrors).toEqual([]);
  });

  it('shows a rep only the cards assigned to them, read-only', async () => {
    await logout(page);
    await firstLogin(page, REP, ui);
    await openSection(page, '档案卡');
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe('共 1 张');
    expect(await listedNames(page)).toEqual([HUAXIN]);
    for (const name of ['新建档案卡', '导入', '导出']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    await ui.screenshot('cards-list-rep');
    await page.getByTestId('card-table').getByText(HUAXIN).click();
    await page.getByTestId('card-view').waitFor();
    expect(await page.getByRole('button', { name: '编辑', exact: true }).count()).toBe(0);
    expect(ui.pageErrors).toEqual([]);
  });
});

describe('a large archive in the list', () => {
  const COUNT = 3000;
  let dataDir: string;
  let harness: Harness;
  let ui: HarnessBrowser;

  beforeAll(async () => {
    dataDir = freshDataDir();
    const demo = openDemoOffice(dataDir, { kdf: TEST_KDF });
    await createDemoArchive(demo, 'e2e');
    const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
    const connection = newConnection('e2e');
    await demo.call(connection, 'auth.login', { username: custodian.username, password: custodian.password });
    const reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
    await loadDemoCards(demo.callOf(connection), demoCards({ count: COUNT, seed: 'e2e-list', reps }));
    await demo.call(connection, 'auth.logout', {});
    await demo.close();
    harness = await startHarness({ dataDir, kdf: TEST_KDF });
    ui = await openBrowser(harness);
    ui.page.setDefaultTimeout(10_000);
    await ui.page.emulateMedia({ reducedMotion: 'reduce' });
    await login(ui.page, custodian.username, custodian.password);
  });

  afterAll(async () => {
    await ui?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads pages as it scrolls, never the whole archive', async () => {
    const { page } = ui;
    const searches: number[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (request.url().endsWith('/invoke') && body?.includes('"cards.search"')) {
        searches.push((JSON.parse(body) as { input: { offset: number } }).input.offset);
      }
    });
    await openSection(page, '档案卡');
    await expect.poll(() => page.getByTestId('card-total').textContent()).toBe(`共 ${COUNT.toLocaleString()} 张`);
    // Only the rows in view (plus a few) are in the page.
    const rendered = await page.getByTestId('card-table').locator('[data-card-id]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await ui.screenshot('cards-list-large');

    // Jump to the middle and to the end: the rows there arrive, and only their pages are read.
    const scroller = page.locator('.kd-card-scroll');
    /** The row numbers in view once every visible row has arrived (no "…" placeholders left). */
    const loadedRowNumbers = () =>
      page.evaluate(() => {
        const table = document.querySelector('[data-testid="card-table"]')!;
        if (table.querySelector('.kd-card-placeholder')) return [];
        return [...table.querySelectorAll('[data-card-id]')].map((row) => Number(row.getAttribute('aria-rowindex')));
      });
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(async () => (await loadedRowNumbers()).some((n) => n > 1400 && n < 1600)).toBe(true);
    await ui.screenshot('cards-list-large-middle');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await loadedRowNumbers()).includes(COUNT + 1)).toBe(true);
    expect(new Set(searches).size).toBeLessThanOrEqual(6);
    expect(searches).toContain(2900);
    await ui.screenshot('cards-list-large-end');

    // Select all loaded rows: the count says how many are selected for printing or export.
    await page.getByRole('checkbox', { name: '全选已载入的卡' }).click();
    await expect.poll(() => page.getByTestId('card-selected').textContent()).toMatch(/已选 \d+ 张/);
    expect(ui.pageErrors).toEqual([]);
  });
});
