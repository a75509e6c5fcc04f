/**
 * The idle lock and the administrator's account upkeep, through the real UI
 * against the real store: main's clock is injected so "11 minutes later"
 * takes no time; editing, password resets, deactivation and reactivation are
 * checked by logging in as the affected user; the idle-lock setting persists.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessBrowser } from './harness/browser';
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
  pickRoles,
  type TestUser,
  openTestUi,
  type TestUi,
} from './ui-helpers';

const CLERK: TestUser = {
  username: 'zhangwei',
  displayName: '张伟',
  temporary: 'Temp12345abc',
  password: 'Zhangwei2024ok',
};
const RENAMED = '张伟明';
const RESET_PASSWORD = 'Reset2024temp';
const REACTIVATE_PASSWORD = 'Again2024temp';

const MINUTE = 60_000;

async function loginAsAdmin(page: Page): Promise<void> {
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('heading', { name: `您好，${ADMIN.displayName}` }).waitFor();
}

async function openUsers(page: Page): Promise<void> {
  await openSection(page, '系统');
  await page.getByTestId('users-table').waitFor();
}

function userRow(page: Page, username: string): Locator {
  return page.getByTestId('users-table').locator(`[data-username="${username}"]`);
}

/** The forced change after a temporary password, ending on the start page under the user's current name. */
async function changeTemporaryPassword(page: Page, temporary: string, next: string, displayName: string) {
  await page.getByRole('heading', { name: '请修改临时密码' }).waitFor();
  await field(page, '当前密码').fill(temporary);
  await field(page, '新密码').fill(next);
  await field(page, '再次输入新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('heading', { name: `您好，${displayName}` }).waitFor();
}

describe('idle lock, account upkeep and settings', () => {
  let testUi: TestUi;
  let ui: HarnessBrowser;
  // Main's clock: real time plus whatever the test skips ahead.
  let skipped = 0;

  beforeAll(async () => {
    testUi = await openTestUi({ clock: () => new Date(Date.now() + skipped) });
    ui = testUi.ui;
    await completeSetup(ui.page);
    await leaveRecoveryCode(ui.page);
  });

  afterAll(async () => testUi?.close());

  it('locks the session after 11 idle minutes and asks to log in again', async () => {
    const { page } = ui;
    await loginAsAdmin(page);
    skipped += 11 * MINUTE;
    // The next call (loading the user list) finds the session idle for longer than the 10-minute default.
    await openSection(page, '系统');
    const notice = page.getByTestId('login-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('长时间未操作，已自动锁定，请重新登录。');
    await expect(page.getByRole('button', { name: '登录', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await ui.screenshot('idle-locked');

    await loginAsAdmin(page);
    await openUsers(page);
  });

  it('edits the name and roles of a user', async () => {
    const { page } = ui;
    await createUser(page, CLERK, '档案管理员', ui);
    await logout(page);
    await firstLogin(page, CLERK, ui);
    await logout(page);
    await loginAsAdmin(page);
    await openUsers(page);

    await userRow(page, CLERK.username).getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: `编辑用户 ${CLERK.username}` });
    await dialog.waitFor();
    await field(page, '姓名').fill(RENAMED);
    // Clicking a picked role unpicks it: custodian out, manager in.
    await pickRoles(page, ['档案管理员', '经理']);
    await ui.screenshot('edit-user-modal');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已保存用户 ${CLERK.username}。`).waitFor();

    const row = userRow(page, CLERK.username);
    await row.filter({ hasText: RENAMED }).waitFor();
    expect(await row.textContent()).toContain('经理');
    expect(await row.textContent()).not.toContain('档案管理员');
  });

  it('resets a password: the user must change it at the next login', async () => {
    const { page } = ui;
    await userRow(page, CLERK.username).getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog', { name: `重置 ${CLERK.username} 的密码` });
    await dialog.waitFor();
    await field(page, '临时密码').fill(RESET_PASSWORD);
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await page.getByText(`已重置 ${CLERK.username} 的密码。`).waitFor();
    await userRow(page, CLERK.username).filter({ hasText: '须改密码' }).waitFor();
    await logout(page);

    // The old password no longer opens the account.
    await login(page, CLERK.username, CLERK.password);
    await page.locator('[data-error-code="INVALID_CREDENTIALS"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('用户名或密码错误');

    await login(page, CLERK.username, RESET_PASSWORD);
    // The new name and role show to the user himself.
    await changeTemporaryPassword(page, RESET_PASSWORD, CLERK.password, RENAMED);
    expect(await page.getByRole('main').textContent()).toContain('经理');
    await logout(page);
  });

  it('deactivates a user, who then cannot log in', async () => {
    const { page } = ui;
    await loginAsAdmin(page);
    await openUsers(page);
    await userRow(page, CLERK.username).getByRole('button', { name: '停用' }).click();
    const dialog = page.getByRole('dialog', { name: `停用 ${CLERK.username}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '停用' }).click();
    await page.getByText(`已停用 ${CLERK.username}。`).waitFor();
    const row = userRow(page, CLERK.username);
    await row.filter({ hasText: '已停用' }).waitFor();
    // A deactivated account offers only reactivation.
    expect(await row.getByRole('button', { name: '重新启用' }).count()).toBe(1);
    expect(await row.getByRole('button', { name: '重置密码' }).count()).toBe(0);
    await ui.screenshot('users-deactivated');
    await logout(page);

    await login(page, CLERK.username, CLERK.password);
    await page.locator('[data-error-code="INVALID_CREDENTIALS"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('用户名或密码错误');
  });

  it('reactivates the user with a new temporary password, which must be changed', async () => {
    const { page } = ui;
    await loginAsAdmin(page);
    await openUsers(page);
    await userRow(page, CLERK.username).getByRole('button', { name: '重新启用' }).click();
    const dialog = page.getByRole('dialog', { name: `重新启用 ${CLERK.username}` });
    await dialog.waitFor();
    await field(page, '临时密码').fill(REACTIVATE_PASSWORD);
    await dialog.getByRole('button', { name: '重新启用' }).click();
    await page.getByText(`已重新启用 ${CLERK.username}。`).waitFor();
    const row = userRow(page, CLERK.username);
    await row.filter({ hasText: '启用' }).filter({ hasText: '须改密码' }).waitFor();
    expect(await row.textContent()).not.toContain('已停用');
    await logout(page);

    await login(page, CLERK.username, REACTIVATE_PASSWORD);
    await changeTemporaryPassword(page, REACTIVATE_PASSWORD, 'Zhangwei2025new', RENAMED);
    await logout(page);
  });

  it('keeps a changed idle-lock time', async () => {
    const { page } = ui;
    await loginAsAdmin(page);
    await openUsers(page);
    await page.getByRole('tab', { name: '设置' }).click();
    const minutes = field(page, '无操作自动锁定');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('10 分钟');
    await minutes.fill('20');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存。').waitFor();

    // Reload the window: the session continues and the tab reads the setting afresh from main.
    await page.reload();
    await openSection(page, '系统');
    await page.getByRole('tab', { name: '设置' }).click();
    await field(page, '无操作自动锁定').waitFor();
    expect(await field(page, '无操作自动锁定').inputValue()).toBe('20 分钟');
  });
});
