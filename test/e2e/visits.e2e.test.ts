/**
 * Visit reports through the real UI against the real store: a rep files a
 * routine and an urgent report (the urgent one proposes two card changes);
 * the custodian finds the urgent one first in the inbox, accepts one change
 * with an edit and rejects the other with a reason; the card gets a version
 * from the visit report with the edited value and the rejected field as it
 * was; the rep sees the report handled, decision by decision.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessBrowser } from './harness/browser';
import {
  ADMIN,
  completeSetup,
  createUser,
  CUSTODIAN,
  field,
  firstLogin,
  leaveRecoveryCode,
  login,
  logout,
  openSection,
  openTestUi,
  type TestUi,
  type TestUser,
  choose,
} from './ui-helpers';

const REP: TestUser = {
  username: 'zhangwei',
  displayName: '张伟',
  temporary: 'Temp13579rep',
  password: 'Zhangwei2024rep',
};

const HUAXIN = '北京华信科技有限公司';
const OLD_PHONE = '010-8821 3456';
const PROPOSED_PHONE = '010-6666 8888';
const EDITED_PHONE = '010-6666 8899';

/** Clicks a choice of a Mantine SegmentedControl (its label takes the click, the radio is hidden). */
async function segment(scope: Page | Locator, label: string) {
  await scope.locator('.mantine-SegmentedControl-label', { hasText: new RegExp(`^${label}$`) }).click();
}

/** Full-page screenshots of a scrolled page show the fixed header half-way down: start from the top. */
async function shot(ui: HarnessBrowser, name: string) {
  await ui.page.evaluate(() => window.scrollTo(0, 0));
  await ui.screenshot(name);
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: false }).click();
}

describe('visit reports', () => {
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
    await createUser(page, REP, '业务员', ui);
    await logout(page);

    // The custodian keeps a card for a customer the rep looks after.
    await firstLogin(page, CUSTODIAN, ui);
    await openSection(page, '档案卡');
    await page.getByRole('button', { name: '新建档案卡' }).first().click();
    await page.getByTestId('card-view').waitFor();
    await field(page, '客户名称').fill(HUAXIN);
    await field(page, '联系电话').fill(OLD_PHONE);
    await field(page, '职工人数').fill('120');
    await openTab(page, '分类');
    await choose(page, '负责业务员', `${REP.displayName}（${REP.username}）`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已建立档案卡 KH000001。').waitFor();
    await logout(page);
  });

  afterAll(async () => testUi?.close());

  it('lets the rep file a routine report and an urgent one proposing two card changes', async () => {
    await firstLogin(page, REP, ui);
    await openSection(page, '拜访');
    await page.getByTestId('report-form').waitFor();
    // A rep writes and follows reports; the inbox and the discipline are the custodian's.
    expect(await page.getByRole('tab').allTextContents()).toEqual(['写报告', '我的报告']);

    // A general market report first: no card, no changes, routine.
    await segment(page, '综合情况');
    await field(page, '了解到的情况').fill('海淀区同类经销商增多，价格竞争加剧。');
    await page.getByRole('button', { name: '提交报告' }).click();
    await page.getByTestId('report-submitted').waitFor();
    expect(await page.getByTestId('report-submitted').textContent()).toContain('BF000001');

    // The urgent one about the customer, with two proposed changes beside the card's values.
    await segment(page, '我的客户');
    await page.getByRole('combobox', { name: '客户' }).fill('华信');
    await page.getByRole('option', { name: `KH000001 ${HUAXIN}` }).click();
    await segment(page, '紧急');
    await field(page, '了解到的情况').fill('客户总机已更换，新号码由前台提供；公司称已扩招至 150 人。');
    await page.getByRole('button', { name: '添加一项' }).click();
    await page.getByTestId('change-field-0').click();
    await page.getByRole('option', { name: '基础资料 · 联系电话' }).click();
    await expect.poll(() => page.getByTestId('change-current-0').textContent()).toBe(OLD_PHONE);
    // The new value starts as the card's, ready for a small correction.
    const phoneInput = page.locator('[data-change-row="basic.phone"]').getByLabel('联系电话');
    expect(await phoneInput.inputValue()).toBe(OLD_PHONE);
    await phoneInput.fill(PROPOSED_PHONE);
    await page.getByRole('button', { name: '添加一项' }).click();
    await page.getByTestId('change-field-1').click();
    await page.getByRole('option', { name: '基础资料 · 职工人数' }).click();
    await expect.poll(() => page.getByTestId('change-current-1').textContent()).toBe('120');
    await page.locator('[data-change-row="basic.employees"]').getByLabel('职工人数').fill('150');
    await shot(ui, 'visits-rep-form');

    // Leaving an unsent report asks first; staying keeps every word and change.
    await openSection(page, '首页');
    await page.getByText('这份拜访报告还没有提交。离开后，填写的内容将丢失。').waitFor();
    await page.getByRole('button', { name: '继续编辑' }).click();
    expect(await field(page, '了解到的情况').inputValue()).toContain('客户总机已更换');
    expect(await page.locator('[data-change-row]').count()).toBe(2);

    await page.getByRole('button', { name: '提交报告' }).click();
    await page.getByTestId('report-submitted').getByText('报告 BF000002 已提交').waitFor();
    // The form is ready for the next report.
    expect(await field(page, '了解到的情况').inputValue()).toBe('');
    expect(await page.locator('[data-change-row]').count()).toBe(0);
    expect(ui.pageErrors).toEqual([]);
  });

  it("shows the rep's own reports as pending", async () => {
    await openTab(page, '我的报告');
    await page.getByTestId('report-list').waitFor();
    const rows = page.getByTestId('report-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first.
    expect(await rows.nth(0).getAttribute('data-report')).toBe('BF000002');
    expect(await rows.nth(0).textContent()).toContain(`KH000001 ${HUAXIN}`);
    expect(await rows.nth(0).textContent()).toContain('紧急');
    expect(await rows.nth(0).getByTestId('report-status').textContent()).toBe('待处理');
    expect(await rows.nth(1).textContent()).toContain('综合情况');
    await page.getByTestId('own-discipline').waitFor();
    await shot(ui, 'visits-rep-mine');
    await logout(page);
  });

  it('puts the urgent report first in the custodian inbox, standing out', async () => {
    await login(page, CUSTODIAN.username, CUSTODIAN.password);
    // Meanwhile the custodian corrects the head count from another source: the review must show it.
    await openSection(page, '档案卡');
    await page.getByTestId('card-table').getByText(HUAXIN).click();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.locator('[data-testid="card-view"][data-mode="edit"]').waitFor();
    await field(page, '职工人数').fill('130');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid="card-view"][data-mode="read"]').waitFor();
    expect(await page.getByTestId('card-version').textContent()).toBe('第 2 版');

    await openSection(page, '拜访');
    await page.getByTestId('report-list').waitFor();
    expect(await page.getByRole('tab', { name: /收件箱/ }).textContent()).toBe('收件箱（2）1 份紧急');
    const rows = page.getByTestId('report-list').locator('tbody tr');
    expect(await rows.nth(0).getAttribute('data-report')).toBe('BF000002');
    expect(await rows.nth(0).getAttribute('data-urgent')).toBe('true');
    expect(await rows.nth(1).getAttribute('data-report')).toBe('BF000001');
    expect(await rows.nth(1).getAttribute('data-urgent')).toBeNull();
    expect(await rows.nth(0).textContent()).toContain(REP.displayName);
    await shot(ui, 'visits-inbox');
  });

  it('accepts one change with an edit and rejects the other with a reason', async () => {
    await page.locator('[data-report="BF000002"]').click();
    await page.getByTestId('review-form').waitFor();
    expect(await page.getByTestId('report-findings').textContent()).toContain('客户总机已更换');
    const phone = page.locator('[data-change-path="basic.phone"]');
    const employees = page.locator('[data-change-path="basic.employees"]');
    expect(await phone.textContent()).toContain(PROPOSED_PHONE);
    // The phone is as the rep saw it; the head count changed after the report was written.
    expect(await phone.locator('[data-changed]').count()).toBe(0);
    expect(await employees.locator('[data-changed="true"]').textContent()).toBe('130提交后已被修改');

    // Nothing decided yet: the form says so instead of sending.
    await page.getByRole('button', { name: '提交处理' }).click();
    expect(await phone.getByRole('alert').textContent()).toBe('请为每一项选择处理方式。');

    await segment(phone, '修改后采纳');
    const edited = phone.getByRole('textbox', { name: '联系电话' });
    expect(await edited.inputValue()).toBe(PROPOSED_PHONE);
    await edited.fill(EDITED_PHONE);
    await segment(employees, '不采纳');
    // A rejection needs its reason.
    await page.getByRole('button', { name: '提交处理' }).click();
    expect(await employees.getByRole('alert').textContent()).toBe('请写明不采纳的理由。');
    await employees.getByRole('textbox', { name: '不采纳的理由' }).fill('人数未经核实，待下次拜访确认');
    await field(page, '处理意见（业务员可以看到）').fill('电话已与客户前台核对，末位为 9。');
    await shot(ui, 'visits-review');

    await page.getByRole('button', { name: '提交处理' }).click();
    await page.getByTestId('review-outcome').waitFor();
    expect(await page.getByTestId('review-card-version').textContent()).toBe('已写入档案卡 KH000001，第 3 版。');
    expect(await page.getByTestId('report-header').getByTestId('report-status').textContent()).toBe('已处理');
    expect(await phone.getAttribute('data-decision')).toBe('edited');
    expect(await employees.getAttribute('data-decision')).toBe('rejected');
    await shot(ui, 'visits-review-done');
    expect(ui.pageErrors).toEqual([]);
  });

  it('writes the card version from the visit report, leaving the rejected field as it was', async () => {
    await page.getByRole('button', { name: '打开档案卡' }).click();
    await page.locator('[data-testid="card-view"][data-mode="read"]').waitFor();
    expect(await page.getByTestId('card-version').textContent()).toBe('第 3 版');
    expect(await page.locator('[data-field="basic.phone"]').textContent()).toContain(EDITED_PHONE);
    // The rejected head count stays as the custodian had set it.
    expect(await page.locator('[data-field="basic.employees"]').textContent()).toContain('130');

    await openTab(page, '历史');
    const v3 = page.locator('[data-version="3"]');
    await v3.waitFor();
    expect(await v3.textContent()).toContain('拜访报告');
    expect(await v3.textContent()).toContain('BF000002');
    expect(await v3.locator('[data-path="basic.phone"]').textContent()).toMatch(
      new RegExp(`联系电话.*${OLD_PHONE}.*${EDITED_PHONE}`),
    );
    expect(await v3.locator('[data-path="basic.employees"]').count()).toBe(0);
    await shot(ui, 'visits-card-history');
  });

  it('shows the reporting discipline and keeps a rep schedule', async () => {
    await openSection(page, '拜访');
    await openTab(page, '报告纪律');
    const rep = page.getByTestId('discipline-table').locator(`[data-rep="${REP.username}"]`);
    await rep.waitFor();
    // Both reports were filed today, inside this month.
    expect(await rep.locator('[data-column="reports"]').textContent()).toBe('2');
    const schedule = page.locator(`[data-schedule="${REP.username}"]`);
    await choose(page, `要求 ${REP.displayName}`, '月报');
    await schedule.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已保存 ${REP.displayName} 的报告要求。`).waitFor();
    await expect.poll(() => rep.textContent()).toContain('月报');
    await shot(ui, 'visits-discipline');
    // The same screens in English, then back to Chinese for the steps after.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Reporting discipline' }).waitFor();
    await shot(ui, 'visits-discipline-en');
    await openTab(page, 'Inbox');
    await segment(page, 'Handled');
    await page.locator('[data-report]').first().waitFor();
    await shot(ui, 'visits-inbox-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('tab', { name: '报告纪律' }).waitFor();
    await logout(page);
  });

  it('shows the rep the report as handled, with each decision', async () => {
    await login(page, REP.username, REP.password);
    await openSection(page, '拜访');
    await openTab(page, '我的报告');
    const row = page.locator('[data-report="BF000002"]');
    await row.waitFor();
    expect(await row.getByTestId('report-status').textContent()).toBe('已处理');
    expect(await row.textContent()).toContain('1 / 2');
    await row.click();
    await page.getByTestId('report-changes').waitFor();
    const phone = page.locator('[data-change-path="basic.phone"]');
    expect(await phone.getAttribute('data-decision')).toBe('edited');
    expect(await phone.textContent()).toContain('修改后采纳');
    expect(await phone.textContent()).toContain(EDITED_PHONE);
    const employees = page.locator('[data-change-path="basic.employees"]');
    expect(await employees.getAttribute('data-decision')).toBe('rejected');
    expect(await employees.textContent()).toContain('人数未经核实，待下次拜访确认');
    expect(await page.getByTestId('review-outcome').textContent()).toContain('电话已与客户前台核对，末位为 9。');
    expect(await page.getByTestId('review-card-version').textContent()).toBe('已写入档案卡 KH000001，第 3 版。');
    await shot(ui, 'visits-rep-decided');
    expect(ui.pageErrors).toEqual([]);
  });

  it('turns an accepted report on a new prospect into a prospect card', async () => {
    await openTab(page, '写报告');
    await segment(page, '新的潜在客户');
    await field(page, '潜在客户名称').fill('上海明达贸易有限公司');
    await field(page, '了解到的情况').fill('展会上结识，有意代理我方产品，下月来访。');
    await page.getByRole('button', { name: '添加一项' }).click();
    await page.getByTestId('change-field-0').click();
    // The name is the prospect's name above, so it is not offered again.
    expect(await page.getByRole('option', { name: '基础资料 · 客户名称' }).count()).toBe(0);
    await page.getByRole('option', { name: '基础资料 · 联系电话' }).click();
    // No card yet, so nothing to compare with.
    expect(await page.getByTestId('change-current-0').textContent()).toBe('—');
    await page.locator('[data-change-row="basic.phone"]').getByLabel('联系电话').fill('021-5566 7788');
    await page.getByRole('button', { name: '提交报告' }).click();
    await page.getByTestId('report-submitted').getByText('报告 BF000003 已提交').waitFor();
    await logout(page);

    await login(page, CUSTODIAN.username, CUSTODIAN.password);
    await openSection(page, '拜访');
    await page.locator('[data-report="BF000003"]').click();
    await page.getByTestId('review-form').waitFor();
    expect(await page.getByTestId('review-form').textContent()).toContain('采纳名称后将建立潜在客户档案卡');
    expect(await page.locator('[data-change-path="basic.name"]').textContent()).toContain('上海明达贸易有限公司');
    await page.getByRole('button', { name: '接受全部' }).click();
    await page.getByRole('button', { name: '提交处理' }).click();
    await page.getByTestId('review-outcome').waitFor();
    expect(await page.getByTestId('review-card-version').textContent()).toBe('已写入档案卡 KH000002，第 1 版。');
    await shot(ui, 'visits-review-prospect');
    expect(ui.pageErrors).toEqual([]);
  });
});
