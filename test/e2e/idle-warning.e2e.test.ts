/**
 * The idle lock warns a minute ahead, says when a card form holds unsaved
 * edits, and lets the user keep working. The page's clock is Playwright's,
 * so "nine minutes later" takes no time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  completeSetup,
  createUser,
  field,
  firstLogin,
  leaveRecoveryCode,
  login,
  logout,
  openSection,
  openTestUi,
  type TestUi,
  CUSTODIAN,
} from './ui-helpers';

const MINUTE = 60_000;

describe('the idle lock warning', () => {
  let testUi: TestUi;

  beforeAll(async () => {
    testUi = await openTestUi();
    const { page } = testUi.ui;
    await completeSetup(page);
    await leaveRecoveryCode(page);
    await login(page, ADMIN.username, ADMIN.password);
    await openSection(page, '系统');
    await page.getByTestId('users-table').waitFor();
    await createUser(page, CUSTODIAN, '档案管理员', testUi.ui);
    await logout(page);
    // From here on the page's timers and Date follow Playwright's clock (the shell starts its idle timer at login).
    await page.clock.install();
    await firstLogin(page, CUSTODIAN, testUi.ui);
  });
  afterAll(async () => testUi?.close());

  it('warns a minute before locking, mentions unsaved edits, and keeps the form when the user stays', async () => {
    const { page, screenshot } = testUi.ui;
    await openSection(page, '档案卡');
    await page.getByRole('button', { name: '新建档案卡' }).first().click();
    await page.getByTestId('card-view').waitFor();
    await field(page, '客户名称').fill('未保存的客户有限公司');

    await page.clock.fastForward(9 * MINUTE + 10_000);
    const warning = page.getByRole('dialog', { name: '即将自动锁定' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('档案卡中有未保存的修改');
    await screenshot('idle-warning-unsaved');
    await warning.getByRole('button', { name: '继续工作' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await field(page, '客户名称').inputValue()).toBe('未保存的客户有限公司');

    // Staying put the lock off: nine more minutes and nothing has locked yet.
    await page.clock.fastForward(8 * MINUTE);
    expect(await page.getByTestId('login-notice').count()).toBe(0);
    expect(await field(page, '客户名称').inputValue()).toBe('未保存的客户有限公司');

    // Past the limit without activity, the window locks.
    await page.clock.fastForward(3 * MINUTE);
    await page.getByTestId('login-notice').waitFor();
    expect(await page.getByTestId('login-notice').textContent()).toBe('长时间未操作，已自动锁定，请重新登录。');
    expect(testUi.ui.pageErrors).toEqual([]);
  });
});
